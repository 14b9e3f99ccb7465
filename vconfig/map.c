// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Building the map: reading the function once, walking its capability
 * chains and giving every byte an owner and every bit a class.
 *
 * The function may be hostile. Walks are bounded and loop-proof, every
 * pointer is range- and alignment-checked, and capability lengths are
 * clamped so that no two instances overlap and none leaves the space.
 */
#include "internal.h"

#define STD_CAP_START	PCI_STD_HEADER_SIZEOF
#define STD_CAP_END	PCI_CFG_SPACE_SIZE
#define EXT_CAP_START	PCI_CFG_SPACE_SIZE
#define MAX_STD_CAPS	((STD_CAP_END - STD_CAP_START) / PCI_CAP_SIZEOF)
#define MAX_EXT_CAPS	((PCI_CFG_SPACE_EXP_SIZE - EXT_CAP_START) / PCI_CAP_SIZEOF)
/* Next Capability Offset of an extended capability header. */
#define EXT_CAP_NEXT_FIELD	GENMASK(31, 20)

static bool add_found(struct vconfig *vc, u16 id, u16 pos, bool extended)
{
	struct vconfig_cap *cap;

	if (vc->nr_caps >= VCONFIG_MAX_CAPS)
		return false;
	cap = &vc->cap[vc->nr_caps++];
	cap->id = id;
	cap->pos = pos;
	cap->extended = extended;
	return true;
}

static bool test_and_mark(u8 *bitmap, unsigned int bit)
{
	bool seen = bitmap[bit / 8] & (1u << (bit % 8));

	bitmap[bit / 8] |= 1u << (bit % 8);
	return seen;
}

/*
 * Standard chain: pointers below 0x40, misaligned, leading past the end or
 * back to a visited capability end the walk.
 */
static void walk_std(struct vconfig *vc)
{
	u8 visited[STD_CAP_END / PCI_CAP_SIZEOF / 8] = { 0 };
	unsigned int pos, steps;

	if (!(vc_hw_cached(vc, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST))
		return;
	pos = vc->hwcache[PCI_CAPABILITY_LIST];
	for (steps = 0; steps < MAX_STD_CAPS && pos; steps++) {
		if (pos < STD_CAP_START || pos % PCI_CAP_SIZEOF ||
		    pos + PCI_CAP_SIZEOF > STD_CAP_END)
			return;
		if (test_and_mark(visited, pos / PCI_CAP_SIZEOF))
			return;
		if (!add_found(vc, vc->hwcache[pos], pos, false))
			return;
		pos = vc->hwcache[pos + PCI_CAP_LIST_NEXT];
	}
}

/* Extended chain: additionally, an all-zero or all-ones header ends it. */
static void walk_ext(struct vconfig *vc)
{
	u8 visited[PCI_CFG_SPACE_EXP_SIZE / PCI_CAP_SIZEOF / 8] = { 0 };
	unsigned int pos = EXT_CAP_START, steps;
	u32 header;

	if (vc->cfg_size < VCONFIG_CFG_SIZE_PCIE)
		return;
	for (steps = 0; steps < MAX_EXT_CAPS && pos; steps++) {
		if (pos < EXT_CAP_START || pos % PCI_CAP_SIZEOF ||
		    pos + PCI_CAP_SIZEOF > PCI_CFG_SPACE_EXP_SIZE)
			return;
		if (test_and_mark(visited, pos / PCI_CAP_SIZEOF))
			return;
		header = vc_hw_cached(vc, pos, 4);
		if (header == 0 || header == 0xffffffff)
			return;
		if (!add_found(vc, PCI_EXT_CAP_ID(header), pos, true))
			return;
		pos = PCI_EXT_CAP_NEXT(header);
	}
}

/* Start of the nearest capability above @pos in the same space, or its end. */
static unsigned int next_start(const struct vconfig *vc, unsigned int pos,
			       bool extended, unsigned int end)
{
	unsigned int i, lim = end;

	for (i = 0; i < vc->nr_caps; i++)
		if (vc->cap[i].extended == extended && vc->cap[i].pos > pos &&
		    vc->cap[i].pos < lim)
			lim = vc->cap[i].pos;
	return lim;
}

static void own_bytes(struct vconfig *vc, unsigned int idx)
{
	struct vconfig_cap *cap = &vc->cap[idx];
	unsigned int b;

	for (b = 0; b < cap->len; b++)
		vc->owner[cap->pos + b] = idx;
}

/* Capability header: ID from hardware (invariant), next pointer virtual. */
static void map_cap_header(struct vconfig *vc, const struct vconfig_cap *cap)
{
	static const struct vconfig_field std_header[] = {
		{ PCI_CAP_LIST_ID, 1, 0, 0, 0, 0xff, "ID" },
		{ PCI_CAP_LIST_NEXT, 1, 0xff, 0, 0, 0, "Next" },
	};
	static const struct vconfig_field ext_header[] = {
		{ 0, 4, EXT_CAP_NEXT_FIELD, 0, 0, (u32)~EXT_CAP_NEXT_FIELD,
		  "ID/Version/Next" },
	};

	if (cap->extended)
		vc_apply_fields(vc, cap->pos, ext_header, 1, cap->len);
	else
		vc_apply_fields(vc, cap->pos, std_header, 2, cap->len);
}

static void map_hidden(struct vconfig *vc, const struct vconfig_cap *cap)
{
	unsigned int b;

	for (b = cap->pos; b < cap->pos + cap->len; b++) {
		vc->mask[VCONFIG_CLASS_VIRT][b] = 0xff;
		vc->mask[VCONFIG_CLASS_WRITE][b] = 0;
		vc->mask[VCONFIG_CLASS_RW1C][b] = 0;
		vc->mask[VCONFIG_CLASS_INVARIANT][b] = 0;
		vc->vcopy[b] = 0;
		vc->reset_copy[b] = 0;
	}
}

static void map_visible(struct vconfig *vc, struct vconfig_cap *cap)
{
	const struct vconfig_cap_desc *d = cap->desc;
	unsigned int i;

	map_cap_header(vc, cap);
	cap->layouts = d->select ? d->select(vc, cap) : ~0u;
	for (i = 0; i < d->nr_layouts && i < 32; i++)
		if (cap->layouts & BIT(i))
			vc_apply_fields(vc, cap->pos, d->layouts[i].fields,
					d->layouts[i].nr_fields, cap->len);
	/* Virtual bits start out as hardware has them; init may adjust. */
	for (i = cap->pos; i < cap->pos + cap->len; i++) {
		vc->vcopy[i] = vc->hwcache[i] & vc->mask[VCONFIG_CLASS_VIRT][i];
		vc->reset_copy[i] = vc->vcopy[i];
	}
	if (d->init)
		d->init(vc, cap);
}

/*
 * A hidden capability whose length nothing defines claims only its header,
 * as vfio-pci, which splices it out and leaves the rest to the unassigned
 * rule; the strict profile hides everything up to the next capability.
 */
static unsigned int unknown_length(const struct vconfig *vc,
				   const struct vconfig_cap *cap,
				   unsigned int lim)
{
	if (vc_strict(vc))
		return lim - cap->pos;
	return cap->extended ? PCI_CAP_SIZEOF : PCI_CAP_FLAGS;
}

/*
 * Give each found capability its descriptor and length. A length is
 * clamped to the start of the next capability and the end of its space; a
 * capability without a descriptor, or one its descriptor finds malformed,
 * is hidden.
 */
static void size_caps(struct vconfig *vc)
{
	unsigned int i;

	for (i = 0; i < vc->nr_caps; i++) {
		struct vconfig_cap *cap = &vc->cap[i];
		unsigned int end = cap->extended ? vc->cfg_size : STD_CAP_END;
		unsigned int lim = next_start(vc, cap->pos, cap->extended, end);
		const struct vconfig_cap_desc *d;
		unsigned int len;

		d = vconfig_find_cap_desc(cap->id, cap->extended);
		if (d)
			len = d->length ? d->length(vc, cap->pos) : d->fixed_length;
		else
			len = vconfig_hidden_cap_length(vc, cap->id,
							cap->extended, cap->pos);
		if (d && !len)
			d = NULL;
		if (!len)
			len = unknown_length(vc, cap, lim);
		cap->desc = d;
		cap->hidden = !d;
		cap->len = min(len, lim - cap->pos);
		own_bytes(vc, i);
	}
}

static void set_next(struct vconfig *vc, const struct vconfig_cap *cap,
		     unsigned int next)
{
	u32 header;

	if (!cap->extended) {
		vc_set_reset(vc, cap->pos + PCI_CAP_LIST_NEXT, 1, next);
		return;
	}
	header = vc_virt(vc, cap->pos, 4) & ~EXT_CAP_NEXT_FIELD;
	vc_set_reset(vc, cap->pos, 4, header | FIELD_PREP(EXT_CAP_NEXT_FIELD, next));
}

/* Link the visible capabilities of one chain, in chain order. */
static void splice_chain(struct vconfig *vc, bool extended)
{
	struct vconfig_cap *prev = NULL;
	unsigned int i, first = 0;

	for (i = 0; i < vc->nr_caps; i++) {
		struct vconfig_cap *cap = &vc->cap[i];

		if (cap->extended != extended || cap->hidden)
			continue;
		if (prev)
			set_next(vc, prev, cap->pos);
		else
			first = cap->pos;
		prev = cap;
	}
	if (prev)
		set_next(vc, prev, 0);

	if (!extended) {
		u32 status = vc_virt(vc, PCI_STATUS, 2) & ~PCI_STATUS_CAP_LIST;

		vc_set_reset(vc, PCI_CAPABILITY_LIST, 1, first);
		vc_set_reset(vc, PCI_STATUS, 2,
			     status | (first ? PCI_STATUS_CAP_LIST : 0));
	} else if (vc->cfg_size == VCONFIG_CFG_SIZE_PCIE &&
		   first != EXT_CAP_START) {
		/* A null capability at 0x100 heads the chain. */
		vc_set_reset(vc, EXT_CAP_START, 4,
			     FIELD_PREP(EXT_CAP_NEXT_FIELD, first));
	}
}

/*
 * Bytes no capability claims pass through to hardware, as with vfio-pci;
 * the strict profile makes them read-only (standard space) or zero
 * (extended space) unless VCONFIG_F_UNASSIGNED_PASSTHROUGH is given.
 */
static void map_unassigned(struct vconfig *vc)
{
	bool pass = !vc_strict(vc) ||
		    (vc->flags & VCONFIG_F_UNASSIGNED_PASSTHROUGH);
	unsigned int b;

	for (b = STD_CAP_START; b < vc->cfg_size; b++) {
		if (vc->owner[b] != VCONFIG_OWNER_IDX_NONE)
			continue;
		vc->mask[VCONFIG_CLASS_WRITE][b] = pass ? 0xff : 0;
		vc->mask[VCONFIG_CLASS_VIRT][b] =
			(!pass && b >= EXT_CAP_START) ? 0xff : 0;
	}
	/* The extended chain head is virtual unless a capability sits there. */
	if (vc->cfg_size == VCONFIG_CFG_SIZE_PCIE &&
	    vc->owner[EXT_CAP_START] == VCONFIG_OWNER_IDX_NONE) {
		memset(&vc->mask[VCONFIG_CLASS_VIRT][EXT_CAP_START], 0xff,
		       PCI_CAP_SIZEOF);
		memset(&vc->mask[VCONFIG_CLASS_WRITE][EXT_CAP_START], 0,
		       PCI_CAP_SIZEOF);
	}
}

static void build_map(struct vconfig *vc)
{
	unsigned int i;

	memset(vc->owner, VCONFIG_OWNER_IDX_NONE, sizeof(vc->owner));
	memset(vc->owner, VCONFIG_OWNER_IDX_HEADER, STD_CAP_START);
	vconfig_header_init(vc);

	walk_std(vc);
	walk_ext(vc);
	size_caps(vc);

	for (i = 0; i < vc->nr_caps; i++) {
		if (vc->cap[i].hidden)
			map_hidden(vc, &vc->cap[i]);
		else
			map_visible(vc, &vc->cap[i]);
	}
	map_unassigned(vc);
	splice_chain(vc, false);
	splice_chain(vc, true);
	vc_precompute(vc);
}

static int check_config(const struct vconfig_config *cfg)
{
	if (!cfg || !cfg->ops || !cfg->ops->read || !cfg->ops->write)
		return -EINVAL;
	if (cfg->cfg_size != VCONFIG_CFG_SIZE_PCI &&
	    cfg->cfg_size != VCONFIG_CFG_SIZE_PCIE)
		return -EINVAL;
	if (cfg->max_msi_vectors > 32)
		return -EINVAL;
	return 0;
}

int vconfig_create(const struct vconfig_config *cfg, struct vconfig **out)
{
	struct vconfig *vc;
	u8 header_type;
	int ret;

	ret = check_config(cfg);
	if (ret)
		return ret;
	if (!out)
		return -EINVAL;

	vc = vc_zalloc(sizeof(*vc));
	if (!vc)
		return -ENOMEM;
	vc->ops = cfg->ops;
	vc->priv = cfg->priv;
	vc->cfg_size = cfg->cfg_size;
	vc->flags = cfg->flags;
	vc->max_msi_vectors = cfg->max_msi_vectors ? cfg->max_msi_vectors : 32;
	memcpy(vc->region, cfg->region, sizeof(vc->region));

	/* the function, read once */
	ret = vc_hw_read_dwords(vc, 0, vc->cfg_size / 4, vc->hwcache);
	if (ret)
		goto fail;
	if (vc->flags & VCONFIG_F_VIRTFN)
		vconfig_header_virtfn(vc, cfg->vf_vendor, cfg->vf_device);
	ret = -ENODEV;
	if (vc_hw_cached(vc, PCI_VENDOR_ID, 2) == 0xffff)
		goto fail;
	ret = -EOPNOTSUPP;
	header_type = vc->hwcache[PCI_HEADER_TYPE] & PCI_HEADER_TYPE_MASK;
	if (header_type != PCI_HEADER_TYPE_NORMAL)
		goto fail;

	build_map(vc);
	*out = vc;
	return 0;
fail:
	vc_free(vc);
	return ret;
}

void vconfig_destroy(struct vconfig *vc)
{
	vc_free(vc);
}
