// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Advanced Features: Initiate FLR becomes an effect when the capability
 * advertises both FLR and Transactions Pending.
 */
#include "caps.h"

static const struct vconfig_field af_fields[] = {
	VCONFIG_INVARIANT(PCI_AF_LENGTH, 1, "AF Length"),
	VCONFIG_INVARIANT(PCI_AF_CAP, 1, "AF Capabilities"),
	{ PCI_AF_CTRL, 1, PCI_AF_CTRL_FLR, PCI_AF_CTRL_FLR, 0, 0, "AF Control" },
	{ PCI_AF_STATUS, 1, 0, 0, 0, 0, "AF Status" },
};

static const struct vconfig_layout af_layouts[] = {
	VCONFIG_LAYOUT(NULL, af_fields),
};

static void af_write(struct vconfig *vc, struct vconfig_cap *cap,
		     const struct vconfig_write_ctx *ctx)
{
	struct vconfig_effect e = { .type = VCONFIG_EFFECT_FLR };
	u8 need = PCI_AF_CAP_TP | PCI_AF_CAP_FLR;
	u32 old, new;

	if (!vc_ctx_reg(vc, cap->pos, ctx, PCI_AF_CTRL, 1, &old, &new) ||
	    !(new & PCI_AF_CTRL_FLR))
		return;
	vc_set_virt(vc, cap->pos + PCI_AF_CTRL, 1, 0);
	if ((vc_hw_cached(vc, cap->pos + PCI_AF_CAP, 1) & need) == need)
		vc_emit(vc, &e);
}

const struct vconfig_cap_desc vconfig_cap_af = {
	.id = PCI_CAP_ID_AF,
	.name = "Advanced Features",
	.fixed_length = PCI_CAP_AF_SIZEOF,
	.layouts = af_layouts,
	.nr_layouts = ARRAY_SIZE(af_layouts),
	.write = af_write,
	.watch = VCONFIG_WATCH(PCI_AF_CTRL, 1),
	.doc = "Initiate FLR becomes an effect when FLR and TP are advertised.",
};
