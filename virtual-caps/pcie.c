// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * PCI Express. As vfio-pci: Device Control is writable except Phantom
 * Functions (could confuse the IOMMU); Max Payload Size is virtual (it must
 * match the rest of the fabric); Max Read Request Size is virtual and an
 * effect; Initiate FLR becomes an effect when Device Capabilities advertise
 * FLR. Device Control 2 is writable except ARI Forwarding. Everything else
 * is read-only; the capability registers are invariant.
 */
#include "caps.h"

#define DEVCTL_VIRT	(PCI_EXP_DEVCTL_BCR_FLR | PCI_EXP_DEVCTL_PAYLOAD | \
			 PCI_EXP_DEVCTL_READRQ)
#define DEVSTA_RW1C	(PCI_EXP_DEVSTA_CED | PCI_EXP_DEVSTA_NFED | \
			 PCI_EXP_DEVSTA_FED | PCI_EXP_DEVSTA_URD)

static const struct vconfig_field exp_v1[] = {
	VCONFIG_INVARIANT(PCI_EXP_FLAGS, 2, "PCI Express Capabilities"),
	VCONFIG_INVARIANT(PCI_EXP_DEVCAP, 4, "Device Capabilities"),
	{ PCI_EXP_DEVCTL, 2, DEVCTL_VIRT, (u16)~PCI_EXP_DEVCTL_PHANTOM, 0, 0,
	  "Device Control" },
	{ PCI_EXP_DEVSTA, 2, 0, 0, DEVSTA_RW1C, 0, "Device Status" },
	VCONFIG_INVARIANT(PCI_EXP_LNKCAP, 4, "Link Capabilities"),
	{ PCI_EXP_LNKCTL, 2, 0, 0, 0, 0, "Link Control" },
	{ PCI_EXP_LNKSTA, 2, 0, 0, PCI_EXP_LNKSTA_LBMS | PCI_EXP_LNKSTA_LABS,
	  0, "Link Status" },
};

static const struct vconfig_field exp_v2[] = {
	VCONFIG_INVARIANT(PCI_EXP_SLTCAP, 4, "Slot Capabilities"),
	VCONFIG_INVARIANT(PCI_EXP_DEVCAP2, 4, "Device Capabilities 2"),
	{ PCI_EXP_DEVCTL2, 2, 0, (u16)~PCI_EXP_DEVCTL2_ARI, 0, 0,
	  "Device Control 2" },
	VCONFIG_INVARIANT(PCI_EXP_LNKCAP2, 4, "Link Capabilities 2"),
	VCONFIG_INVARIANT(PCI_EXP_SLTCAP2, 4, "Slot Capabilities 2"),
};

enum { EXP_V1, EXP_V2 };

static const struct vconfig_layout exp_layouts[] = {
	[EXP_V1] = VCONFIG_LAYOUT(NULL, exp_v1),
	[EXP_V2] = VCONFIG_LAYOUT("capability version other than 1", exp_v2),
};

static unsigned int exp_version(struct vconfig *vc, unsigned int pos)
{
	return vc_hw_cached(vc, pos + PCI_EXP_FLAGS, 2) & PCI_EXP_FLAGS_VERS;
}

/*
 * The registers of an endpoint, as vfio-pci sizes them: an integrated
 * endpoint has no link registers; version 2 (and any version but 1)
 * ends after Slot Status 2.
 * Bytes past the end follow the unassigned rule.
 */
static unsigned int exp_length(struct vconfig *vc, unsigned int pos)
{
	u32 flags = vc_hw_cached(vc, pos + PCI_EXP_FLAGS, 2);
	bool rc_end = FIELD_GET(PCI_EXP_FLAGS_TYPE, flags) == PCI_EXP_TYPE_RC_END;

	if (exp_version(vc, pos) != 1)
		return rc_end ? PCI_CAP_EXP_RC_ENDPOINT_SIZEOF_V2 :
				PCI_CAP_EXP_ENDPOINT_SIZEOF_V2;
	return rc_end ? PCI_CAP_EXP_RC_ENDPOINT_SIZEOF_V1 :
			PCI_CAP_EXP_ENDPOINT_SIZEOF_V1;
}

static u32 exp_select(struct vconfig *vc, const struct vconfig_cap *cap)
{
	return BIT(EXP_V1) |
	       (exp_version(vc, cap->pos) != 1 ? BIT(EXP_V2) : 0);
}

static void exp_init(struct vconfig *vc, struct vconfig_cap *cap)
{
	unsigned int reg = cap->pos + PCI_EXP_DEVCTL;

	if (vc_cap_has(cap, PCI_EXP_DEVCTL, 2))
		vc_set_reset(vc, reg, 2,
			     vc_virt(vc, reg, 2) & ~PCI_EXP_DEVCTL_BCR_FLR);
}

static void exp_write(struct vconfig *vc, struct vconfig_cap *cap,
		      const struct vconfig_write_ctx *ctx)
{
	struct vconfig_effect e = { 0 };
	unsigned int reg = cap->pos + PCI_EXP_DEVCTL;
	u32 old, new;

	if (!vc_ctx_reg(vc, cap->pos, ctx, PCI_EXP_DEVCTL, 2, &old, &new))
		return;
	if ((old ^ new) & PCI_EXP_DEVCTL_READRQ) {
		e.type = VCONFIG_EFFECT_READRQ;
		e.readrq.bytes = 128u << FIELD_GET(PCI_EXP_DEVCTL_READRQ, new);
		vc_emit(vc, &e);
	}
	if (!(new & PCI_EXP_DEVCTL_BCR_FLR))
		return;
	/* Initiate FLR always reads 0. */
	vc_set_virt(vc, reg, 2, vc_virt(vc, reg, 2) & ~PCI_EXP_DEVCTL_BCR_FLR);
	if (vc_hw_cached(vc, cap->pos + PCI_EXP_DEVCAP, 4) & PCI_EXP_DEVCAP_FLR) {
		e.type = VCONFIG_EFFECT_FLR;
		vc_emit(vc, &e);
	}
}

const struct vconfig_cap_desc vconfig_cap_exp = {
	.id = PCI_CAP_ID_EXP,
	.name = "PCI Express",
	.length = exp_length,
	.layouts = exp_layouts,
	.nr_layouts = ARRAY_SIZE(exp_layouts),
	.select = exp_select,
	.init = exp_init,
	.write = exp_write,
	.watch = VCONFIG_WATCH(PCI_EXP_DEVCTL, 2),
	.doc = "Device Control as vfio-pci; FLR and MRRS become effects.",
};
