// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * MSI. The capability is virtual: the front-end owns the host's vectors.
 * Enable and Multiple Message Enable become effects, and Multiple Message
 * Capable is clamped to what the front-end can provide. The per-vector
 * mask and pending bits reach hardware as with vfio-pci; the strict
 * profile makes the mask bits virtual. Either way a change of the mask
 * bits is an effect.
 */
#include "caps.h"

#define MSI_CTRL_VIRT	(PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QMASK | \
			 PCI_MSI_FLAGS_QSIZE)
#define MSI_CTRL_WRITE	(PCI_MSI_FLAGS_ENABLE | PCI_MSI_FLAGS_QSIZE)

static const struct vconfig_field msi_common[] = {
	{ PCI_MSI_FLAGS, 2, MSI_CTRL_VIRT, MSI_CTRL_WRITE, 0,
	  PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT, "Message Control" },
	{ PCI_MSI_ADDRESS_LO, 4, 0xffffffff, 0xfffffffc, 0, 0, "Message Address" },
};

static const struct vconfig_field msi_32[] = {
	{ PCI_MSI_DATA_32, 2, 0xffff, 0xffff, 0, 0, "Message Data" },
};

static const struct vconfig_field msi_64[] = {
	{ PCI_MSI_ADDRESS_HI, 4, 0xffffffff, 0xffffffff, 0, 0, "Message Upper Address" },
	{ PCI_MSI_DATA_64, 2, 0xffff, 0xffff, 0, 0, "Message Data" },
};

static const struct vconfig_field msi_mask_32[] = {
	{ PCI_MSI_MASK_32, 4, 0xffffffff, 0xffffffff, 0, 0, "Mask Bits" },
	{ PCI_MSI_PENDING_32, 4, 0, 0, 0, 0, "Pending Bits" },
};

static const struct vconfig_field msi_mask_64[] = {
	{ PCI_MSI_MASK_64, 4, 0xffffffff, 0xffffffff, 0, 0, "Mask Bits" },
	{ PCI_MSI_PENDING_64, 4, 0, 0, 0, 0, "Pending Bits" },
};

static const struct vconfig_field msi_hwmask_32[] = {
	{ PCI_MSI_MASK_32, 4, 0, 0xffffffff, 0, 0, "Mask Bits" },
	{ PCI_MSI_PENDING_32, 4, 0, 0xffffffff, 0, 0, "Pending Bits" },
};

static const struct vconfig_field msi_hwmask_64[] = {
	{ PCI_MSI_MASK_64, 4, 0, 0xffffffff, 0, 0, "Mask Bits" },
	{ PCI_MSI_PENDING_64, 4, 0, 0xffffffff, 0, 0, "Pending Bits" },
};

enum {
	MSI_COMMON, MSI_ADDR32, MSI_ADDR64, MSI_MASK32, MSI_MASK64,
	MSI_HWMASK32, MSI_HWMASK64,
};

static const struct vconfig_layout msi_layouts[] = {
	[MSI_COMMON] = VCONFIG_LAYOUT(NULL, msi_common),
	[MSI_ADDR32] = VCONFIG_LAYOUT("32-bit address", msi_32),
	[MSI_ADDR64] = VCONFIG_LAYOUT("64-bit address", msi_64),
	[MSI_MASK32] = VCONFIG_LAYOUT("per-vector masking, 32-bit, strict", msi_mask_32),
	[MSI_MASK64] = VCONFIG_LAYOUT("per-vector masking, 64-bit, strict", msi_mask_64),
	[MSI_HWMASK32] = VCONFIG_LAYOUT("per-vector masking, 32-bit", msi_hwmask_32),
	[MSI_HWMASK64] = VCONFIG_LAYOUT("per-vector masking, 64-bit", msi_hwmask_64),
};

static u32 msi_flags(struct vconfig *vc, unsigned int pos)
{
	return vc_hw_cached(vc, pos + PCI_MSI_FLAGS, 2);
}

/* Up to Message Data; per-vector masking adds Mask and Pending Bits. */
static unsigned int msi_length(struct vconfig *vc, unsigned int pos)
{
	u32 flags = msi_flags(vc, pos);
	bool is64 = flags & PCI_MSI_FLAGS_64BIT;

	if (flags & PCI_MSI_FLAGS_MASKBIT)
		return (is64 ? PCI_MSI_PENDING_64 : PCI_MSI_PENDING_32) + 4;
	return (is64 ? PCI_MSI_DATA_64 : PCI_MSI_DATA_32) + 2;
}

static u32 msi_select(struct vconfig *vc, const struct vconfig_cap *cap)
{
	u32 flags = msi_flags(vc, cap->pos);
	bool is64 = flags & PCI_MSI_FLAGS_64BIT;
	u32 sel = BIT(MSI_COMMON) | BIT(is64 ? MSI_ADDR64 : MSI_ADDR32);

	if (!(flags & PCI_MSI_FLAGS_MASKBIT))
		return sel;
	if (vc_strict(vc))
		return sel | BIT(is64 ? MSI_MASK64 : MSI_MASK32);
	return sel | BIT(is64 ? MSI_HWMASK64 : MSI_HWMASK32);
}

static unsigned int msi_mask_offset(const struct vconfig_cap *cap)
{
	if (cap->layouts & (BIT(MSI_MASK64) | BIT(MSI_HWMASK64)))
		return PCI_MSI_MASK_64;
	if (cap->layouts & (BIT(MSI_MASK32) | BIT(MSI_HWMASK32)))
		return PCI_MSI_MASK_32;
	return 0;
}

/* log2 of the vectors the user may enable: min(MMC, front-end limit). */
static u32 msi_mmc(struct vconfig *vc, const struct vconfig_cap *cap)
{
	u32 mmc = FIELD_GET(PCI_MSI_FLAGS_QMASK, msi_flags(vc, cap->pos));
	u32 limit = 0;

	while ((2u << limit) <= vc->max_msi_vectors && limit < 5)
		limit++;
	if (mmc > 5)
		mmc = 5;
	return min(mmc, limit);
}

static void msi_init(struct vconfig *vc, struct vconfig_cap *cap)
{
	unsigned int mask_off = msi_mask_offset(cap);
	u32 mmc = msi_mmc(vc, cap);
	unsigned int b;

	vc_set_reset(vc, cap->pos + PCI_MSI_FLAGS, 2,
		     FIELD_PREP(PCI_MSI_FLAGS_QMASK, mmc));
	if (!vc_strict(vc) || !mask_off || !vc_cap_has(cap, mask_off, 4))
		return;
	/* Only the mask bits of vectors that can exist are writable. */
	for (b = 0; b < 4; b++) {
		u32 bits = (mmc == 5) ? 0xffffffff : (1u << (1u << mmc)) - 1;

		vc->mask[VCONFIG_CLASS_WRITE][cap->pos + mask_off + b] =
			bits >> (8 * b);
	}
	vc_set_reset(vc, cap->pos + mask_off, 4, 0);
}

static void msi_emit(struct vconfig *vc, bool enable, u32 mme)
{
	struct vconfig_effect e = { .type = VCONFIG_EFFECT_MSI };

	e.msi.enable = enable;
	e.msi.nvec = enable ? 1u << mme : 0;
	vc_emit(vc, &e);
}

static void msi_write(struct vconfig *vc, struct vconfig_cap *cap,
		      const struct vconfig_write_ctx *ctx)
{
	unsigned int mask_off = msi_mask_offset(cap);
	u32 old, new, mmc, mme, old_mme;
	bool was, is;

	if (vc_ctx_reg(vc, cap->pos, ctx, PCI_MSI_FLAGS, 2, &old, &new)) {
		mmc = msi_mmc(vc, cap);
		mme = FIELD_GET(PCI_MSI_FLAGS_QSIZE, new);
		old_mme = FIELD_GET(PCI_MSI_FLAGS_QSIZE, old);
		if (mme > mmc) {
			/* More vectors than capable: grant what exists. */
			mme = mmc;
			new = (new & ~PCI_MSI_FLAGS_QSIZE) |
			      FIELD_PREP(PCI_MSI_FLAGS_QSIZE, mme);
			vc_set_virt(vc, cap->pos + PCI_MSI_FLAGS, 2,
				    new & MSI_CTRL_VIRT);
		}
		was = old & PCI_MSI_FLAGS_ENABLE;
		is = new & PCI_MSI_FLAGS_ENABLE;
		if (was != is || (is && mme != old_mme))
			msi_emit(vc, is, mme);
	}
	if (mask_off && vc_cap_has(cap, mask_off, 4) &&
	    vc_ctx_reg(vc, cap->pos, ctx, mask_off, 4, &old, &new) &&
	    old != new) {
		struct vconfig_effect e = { .type = VCONFIG_EFFECT_MSI_MASK };

		e.msi_mask.mask = new;
		vc_emit(vc, &e);
	}
}

const struct vconfig_cap_desc vconfig_cap_msi = {
	.id = PCI_CAP_ID_MSI,
	.name = "MSI",
	.length = msi_length,
	.layouts = msi_layouts,
	.nr_layouts = ARRAY_SIZE(msi_layouts),
	.select = msi_select,
	.init = msi_init,
	.write = msi_write,
	/* Message Control; the mask bits of either layout */
	.watch = VCONFIG_WATCH(PCI_MSI_FLAGS, 2) | VCONFIG_WATCH(PCI_MSI_MASK_32, 4) |
		 VCONFIG_WATCH(PCI_MSI_MASK_64, 4),
	.doc = "Fully virtual; enable, vector count and masks become effects; MMC clamped.",
};
