// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * MSI-X. Enable and Function Mask are virtual and become effects; the
 * table and PBA location is exposed as hardware has it, and the engine
 * reports the table and PBA ranges so front-ends can protect them.
 */
#include "caps.h"

#define MSIX_CTRL_VIRT	(PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL)

static const struct vconfig_field msix_fields[] = {
	{ PCI_MSIX_FLAGS, 2, MSIX_CTRL_VIRT, MSIX_CTRL_VIRT, 0,
	  PCI_MSIX_FLAGS_QSIZE, "Message Control" },
	VCONFIG_INVARIANT(PCI_MSIX_TABLE, 4, "Table Offset/BIR"),
	VCONFIG_INVARIANT(PCI_MSIX_PBA, 4, "PBA Offset/BIR"),
};

static const struct vconfig_layout msix_layouts[] = {
	VCONFIG_LAYOUT(NULL, msix_fields),
};

/* The user starts with MSI-X disabled and unmasked, as after a reset. */
static void msix_init(struct vconfig *vc, struct vconfig_cap *cap)
{
	vc_set_reset(vc, cap->pos + PCI_MSIX_FLAGS, 2, 0);
}

static void msix_write(struct vconfig *vc, struct vconfig_cap *cap,
		       const struct vconfig_write_ctx *ctx)
{
	struct vconfig_effect e = { .type = VCONFIG_EFFECT_MSIX };
	u32 old, new;

	if (!vc_ctx_reg(vc, cap->pos, ctx, PCI_MSIX_FLAGS, 2, &old, &new) ||
	    !((old ^ new) & MSIX_CTRL_VIRT))
		return;
	e.msix.enable = new & PCI_MSIX_FLAGS_ENABLE;
	e.msix.masked = new & PCI_MSIX_FLAGS_MASKALL;
	vc_emit(vc, &e);
}

const struct vconfig_cap_desc vconfig_cap_msix = {
	.id = PCI_CAP_ID_MSIX,
	.name = "MSI-X",
	.fixed_length = PCI_CAP_MSIX_SIZEOF,
	.layouts = msix_layouts,
	.nr_layouts = ARRAY_SIZE(msix_layouts),
	.init = msix_init,
	.write = msix_write,
	.watch = VCONFIG_WATCH(PCI_MSIX_FLAGS, 2),
	.doc = "Enable and Function Mask virtual, effects; table/PBA reported for protection.",
};

static bool range_in_bar(const struct vconfig *vc, u8 bar, u64 off, u64 len)
{
	const struct vconfig_region_desc *r;

	if (bar >= VCONFIG_NR_BARS)
		return false;
	r = &vc->region[bar];
	if (!r->size || (r->flags & VCONFIG_REGION_IO))
		return false;
	return off < r->size && len <= r->size - off;
}

/**
 * vconfig_msix() - where the MSI-X table and PBA live
 * @vc: the engine
 * @info: filled in; @info->valid is false when the table or PBA lies
 *        outside an implemented memory BAR or the two overlap
 */
void vconfig_msix(const struct vconfig *vc, struct vconfig_msix_info *info)
{
	unsigned int i;

	memset(info, 0, sizeof(*info));
	for (i = 0; i < vc->nr_caps; i++) {
		const struct vconfig_cap *cap = &vc->cap[i];
		u32 table, pba;

		if (cap->hidden || cap->extended || cap->id != PCI_CAP_ID_MSIX ||
		    !vc_cap_has(cap, PCI_MSIX_PBA, 4))
			continue;
		table = vc_hw_cached(vc, cap->pos + PCI_MSIX_TABLE, 4);
		pba = vc_hw_cached(vc, cap->pos + PCI_MSIX_PBA, 4);
		info->present = true;
		info->table_size = (vc_hw_cached(vc, cap->pos + PCI_MSIX_FLAGS, 2) &
				    PCI_MSIX_FLAGS_QSIZE) + 1;
		info->table_bar = table & PCI_MSIX_TABLE_BIR;
		info->table_offset = table & PCI_MSIX_TABLE_OFFSET;
		info->table_bytes = info->table_size * PCI_MSIX_ENTRY_SIZE;
		info->pba_bar = pba & PCI_MSIX_PBA_BIR;
		info->pba_offset = pba & PCI_MSIX_PBA_OFFSET;
		info->pba_bytes = ((info->table_size + 63) / 64) * 8;
		info->valid =
			range_in_bar(vc, info->table_bar, info->table_offset,
				     info->table_bytes) &&
			range_in_bar(vc, info->pba_bar, info->pba_offset,
				     info->pba_bytes) &&
			(info->table_bar != info->pba_bar ||
			 (u64)info->table_offset + info->table_bytes <=
				info->pba_offset ||
			 (u64)info->pba_offset + info->pba_bytes <=
				info->table_offset);
		return;
	}
}
