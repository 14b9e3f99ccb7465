/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * A reference model of vfio-pci's (Linux 6.1) configuration-space
 * semantics, for the differential oracle. Written from the PCI
 * specifications and from the permission tables and handlers of
 * drivers/vfio/pci/vfio_pci_config.c read as documentation; it shares no
 * code and no table with the engine.
 */
#ifndef VCONFIG_VFIO_MODEL_H
#define VCONFIG_VFIO_MODEL_H

#include <vconfig/vconfig.h>

/* What a write asked the host to do, as vfio-pci would do it. */
enum vfio_model_action_type {
	VM_ACT_INTX_MASK,	/* the virtual INTx-disable bit changed */
	VM_ACT_POWER,		/* pci_set_power_state(arg) */
	VM_ACT_FLR,		/* pci_try_reset_function() */
	VM_ACT_VPD_READ,	/* pci_read_vpd(arg) */
	VM_ACT_VPD_WRITE,	/* pci_write_vpd(arg, data) */
	VM_ACT_READRQ,		/* pcie_set_readrq(arg) before the MPS floor */
};

struct vfio_model_action {
	enum vfio_model_action_type type;
	u32 arg;
	u32 data;
	unsigned int where;	/* start of the capability that asked */
};

#define VM_MAX_ACTIONS		8
#define VM_OWNER_BASIC		0xfffe	/* the type-0 header */
#define VM_OWNER_NONE		0xffff	/* unassigned: raw access */
#define VM_OWNER_EXT		0x8000	/* flag of an extended capability ID */

enum vfio_model_kind {
	VM_DEFAULT,	/* vfio_default_config_read/write with the perm bits */
	VM_DIRECT,	/* hardware, next pointer mangled; writes dropped */
	VM_RAW,		/* hardware both ways */
	VM_VNDR,	/* direct read, raw write (vendor-specific) */
};

struct vfio_model {
	const struct vconfig_backend_ops *ops;
	void *priv;
	unsigned int cfg_size;
	struct vconfig_region_desc region[VCONFIG_NR_REGIONS];
	bool no_intx;

	u8 vconfig[VCONFIG_CFG_SIZE_PCIE];
	u16 owner[VCONFIG_CFG_SIZE_PCIE];	/* cap ID (| VM_OWNER_EXT) or VM_OWNER_* */
	u8 kind[VCONFIG_CFG_SIZE_PCIE];
	u8 virt[VCONFIG_CFG_SIZE_PCIE];		/* perm bits, per absolute byte */
	u8 write[VCONFIG_CFG_SIZE_PCIE];
	bool bardirty;
	bool virq_disabled;
	bool extended_caps;			/* the extended chain was walked */
	bool sane;				/* layout free of overlaps, loops, odd pointers */
	bool found[VCONFIG_CFG_SIZE_PCIE];	/* a walk found a capability here */
	unsigned int msi_qmax;			/* log2 of vectors granted by the ioctl: none */

	struct vfio_model_action action[VM_MAX_ACTIONS];
	unsigned int nr_actions;
	u32 (*vpd_read)(u16 addr);		/* the function's VPD contents */
};

/*
 * Build the model over @ops/@priv as vfio_config_init() would. Return 0 or
 * a negative errno from the backend.
 */
int vfio_model_init(struct vfio_model *vm, const struct vconfig_backend_ops *ops,
		    void *priv, unsigned int cfg_size,
		    const struct vconfig_region_desc region[VCONFIG_NR_REGIONS],
		    bool no_intx, u32 (*vpd_read)(u16 addr));

/* vfio_pci_config_rw(): any offset and length inside the space. */
int vfio_model_rw(struct vfio_model *vm, unsigned int offset, unsigned int size,
		  u8 *buf, bool write);

/* Start and ID of the structure holding @pos (VM_OWNER_* for none). */
unsigned int vfio_model_start(const struct vfio_model *vm, unsigned int pos);

#endif /* VCONFIG_VFIO_MODEL_H */
