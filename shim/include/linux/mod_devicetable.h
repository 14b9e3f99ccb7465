/* SPDX-License-Identifier: GPL-2.0 */
#ifndef VCONFIG_SHIM_LINUX_MOD_DEVICETABLE_H
#define VCONFIG_SHIM_LINUX_MOD_DEVICETABLE_H

#include <linux/types.h>

#define PCI_ANY_ID	(~0)

struct pci_device_id {
	u32 vendor, device;
	u32 subvendor, subdevice;
	u32 class, class_mask;
	kernel_ulong_t driver_data;
	u32 override_only;
};

#endif /* VCONFIG_SHIM_LINUX_MOD_DEVICETABLE_H */
