/* SPDX-License-Identifier: GPL-2.0-only WITH Linux-syscall-note */
/*
 * vfio-vconfig: VFIO device feature of the vconfig driver.
 *
 * VFIO_DEVICE_FEATURE_VCONFIG_ACTION selects, per open of the device, how
 * configuration writes that enable MSI or MSI-X are handled.
 *
 * Default mode (feature not set, or mode VFIO_VCONFIG_MODE_VFIO): exact
 * VFIO semantics. The MSI and MSI-X capabilities are virtual; writing
 * their enable bits changes nothing on the host, and interrupts are set
 * up with VFIO_DEVICE_SET_IRQS as with vfio-pci.
 *
 * Config-action mode (VFIO_VCONFIG_MODE_ACTION): the configuration write
 * itself acts. VFIO_DEVICE_SET_IRQS with ACTION_TRIGGER and DATA_EVENTFD
 * on the MSI or MSI-X index then only arms eventfds: vector N signals
 * the Nth armed eventfd. A write that sets MSI Enable (or MSI-X Enable)
 * allocates the host vectors the capability asks for (Multiple Message
 * Enable, or the MSI-X table size) and connects each to its armed
 * eventfd; clearing the bit releases them. Function Mask of MSI-X
 * masks every vector on the host. Re-arming while enabled replaces the
 * eventfd of a live vector. DATA_NONE with count 0 disarms the index
 * (and releases live vectors).
 *
 * INTx-disable, FLR and power-state writes act in both modes.
 *
 * SET switches the mode; it is refused with -EBUSY while MSI or MSI-X
 * interrupts are enabled. GET reports the current mode. The mode falls
 * back to VFIO_VCONFIG_MODE_VFIO when the device is closed.
 */
#ifndef _UAPI_LINUX_VFIO_VCONFIG_H
#define _UAPI_LINUX_VFIO_VCONFIG_H

#include <linux/types.h>

/* Feature index, far above the indices upstream VFIO allocates. */
#define VFIO_DEVICE_FEATURE_VCONFIG_ACTION	0x5643

#define VFIO_VCONFIG_MODE_VFIO			0
#define VFIO_VCONFIG_MODE_ACTION		1

/**
 * struct vfio_device_feature_vconfig_action - payload of the feature
 * @mode: VFIO_VCONFIG_MODE_VFIO or VFIO_VCONFIG_MODE_ACTION
 * @flags: must be 0
 * @msi_armed: on GET, eventfds armed for MSI
 * @msix_armed: on GET, eventfds armed for MSI-X
 * @active_vectors: on GET, host vectors currently allocated by config writes
 * @reserved: must be 0
 */
struct vfio_device_feature_vconfig_action {
	__u32 mode;
	__u32 flags;
	__u32 msi_armed;
	__u32 msix_armed;
	__u32 active_vectors;
	__u32 reserved;
};

#endif /* _UAPI_LINUX_VFIO_VCONFIG_H */
