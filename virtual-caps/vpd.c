// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Vital Product Data. The address/flag handshake is virtual: writing the
 * byte of the address that holds the flag asks the front-end for a VPD
 * read (flag 0) or write (flag 1);
 * the front-end completes it with vconfig_vpd_complete(), which flips the
 * flag as hardware would.
 */
#include "caps.h"

static const struct vconfig_field vpd_fields[] = {
	{ PCI_VPD_ADDR, 2, 0xffff, 0xffff, 0, 0, "VPD Address" },
	{ PCI_VPD_DATA, 4, 0xffffffff, 0xffffffff, 0, 0, "VPD Data" },
};

static const struct vconfig_layout vpd_layouts[] = {
	VCONFIG_LAYOUT(NULL, vpd_fields),
};

/* Address and Data start as hardware has them, as with vfio-pci. */
static void vpd_init(struct vconfig *vc, struct vconfig_cap *cap)
{
	if (!vc->vpd_cap)
		vc->vpd_cap = cap->pos;
}

static void vpd_write(struct vconfig *vc, struct vconfig_cap *cap,
		      const struct vconfig_write_ctx *ctx)
{
	struct vconfig_effect e = { .type = VCONFIG_EFFECT_VPD };
	u32 old, new;

	/* As with vfio-pci, only a write of the byte holding the flag acts. */
	if (!vc_ctx_reg(vc, cap->pos, ctx, PCI_VPD_ADDR + 1, 1, &old, &new) ||
	    cap->pos != vc->vpd_cap || !vc_cap_has(cap, PCI_VPD_DATA, 4))
		return;
	new = vc_virt(vc, cap->pos + PCI_VPD_ADDR, 2);
	e.vpd.write = new & PCI_VPD_ADDR_F;
	e.vpd.addr = new & PCI_VPD_ADDR_MASK;
	e.vpd.data = vc_virt(vc, cap->pos + PCI_VPD_DATA, 4);
	vc->vpd_pending = true;
	vc_emit(vc, &e);
}

const struct vconfig_cap_desc vconfig_cap_vpd = {
	.id = PCI_CAP_ID_VPD,
	.name = "Vital Product Data",
	.fixed_length = PCI_CAP_VPD_SIZEOF,
	.layouts = vpd_layouts,
	.nr_layouts = ARRAY_SIZE(vpd_layouts),
	.init = vpd_init,
	.write = vpd_write,
	.watch = VCONFIG_WATCH(PCI_VPD_ADDR, 2),
	.doc = "Address/flag handshake virtual; operations become effects.",
};

/**
 * vconfig_vpd_complete() - finish a VPD operation requested by an effect
 * @vc: the engine
 * @data: for a read, the dword read from VPD; ignored for a write
 * @ok: false when the operation failed; the flag is then left unchanged
 */
void vconfig_vpd_complete(struct vconfig *vc, u32 data, bool ok)
{
	unsigned int addr_reg = vc->vpd_cap + PCI_VPD_ADDR;
	u32 addr;

	if (!vc->vpd_pending || !vc->vpd_cap)
		return;
	vc->vpd_pending = false;
	if (!ok)
		return;
	addr = vc_virt(vc, addr_reg, 2);
	if (addr & PCI_VPD_ADDR_F) {
		vc_set_virt(vc, addr_reg, 2, addr & ~PCI_VPD_ADDR_F);
	} else {
		vc_set_virt(vc, vc->vpd_cap + PCI_VPD_DATA, 4, data);
		vc_set_virt(vc, addr_reg, 2, addr | PCI_VPD_ADDR_F);
	}
}
