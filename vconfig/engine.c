// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The vconfig engine: per-byte map, access splitting, reset.
 */
#include "internal.h"

#define MASK_OF(size)	((size) == 4 ? 0xffffffffu : ((1u << (8 * (size))) - 1))

/* The bits of a dword mask that a piece inside that dword covers. */
static inline u32 piece_bits(u32 dword_mask, unsigned int pos, unsigned int size)
{
	return (dword_mask >> (8 * (pos & 3))) & MASK_OF(size);
}

/* Does the write hook of the owner of @pos look at the dword of @pos? */
static bool hook_watches(const struct vconfig *vc, unsigned int pos)
{
	const struct vconfig_cap *cap;
	u8 idx = vc->owner[pos];

	if (idx == VCONFIG_OWNER_IDX_HEADER)
		return VCONFIG_HEADER_WATCH & (1ULL << (pos / 4));
	if (idx >= vc->nr_caps)
		return false;
	cap = &vc->cap[idx];
	if (cap->hidden || !cap->desc || !cap->desc->write)
		return false;
	/* a dword a hook does not look at: past 64 dwords, none is watched */
	return (pos - cap->pos) / 4 < 64 &&
	       (cap->desc->watch & (1ULL << ((pos - cap->pos) / 4)));
}

static u8 dword_kind(const struct vconfig *vc, unsigned int pos,
		     const struct vconfig_dword *w)
{
	if (vc->owner[pos] != vc->owner[pos + 1] ||
	    vc->owner[pos] != vc->owner[pos + 2] ||
	    vc->owner[pos] != vc->owner[pos + 3])
		return VCONFIG_DWORD_SPLIT;
	if (w->virt == 0xffffffffu)
		return VCONFIG_DWORD_VIRT;
	if (!w->live)
		return VCONFIG_DWORD_COPY;
	return w->live == 0xffffffffu ? VCONFIG_DWORD_RAW : VCONFIG_DWORD_MIXED;
}

/* Runs, from the last dword back: a read takes a run in one go. */
static void precompute_runs(struct vconfig *vc)
{
	unsigned int d = vc->cfg_size / 4;
	const struct vconfig_dword *next = NULL;

	while (d--) {
		struct vconfig_dword *w = &vc->dword[d];
		bool hw = w->kind == VCONFIG_DWORD_MIXED ||
			  w->kind == VCONFIG_DWORD_RAW;

		w->run = next && next->kind == w->kind ? next->run + 1 : 1;
		w->hw_run = hw ? (next ? next->hw_run : 0) + 1 : 0;
		next = w;
	}
}

void vc_precompute(struct vconfig *vc)
{
	unsigned int d;

	for (d = 0; d < vc->cfg_size / 4; d++) {
		struct vconfig_dword *w = &vc->dword[d];
		unsigned int pos = 4 * d;
		u32 inv = vc_get32(&vc->mask[VCONFIG_CLASS_INVARIANT][pos]);

		w->virt = vc_get32(&vc->mask[VCONFIG_CLASS_VIRT][pos]);
		w->write = vc_get32(&vc->mask[VCONFIG_CLASS_WRITE][pos]);
		w->rw1c = vc_get32(&vc->mask[VCONFIG_CLASS_RW1C][pos]);
		inv &= ~w->virt;
		w->live = ~w->virt & ~inv;
		w->fixed = vc_get32(&vc->hwcache[pos]) & inv;
		w->kind = dword_kind(vc, pos, w);
		w->hooked = hook_watches(vc, pos) || hook_watches(vc, pos + 3);
	}
	precompute_runs(vc);
}

/* Does one owner hold the four bytes of the dword at @pos? */
static inline bool one_owner(const struct vconfig *vc, unsigned int pos)
{
	return vc->dword[pos / 4].kind != VCONFIG_DWORD_SPLIT;
}

static int hw_read(struct vconfig *vc, unsigned int pos, unsigned int size,
		   u32 *val)
{
	vc->hw_reads++;
	return vc->ops->read(vc->priv, pos, size, val);
}

int vc_hw_read_dwords(struct vconfig *vc, unsigned int pos, unsigned int count,
		      u8 *buf)
{
	unsigned int i;
	u32 val;
	int ret;

	if (vc->ops->read_bulk) {
		vc->hw_reads += count;
		return vc->ops->read_bulk(vc->priv, pos, 4 * count, buf);
	}
	for (i = 0; i < count; i++) {
		ret = hw_read(vc, pos + 4 * i, 4, &val);
		if (ret)
			return ret;
		vc_put32(buf + 4 * i, val);
	}
	return 0;
}

static int hw_write(struct vconfig *vc, unsigned int pos, unsigned int size,
		    u32 val)
{
	vc->hw_writes++;
	return vc->ops->write(vc->priv, pos, size, val);
}

void vc_set_reset(struct vconfig *vc, unsigned int pos, unsigned int size,
		  u32 val)
{
	if (pos + size > vc->cfg_size)
		return;
	vc_put(&vc->vcopy[pos], size, val);
	vc_put(&vc->reset_copy[pos], size, val);
}

void vc_set_virt(struct vconfig *vc, unsigned int pos, unsigned int size,
		 u32 val)
{
	if (pos + size > vc->cfg_size)
		return;
	vc_put(&vc->vcopy[pos], size, val);
}

void vc_emit(struct vconfig *vc, const struct vconfig_effect *effect)
{
	struct vconfig_effects *fx = vc->fx;

	if (!fx)
		return;
	if (fx->count >= VCONFIG_MAX_EFFECTS) {
		fx->overflow = true;
		return;
	}
	fx->effect[fx->count++] = *effect;
}

void vc_apply_fields(struct vconfig *vc, unsigned int base,
		     const struct vconfig_field *fields, unsigned int nr,
		     unsigned int limit)
{
	unsigned int i, b;

	for (i = 0; i < nr; i++) {
		const struct vconfig_field *f = &fields[i];

		for (b = 0; b < f->size; b++) {
			unsigned int off = f->offset + b;
			unsigned int pos = base + off;
			unsigned int sh = 8 * b;
			u8 virt = f->virt >> sh;

			if (off >= limit || pos >= vc->cfg_size)
				break;
			vc->mask[VCONFIG_CLASS_VIRT][pos] = virt;
			vc->mask[VCONFIG_CLASS_WRITE][pos] = f->write >> sh;
			vc->mask[VCONFIG_CLASS_RW1C][pos] = f->rw1c >> sh;
			vc->mask[VCONFIG_CLASS_INVARIANT][pos] =
				(f->invariant >> sh) & ~virt;
		}
	}
}

/* The largest naturally aligned piece at @pos that has one owner. */
static unsigned int piece_size(const struct vconfig *vc, unsigned int pos,
			       unsigned int end)
{
	if (!(pos & 3) && end - pos >= 4 && one_owner(vc, pos))
		return 4;
	if (!(pos & 1) && end - pos >= 2 && vc->owner[pos] == vc->owner[pos + 1])
		return 2;
	return 1;
}

static int read_piece(struct vconfig *vc, unsigned int pos, unsigned int size,
		      u32 *out)
{
	const struct vconfig_dword *w = &vc->dword[pos / 4];
	u32 virt = piece_bits(w->virt, pos, size);
	u32 live = piece_bits(w->live, pos, size);
	u32 hw = 0;
	int ret;

	if (live) {
		ret = hw_read(vc, pos, size, &hw);
		if (ret)
			return ret;
	}
	/* Invariant bits come from the cache even when others are live. */
	*out = (hw & live) | piece_bits(w->fixed, pos, size) |
	       (vc_load(&vc->vcopy[pos], size) & virt);
	return 0;
}

/* What the user reads in a whole dword, given its hardware value @hw. */
static __always_inline u32 dword_value(const struct vconfig *vc,
				       const struct vconfig_dword *w,
				       unsigned int pos, u32 hw)
{
	return (hw & w->live) | w->fixed | (vc_get32(&vc->vcopy[pos]) & w->virt);
}

/* A whole dword with one owner: the common case of every access. */
static __always_inline int read_dword(struct vconfig *vc, unsigned int pos,
				      u32 *out)
{
	const struct vconfig_dword *w = &vc->dword[pos / 4];
	u32 hw = 0;
	int ret;

	if (w->live) {
		ret = hw_read(vc, pos, 4, &hw);
		if (ret)
			return ret;
	}
	*out = dword_value(vc, w, pos, hw);
	return 0;
}

/* @count dwords from @pos, none of them live, into @out. */
static void read_copies(const struct vconfig *vc, unsigned int pos,
			unsigned int count, u8 *out)
{
	const struct vconfig_dword *w = &vc->dword[pos / 4];
	unsigned int i;

	for (i = 0; i < count; i++, w++, pos += 4, out += 4)
		vc_put32(out, dword_value(vc, w, pos, 0));
}

/*
 * @count dwords from @pos, each of them MIXED or RAW, into @out: one
 * backend call for them all, then the bits of the MIXED ones that come
 * from the copies. RAW dwords are the hardware value as it is.
 */
static int read_live(struct vconfig *vc, unsigned int pos, unsigned int count,
		     u8 *out)
{
	unsigned int i = 0, n, end;
	int ret;

	ret = vc_hw_read_dwords(vc, pos, count, out);
	if (ret)
		return ret;
	while (i < count) {
		const struct vconfig_dword *w = &vc->dword[pos / 4 + i];

		n = min_t(unsigned int, w->run, count - i);
		if (w->kind == VCONFIG_DWORD_MIXED) {
			for (end = i + n; i < end; i++, w++)
				vc_put32(out + 4 * i,
					 dword_value(vc, w, pos + 4 * i,
						     vc_get32(out + 4 * i)));
		} else {
			i += n;
		}
	}
	return 0;
}

/*
 * Up to @count whole dwords from the dword-aligned @pos, which is not
 * SPLIT, into @out, as far as its run goes. Return: the dwords read or a
 * negative errno.
 */
static int read_run(struct vconfig *vc, unsigned int pos, unsigned int count,
		    u8 *out)
{
	const struct vconfig_dword *w = &vc->dword[pos / 4];
	int ret;

	if (w->kind == VCONFIG_DWORD_VIRT) {
		count = min_t(unsigned int, w->run, count);
		memcpy(out, &vc->vcopy[pos], 4 * count);
		return count;
	}
	if (w->kind == VCONFIG_DWORD_COPY) {
		count = min_t(unsigned int, w->run, count);
		read_copies(vc, pos, count, out);
		return count;
	}
	count = min_t(unsigned int, w->hw_run, count);
	ret = read_live(vc, pos, count, out);
	if (ret)
		return ret;
	return count;
}

u32 vc_read_user(struct vconfig *vc, unsigned int pos, unsigned int size)
{
	u32 val = 0, piece;
	unsigned int i = 0;

	if (pos + size > vc->cfg_size)
		return 0;
	while (i < size) {
		unsigned int s = piece_size(vc, pos + i, pos + size);

		if (read_piece(vc, pos + i, s, &piece))
			piece = MASK_OF(s);
		val |= piece << (8 * i);
		i += s;
	}
	return val;
}

bool vc_ctx_reg(struct vconfig *vc, unsigned int base,
		const struct vconfig_write_ctx *ctx, unsigned int reg,
		unsigned int size, u32 *old, u32 *new)
{
	unsigned int b;

	if (ctx->offset >= reg + size || reg >= ctx->offset + ctx->size)
		return false;
	/* The piece holds the whole register: no other byte to read. */
	if (reg >= ctx->offset && reg + size <= ctx->offset + ctx->size) {
		unsigned int sh = 8 * (reg - ctx->offset);

		*old = (ctx->old >> sh) & MASK_OF(size);
		*new = (ctx->new >> sh) & MASK_OF(size);
		return true;
	}

	*old = vc_read_user(vc, base + reg, size);
	*new = *old;
	for (b = 0; b < size; b++) {
		unsigned int off = reg + b, sh = 8 * b, psh;

		if (off < ctx->offset || off >= ctx->offset + ctx->size)
			continue;
		psh = 8 * (off - ctx->offset);
		*old = (*old & ~(0xffu << sh)) | (((ctx->old >> psh) & 0xff) << sh);
		*new = (*new & ~(0xffu << sh)) | (((ctx->new >> psh) & 0xff) << sh);
	}
	return true;
}

static struct vconfig_cap *owner_cap(struct vconfig *vc, unsigned int pos)
{
	u8 idx = vc->owner[pos];

	if (idx >= vc->nr_caps)
		return NULL;
	return &vc->cap[idx];
}

static void dispatch_write(struct vconfig *vc, unsigned int pos,
			   struct vconfig_write_ctx *ctx)
{
	struct vconfig_cap *cap;

	if (vc->owner[pos] == VCONFIG_OWNER_IDX_HEADER) {
		ctx->offset = pos;
		vconfig_header_write(vc, ctx);
		return;
	}
	cap = owner_cap(vc, pos);
	if (!cap || cap->hidden || !cap->desc || !cap->desc->write)
		return;
	ctx->offset = pos - cap->pos;
	cap->desc->write(vc, cap, ctx);
}

static int write_piece(struct vconfig *vc, unsigned int pos, unsigned int size,
		       u32 val)
{
	const struct vconfig_dword *w = &vc->dword[pos / 4];
	u32 full = MASK_OF(size);
	u32 virt = piece_bits(w->virt, pos, size);
	u32 wr = piece_bits(w->write, pos, size);
	u32 w1c = piece_bits(w->rw1c, pos, size);
	u32 vw = wr & virt, hw_w = wr & ~virt & full;
	struct vconfig_write_ctx ctx = { .size = size, .val = val, .written = wr };
	u32 v, hw = 0;
	int ret;

	if (!wr)
		return 0;

	ret = size == 4 ? read_dword(vc, pos, &ctx.old) :
			  read_piece(vc, pos, size, &ctx.old);
	if (ret)
		return ret;

	v = vc_load(&vc->vcopy[pos], size);
	v = (v & ~(vw & ~w1c)) | (val & vw & ~w1c);
	v &= ~(val & vw & w1c);
	vc_store(&vc->vcopy[pos], size, v);

	if (hw_w) {
		/* Preserve what the user may not write; never echo RW1C ones. */
		if (full & ~hw_w & ~w1c) {
			ret = hw_read(vc, pos, size, &hw);
			if (ret)
				return ret;
		}
		hw = (hw & ~hw_w & ~w1c) | (val & hw_w);
		ret = hw_write(vc, pos, size, hw);
		if (ret)
			return ret;
	}

	/* only a dword a write hook looks at can raise an effect */
	if (!w->hooked)
		return 0;
	ctx.new = (v & virt) | (val & hw_w & ~w1c) |
		  (ctx.old & ~virt & ~hw_w) | (ctx.old & hw_w & w1c & ~val);
	dispatch_write(vc, pos, &ctx);
	return 0;
}

static bool range_ok(const struct vconfig *vc, unsigned int offset,
		     unsigned int size)
{
	return offset <= vc->cfg_size && size <= vc->cfg_size - offset;
}

int vconfig_read(struct vconfig *vc, unsigned int offset, unsigned int size,
		 void *buf)
{
	u8 *out = buf;
	unsigned int i = 0;
	u32 val;
	int ret;

	if (!vc || !buf || !range_ok(vc, offset, size))
		return -EINVAL;

	while (i < size) {
		unsigned int pos = offset + i;
		unsigned int s;

		if (!(pos & 3) && size - i >= 4 && one_owner(vc, pos)) {
			ret = read_run(vc, pos, (size - i) / 4, out + i);
			if (ret < 0)
				return ret;
			i += 4 * ret;
			continue;
		}
		s = piece_size(vc, pos, offset + size);
		ret = read_piece(vc, pos, s, &val);
		if (ret)
			return ret;
		vc_put(out + i, s, val);
		i += s;
	}
	return 0;
}

int vconfig_write(struct vconfig *vc, unsigned int offset, unsigned int size,
		  const void *buf, struct vconfig_effects *fx)
{
	const u8 *in = buf;
	unsigned int i = 0;
	int ret = 0;

	if (!vc || !buf || !range_ok(vc, offset, size))
		return -EINVAL;

	if (fx) {
		fx->count = 0;
		fx->overflow = false;
	}
	vc->fx = fx;
	while (i < size) {
		unsigned int s = piece_size(vc, offset + i, offset + size);

		ret = write_piece(vc, offset + i, s, vc_load(in + i, s));
		if (ret)
			break;
		i += s;
	}
	vc->fx = NULL;
	return ret;
}

bool vconfig_write_may_act(const struct vconfig *vc, unsigned int offset,
			   unsigned int size)
{
	unsigned int d;

	if (!range_ok(vc, offset, size) || !size)
		return true;
	for (d = offset / 4; d <= (offset + size - 1) / 4; d++)
		if (vc->dword[d].hooked)
			return true;
	return false;
}

static bool reg_ok(const struct vconfig *vc, unsigned int offset,
		   unsigned int size)
{
	return (size == 1 || size == 2 || size == 4) && !(offset % size) &&
	       range_ok(vc, offset, size);
}

int vconfig_read_reg(struct vconfig *vc, unsigned int offset,
		     unsigned int size, u32 *val)
{
	u8 buf[4];
	int ret;

	if (!vc || !val || !reg_ok(vc, offset, size))
		return -EINVAL;
	if (size == 4 && one_owner(vc, offset))
		return read_dword(vc, offset, val);
	ret = vconfig_read(vc, offset, size, buf);
	if (!ret)
		*val = vc_get(buf, size);
	return ret;
}

int vconfig_write_reg(struct vconfig *vc, unsigned int offset,
		      unsigned int size, u32 val, struct vconfig_effects *fx)
{
	u8 buf[4];

	if (!vc || !reg_ok(vc, offset, size))
		return -EINVAL;
	if (size == 4 && one_owner(vc, offset)) {
		int ret;

		if (fx) {
			fx->count = 0;
			fx->overflow = false;
		}
		vc->fx = fx;
		ret = write_piece(vc, offset, 4, val);
		vc->fx = NULL;
		return ret;
	}
	vc_put(buf, size, val);
	return vconfig_write(vc, offset, size, buf, fx);
}

void vconfig_reset(struct vconfig *vc)
{
	unsigned int i;

	memcpy(vc->vcopy, vc->reset_copy, vc->cfg_size);
	vc->vpd_pending = false;
	vconfig_header_reset(vc);
	for (i = 0; i < vc->nr_caps; i++) {
		struct vconfig_cap *cap = &vc->cap[i];

		if (!cap->hidden && cap->desc && cap->desc->reset)
			cap->desc->reset(vc, cap);
	}
}

unsigned int vconfig_cfg_size(const struct vconfig *vc)
{
	return vc->cfg_size;
}

enum vconfig_owner_kind vconfig_owner(const struct vconfig *vc,
				      unsigned int offset, int *cap_index)
{
	u8 idx;

	if (cap_index)
		*cap_index = -1;
	if (offset >= vc->cfg_size)
		return VCONFIG_OWNER_UNASSIGNED;
	idx = vc->owner[offset];
	if (idx == VCONFIG_OWNER_IDX_HEADER)
		return VCONFIG_OWNER_HEADER;
	if (idx >= vc->nr_caps)
		return VCONFIG_OWNER_UNASSIGNED;
	if (cap_index)
		*cap_index = idx;
	return vc->cap[idx].hidden ? VCONFIG_OWNER_HIDDEN : VCONFIG_OWNER_CAP;
}

u8 vconfig_class_mask(const struct vconfig *vc, enum vconfig_class cls,
		      unsigned int offset)
{
	if (cls >= VCONFIG_NR_CLASSES || offset >= vc->cfg_size)
		return 0;
	return vc->mask[cls][offset];
}

const u8 *vconfig_class_map(const struct vconfig *vc, enum vconfig_class cls)
{
	if ((unsigned int)cls >= VCONFIG_NR_CLASSES)
		return NULL;
	return vc->mask[cls];
}

void vconfig_owner_kinds(const struct vconfig *vc, u8 *kinds)
{
	u8 kind_of[256];
	unsigned int i;

	memset(kind_of, VCONFIG_OWNER_UNASSIGNED, sizeof(kind_of));
	kind_of[VCONFIG_OWNER_IDX_HEADER] = VCONFIG_OWNER_HEADER;
	for (i = 0; i < vc->nr_caps; i++)
		kind_of[i] = vc->cap[i].hidden ? VCONFIG_OWNER_HIDDEN :
						 VCONFIG_OWNER_CAP;
	for (i = 0; i < vc->cfg_size; i++)
		kinds[i] = kind_of[vc->owner[i]];
}

const u8 *vconfig_virtual_copy(const struct vconfig *vc)
{
	return vc->vcopy;
}

unsigned int vconfig_nr_caps(const struct vconfig *vc)
{
	return vc->nr_caps;
}

int vconfig_cap(const struct vconfig *vc, unsigned int index,
		struct vconfig_cap_info *info)
{
	const struct vconfig_cap *cap;

	if (index >= vc->nr_caps)
		return -EINVAL;
	cap = &vc->cap[index];
	info->id = cap->id;
	info->extended = cap->extended;
	info->hidden = cap->hidden;
	info->offset = cap->pos;
	info->length = cap->len;
	info->name = cap->desc ? cap->desc->name : NULL;
	return 0;
}

u64 vconfig_region_size(const struct vconfig *vc, unsigned int region)
{
	if (region >= VCONFIG_NR_REGIONS)
		return 0;
	return vc->region[region].size;
}

bool vconfig_memory_enabled(const struct vconfig *vc)
{
	return vc_virt(vc, PCI_COMMAND, 2) & PCI_COMMAND_MEMORY;
}

bool vconfig_io_enabled(const struct vconfig *vc)
{
	return vc_virt(vc, PCI_COMMAND, 2) & PCI_COMMAND_IO;
}

void vconfig_backend_counts(const struct vconfig *vc, u64 *reads, u64 *writes)
{
	if (reads)
		*reads = vc->hw_reads;
	if (writes)
		*writes = vc->hw_writes;
}

const char *vconfig_effect_name(enum vconfig_effect_type type)
{
	static const char *const names[VCONFIG_NR_EFFECT_TYPES] = {
		[VCONFIG_EFFECT_NONE] = "none",
		[VCONFIG_EFFECT_INTX_MASK] = "intx",
		[VCONFIG_EFFECT_DECODE] = "decode",
		[VCONFIG_EFFECT_BUS_MASTER] = "bus-master",
		[VCONFIG_EFFECT_MSI] = "msi",
		[VCONFIG_EFFECT_MSIX] = "msix",
		[VCONFIG_EFFECT_FLR] = "flr",
		[VCONFIG_EFFECT_POWER_STATE] = "power-state",
		[VCONFIG_EFFECT_VPD] = "vpd",
		[VCONFIG_EFFECT_BAR] = "bar",
		[VCONFIG_EFFECT_READRQ] = "readrq",
		[VCONFIG_EFFECT_MSI_MASK] = "msi-mask",
	};

	if ((unsigned int)type >= VCONFIG_NR_EFFECT_TYPES)
		return "unknown";
	return names[type];
}

const char *vconfig_owner_name(enum vconfig_owner_kind kind)
{
	switch (kind) {
	case VCONFIG_OWNER_HEADER:
		return "header";
	case VCONFIG_OWNER_CAP:
		return "capability";
	case VCONFIG_OWNER_HIDDEN:
		return "hidden";
	case VCONFIG_OWNER_UNASSIGNED:
		return "unassigned";
	}
	return "unknown";
}
