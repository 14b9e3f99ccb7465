/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: firmware loading, from the files the kernel's loader
 * reads (shim/firmware.c). */
#ifndef _VCSHIM_LINUX_FIRMWARE_H
#define _VCSHIM_LINUX_FIRMWARE_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/types.h>

struct device;

struct firmware {
	size_t size;
	const u8 *data;
	void *priv;
};

int request_firmware(const struct firmware **fw, const char *name, struct device *device);
int request_firmware_direct(const struct firmware **fw, const char *name,
			    struct device *device);
int firmware_request_nowarn(const struct firmware **fw, const char *name,
			    struct device *device);
void release_firmware(const struct firmware *fw);

#endif /* _VCSHIM_LINUX_FIRMWARE_H */
