/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: platform devices are not PCI functions: the types are
 * here for drivers that declare both, registration is not. */
#ifndef _VCSHIM_LINUX_PLATFORM_DEVICE_H
#define _VCSHIM_LINUX_PLATFORM_DEVICE_H

#include <linux/device.h>
#include <linux/mod_devicetable.h>

struct platform_device {
	const char *name;
	int id;
	struct device dev;
	u32 num_resources;
	struct resource *resource;
};

struct platform_driver {
	int (*probe)(struct platform_device *pdev);
	int (*remove)(struct platform_device *pdev);
	void (*shutdown)(struct platform_device *pdev);
	struct device_driver driver;
	const struct platform_device_id *id_table;
};

#endif /* _VCSHIM_LINUX_PLATFORM_DEVICE_H */
