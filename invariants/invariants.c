// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The invariants of a virtual config space, checked after every fuzzing
 * step. The same code serves the fuzz targets (engine over emu: every bit
 * is deterministic and the hardware write log is visible) and `vconfig
 * fuzz` from outside (only virtual and invariant bits are stable, and the
 * map comes from an engine built over the space the device presents).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <vconfig/access.h>
#include <vconfig/fuzz.h>

#define STD_END		VCONFIG_CFG_SIZE_PCI
#define EXT_START	VCONFIG_CFG_SIZE_PCI

static int found(struct vconfig_fuzz_checker *ck, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int found(struct vconfig_fuzz_checker *ck, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ck->finding, sizeof(ck->finding), fmt, ap);
	va_end(ap);
	return 1;
}

static u8 cls(const struct vconfig_fuzz_checker *ck, enum vconfig_class c,
	      unsigned int b)
{
	return ck->cls[c][b];
}

/* Bits whose value only an access through the layer can change. */
static u8 stable(const struct vconfig_fuzz_checker *ck, unsigned int b)
{
	return ck->stable_bits[b];
}

static int read_space(struct vconfig_fuzz_checker *ck, u8 *buf)
{
	return ck->s.access.read(ck->s.access.priv, 0, ck->cfg_size, buf);
}

/* ---- the bytes a step checks ---- */

static unsigned int nr_checked(const struct vconfig_fuzz_checker *ck)
{
	return ck->all ? ck->cfg_size : ck->nr_dirty;
}

static unsigned int checked_byte(const struct vconfig_fuzz_checker *ck,
				 unsigned int i)
{
	return ck->all ? i : ck->dirty_list[i];
}

static void mark(struct vconfig_fuzz_checker *ck, unsigned int off,
		 unsigned int len)
{
	unsigned int b;

	for (b = off; b < off + len && b < ck->cfg_size; b++) {
		if (ck->dirty[b])
			continue;
		ck->dirty[b] = 1;
		ck->dirty_list[ck->nr_dirty++] = b;
	}
}

static void mark_changed(struct vconfig_fuzz_checker *ck, const u8 *now,
			 const u8 *seen)
{
	unsigned int b;

	if (!memcmp(now, seen, ck->cfg_size))
		return;
	for (b = 0; b < ck->cfg_size; b++)
		if (now[b] != seen[b])
			mark(ck, b, 1);
}

static void clear_dirty(struct vconfig_fuzz_checker *ck)
{
	unsigned int i;

	for (i = 0; i < ck->nr_dirty; i++)
		ck->dirty[ck->dirty_list[i]] = 0;
	ck->nr_dirty = 0;
}

/*
 * The space after a step that accessed [@off, @off + @len), into @now:
 * read whole on a sweep (every step when not incremental); otherwise only
 * the bytes the step can have changed are read and the rest is the last
 * view. A read through the engine depends only on the hardware byte and
 * the virtual copy, so a byte neither the step nor the hardware nor the
 * engine's virtual copy changed reads as before; the sweeps verify that.
 */
static int refresh(struct vconfig_fuzz_checker *ck, u8 *now, unsigned int off,
		   unsigned int len)
{
	const u8 *virt;
	unsigned int i;
	int ret;

	clear_dirty(ck);
	ck->all = !ck->incremental || !(ck->steps % VCONFIG_FUZZ_SWEEP_STEPS);
	if (ck->incremental) {
		mark(ck, off, len);
		mark_changed(ck, vconfig_emu_bytes(ck->s.emu), ck->hw);
		virt = ck->s.access.virtual_copy(ck->s.access.priv);
		mark_changed(ck, virt, ck->virt_seen);
		memcpy(ck->virt_seen, virt, ck->cfg_size);
	}
	if (ck->all)
		return read_space(ck, now);
	memcpy(now, ck->view, ck->cfg_size);
	for (i = 0; i < ck->nr_dirty; i++) {
		ret = ck->s.access.read(ck->s.access.priv, ck->dirty_list[i], 1,
					now + ck->dirty_list[i]);
		if (ret)
			return ret;
	}
	return 0;
}

static void trace(struct vconfig_fuzz_checker *ck, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void trace(struct vconfig_fuzz_checker *ck, const char *fmt, ...)
{
	va_list ap;

	if (!ck->trace)
		return;
	va_start(ap, fmt);
	vfprintf(ck->trace, fmt, ap);
	va_end(ap);
	fputc('\n', ck->trace);
}

/* ---- capability chains ---- */

static bool visible_cap_at(const struct vconfig_fuzz_checker *ck,
			   unsigned int pos, bool extended, u16 id)
{
	struct vconfig_cap_info info;
	int idx;

	if (vconfig_owner(ck->s.map, pos, &idx) != VCONFIG_OWNER_CAP ||
	    vconfig_cap(ck->s.map, idx, &info))
		return false;
	return info.offset == pos && info.extended == extended &&
	       !info.hidden && info.id == id;
}

static int check_std_chain(struct vconfig_fuzz_checker *ck, const u8 *v,
			   unsigned int *reached)
{
	u8 visited[STD_END / 4] = { 0 };
	unsigned int pos, steps;

	*reached = 0;
	if (!(vconfig_get_le(v + PCI_STATUS, 2) & PCI_STATUS_CAP_LIST))
		return v[PCI_CAPABILITY_LIST] && ck->exact ?
		       found(ck, "capability pointer 0x%02x without Status.CapList",
			     v[PCI_CAPABILITY_LIST]) : 0;
	pos = v[PCI_CAPABILITY_LIST];
	for (steps = 0; pos; steps++) {
		if (pos < 0x40 || pos % 4 || pos + 2 > STD_END)
			return found(ck, "standard chain: pointer 0x%02x out of range or misaligned",
				     pos);
		if (visited[pos / 4]++)
			return found(ck, "standard chain: loop at 0x%02x", pos);
		if (!visible_cap_at(ck, pos, false, v[pos]))
			return found(ck, "standard chain reaches 0x%02x (ID 0x%02x), not a visible capability",
				     pos, v[pos]);
		(*reached)++;
		pos = v[pos + PCI_CAP_LIST_NEXT];
	}
	return 0;
}

static int check_ext_chain(struct vconfig_fuzz_checker *ck, const u8 *v,
			   unsigned int *reached)
{
	u8 visited[VCONFIG_CFG_SIZE_PCIE / 4] = { 0 };
	unsigned int pos = EXT_START;
	u32 hdr;

	*reached = 0;
	if (ck->cfg_size < VCONFIG_CFG_SIZE_PCIE)
		return 0;
	if (!vconfig_get_le(v + EXT_START, 4))
		return 0;
	while (pos) {
		if (pos < EXT_START || pos % 4 || pos + 4 > ck->cfg_size)
			return found(ck, "extended chain: pointer 0x%03x out of range or misaligned",
				     pos);
		if (visited[pos / 4]++)
			return found(ck, "extended chain: loop at 0x%03x", pos);
		hdr = vconfig_get_le(v + pos, 4);
		if (hdr == 0xffffffff)
			return found(ck, "extended chain: all-ones header at 0x%03x", pos);
		if (visible_cap_at(ck, pos, true, PCI_EXT_CAP_ID(hdr)))
			(*reached)++;
		else if (pos != EXT_START || (hdr & 0xfffff))
			return found(ck, "extended chain reaches 0x%03x (header 0x%08x), not a visible capability",
				     pos, hdr);
		pos = PCI_EXT_CAP_NEXT(hdr);
	}
	return 0;
}

/* Every capability of the map in bounds; chains reach exactly the visible ones. */
static int check_chains(struct vconfig_fuzz_checker *ck, const u8 *v)
{
	unsigned int i, std_reached, ext_reached, std_vis = 0, ext_vis = 0;
	struct vconfig_cap_info info;
	int ret;

	ret = check_std_chain(ck, v, &std_reached);
	if (!ret)
		ret = check_ext_chain(ck, v, &ext_reached);
	if (ret)
		return ret;
	for (i = 0; i < vconfig_nr_caps(ck->s.map); i++) {
		unsigned int lo, hi;

		vconfig_cap(ck->s.map, i, &info);
		lo = info.extended ? EXT_START : 0x40;
		hi = info.extended ? ck->cfg_size : STD_END;
		if (info.offset < lo || info.offset % 4 || !info.length ||
		    info.offset + info.length > hi)
			return found(ck, "capability %u at 0x%03x length %u lies outside its space",
				     i, info.offset, info.length);
		if (!info.hidden)
			*(info.extended ? &ext_vis : &std_vis) += 1;
	}
	if (ck->exact && (std_vis != std_reached || ext_vis != ext_reached))
		return found(ck, "chains reach %u+%u capabilities, the map has %u+%u visible",
			     std_reached, ext_reached, std_vis, ext_vis);
	return 0;
}

/* ---- the space against the map and the hardware ---- */

/* Bits of a null extended header at 0x100 that read 0: ID and version. */
static const u8 null_header_zero[4] = { 0xff, 0xff, 0x0f, 0x00 };

/*
 * The per-byte expectations check_bytes() and check_unchanged() apply,
 * derived from the map once: hidden bytes, and unassigned extended bytes
 * of the strict profile, read as zero (a null header at 0x100 keeps only
 * its next pointer); bits neither virtual nor invariant read as hardware
 * has them; what is stable between two reads.
 */
static void derive_expectations(struct vconfig_fuzz_checker *ck)
{
	bool pass = !(ck->s.engine_flags & VCONFIG_F_STRICT) ||
		    (ck->s.engine_flags & VCONFIG_F_UNASSIGNED_PASSTHROUGH);
	unsigned int b;

	for (b = 0; b < ck->cfg_size; b++) {
		enum vconfig_owner_kind kind = ck->owner[b];
		u8 virt = cls(ck, VCONFIG_CLASS_VIRT, b);
		u8 inv = cls(ck, VCONFIG_CLASS_INVARIANT, b);
		u8 zero = 0;

		if (kind == VCONFIG_OWNER_HIDDEN ||
		    (kind == VCONFIG_OWNER_UNASSIGNED && b >= EXT_START && !pass))
			zero = 0xff;
		if (b >= EXT_START && b < EXT_START + 4 && zero)
			zero = null_header_zero[b - EXT_START];
		ck->zero_bits[b] = zero;
		ck->hw_bits[b] = ~virt & ~inv;
		ck->stable_bits[b] = ck->exact ? 0xff : virt | inv;
	}
}

static int byte_finding(struct vconfig_fuzz_checker *ck, const u8 *v,
			const u8 *hw, unsigned int b)
{
	u8 inv = cls(ck, VCONFIG_CLASS_INVARIANT, b);

	if (v[b] & ck->zero_bits[b])
		return found(ck, "%s byte 0x%03x reads 0x%02x, not 0",
			     vconfig_owner_name(ck->owner[b]), b, v[b]);
	if ((v[b] ^ hw[b]) & ck->hw_bits[b])
		return found(ck, "byte 0x%03x reads 0x%02x, hardware has 0x%02x (bits 0x%02x are served from hardware)",
			     b, v[b], hw[b], ck->hw_bits[b]);
	if ((v[b] ^ ck->hw_initial[b]) & inv)
		return found(ck, "invariant bits 0x%02x of byte 0x%03x changed: 0x%02x, at create 0x%02x",
			     inv, b, v[b], ck->hw_initial[b]);
	return 0;
}

static u64 load64(const u8 *p)
{
	u64 v;

	memcpy(&v, p, sizeof(v));
	return v;
}

/* Hidden and unassigned extended bytes read as zero; hardware bits as hardware has them. */
static int check_bytes(struct vconfig_fuzz_checker *ck, const u8 *v)
{
	const u8 *hw = ck->s.emu ? vconfig_emu_bytes(ck->s.emu) : NULL;
	const u8 *inv = ck->cls[VCONFIG_CLASS_INVARIANT];
	unsigned int i, b;

	if (!ck->exact)
		return 0;
	if (!ck->all) {
		for (i = 0; i < ck->nr_dirty; i++)
			if (byte_finding(ck, v, hw, ck->dirty_list[i]))
				return 1;
		return 0;
	}
	/* Every byte: eight at a time, then the one at fault. */
	for (b = 0; b < ck->cfg_size; b += 8) {
		u64 bad = (load64(v + b) & load64(ck->zero_bits + b)) |
			  ((load64(v + b) ^ load64(hw + b)) & load64(ck->hw_bits + b)) |
			  ((load64(v + b) ^ load64(ck->hw_initial + b)) & load64(inv + b));

		for (i = b; bad && i < b + 8; i++)
			if (byte_finding(ck, v, hw, i))
				return 1;
	}
	return 0;
}

/*
 * Hardware writes since the last check: each touches only bits the map
 * makes writable to hardware (RW1C bits may be written as 0, which the
 * hardware ignores), and nothing else of the hardware changed.
 */
static int check_hw_log(struct vconfig_fuzz_checker *ck)
{
	u8 covered[VCONFIG_CFG_SIZE_PCIE];
	const u8 *now;
	unsigned int n, i, b;

	if (!ck->s.emu)
		return 0;
	now = vconfig_emu_bytes(ck->s.emu);
	n = vconfig_emu_nr_writes(ck->s.emu);
	for (i = ck->log_seen; i < n; i++) {
		const struct vconfig_emu_write *w = vconfig_emu_write_at(ck->s.emu, i);

		for (b = 0; b < w->size; b++) {
			unsigned int pos = w->offset + b;
			u8 allowed = cls(ck, VCONFIG_CLASS_WRITE, pos) &
				     ~cls(ck, VCONFIG_CLASS_VIRT, pos);
			u8 w1c = cls(ck, VCONFIG_CLASS_RW1C, pos);
			u8 val = w->value >> (8 * b), before = w->before >> (8 * b);
			u8 after = w->after >> (8 * b);
			u8 bad = (val ^ before) & ~allowed & ~(w1c & ~val);

			if (bad)
				return found(ck, "hardware write %u bytes 0x%x at 0x%03x changes bits 0x%02x of byte 0x%03x that are not writable to hardware (before 0x%02x)",
					     w->size, w->value, w->offset, bad, pos, before);
			if ((before ^ after) & ~allowed)
				return found(ck, "hardware write %u bytes 0x%x at 0x%03x changed bits 0x%02x of byte 0x%03x that are not writable to hardware",
					     w->size, w->value, w->offset,
					     (u8)((before ^ after) & ~allowed), pos);
		}
	}
	if (memcmp(now, ck->hw, ck->cfg_size)) {
		memset(covered, 0, ck->cfg_size);
		for (i = ck->log_seen; i < n; i++) {
			const struct vconfig_emu_write *w = vconfig_emu_write_at(ck->s.emu, i);

			memset(covered + w->offset, 1, w->size);
		}
		for (b = 0; b < ck->cfg_size; b++)
			if (!covered[b] && now[b] != ck->hw[b])
				return found(ck, "hardware byte 0x%03x changed 0x%02x -> 0x%02x without a write",
					     b, ck->hw[b], now[b]);
	}
	ck->log_seen = n;
	memcpy(ck->hw, now, ck->cfg_size);
	return 0;
}

static int check_effects(struct vconfig_fuzz_checker *ck,
			 const struct vconfig_effects *fx)
{
	unsigned int i, max_msi = ck->s.max_msi_vectors ? ck->s.max_msi_vectors : 32;

	if (fx->count > VCONFIG_MAX_EFFECTS)
		return found(ck, "%u effects reported, at most %u fit", fx->count,
			     VCONFIG_MAX_EFFECTS);
	for (i = 0; i < fx->count; i++) {
		const struct vconfig_effect *e = &fx->effect[i];

		if (e->type == VCONFIG_EFFECT_NONE || e->type >= VCONFIG_NR_EFFECT_TYPES)
			return found(ck, "effect %u has type %d", i, e->type);
		if (e->type == VCONFIG_EFFECT_BAR &&
		    (e->bar.region >= VCONFIG_NR_REGIONS || !ck->region_size[e->bar.region] ||
		     e->bar.addr & (ck->region_size[e->bar.region] - 1)))
			return found(ck, "bar effect for region %u at 0x%llx (size 0x%llx)",
				     e->bar.region, (unsigned long long)e->bar.addr,
				     (unsigned long long)(e->bar.region < VCONFIG_NR_REGIONS ?
				      ck->region_size[e->bar.region] : 0));
		if (e->type == VCONFIG_EFFECT_MSI && e->msi.enable &&
		    (!e->msi.nvec || e->msi.nvec > max_msi ||
		     (e->msi.nvec & (e->msi.nvec - 1))))
			return found(ck, "msi effect asks for %u vectors (front-end offers %u)",
				     e->msi.nvec, max_msi);
	}
	return 0;
}

static unsigned int bar_offset(unsigned int region)
{
	return region == VCONFIG_ROM_BAR ? PCI_ROM_ADDRESS :
	       PCI_BASE_ADDRESS_0 + 4 * region;
}

/*
 * What the map reports of MSI-X for a front-end to protect: present only
 * with a visible MSI-X capability, its table size from that capability;
 * when valid, table and PBA inside implemented memory BARs, apart.
 */
static int check_msix(struct vconfig_fuzz_checker *ck)
{
	struct vconfig_msix_info m;
	struct vconfig_cap_info info;
	unsigned int i, pos = 0;
	u64 t_end, p_end;

	vconfig_msix(ck->s.map, &m);
	for (i = 0; !pos && i < vconfig_nr_caps(ck->s.map); i++) {
		vconfig_cap(ck->s.map, i, &info);
		if (!info.hidden && !info.extended && info.id == PCI_CAP_ID_MSIX &&
		    info.length >= PCI_MSIX_PBA + 4)
			pos = info.offset;
	}
	if (!m.present)
		return 0;
	if (!pos)
		return found(ck, "MSI-X reported present without a visible MSI-X capability");
	if (m.table_size != (vconfig_get_le(ck->view + pos + PCI_MSIX_FLAGS, 2) & PCI_MSIX_FLAGS_QSIZE) + 1)
		return found(ck, "MSI-X table of %u entries, the capability at 0x%02x says %u",
			     m.table_size, pos,
			     (vconfig_get_le(ck->view + pos + PCI_MSIX_FLAGS, 2) & PCI_MSIX_FLAGS_QSIZE) + 1);
	if (!m.valid)
		return 0;
	t_end = (u64)m.table_offset + m.table_bytes;
	p_end = (u64)m.pba_offset + m.pba_bytes;
	if (m.table_bar >= VCONFIG_NR_BARS || m.pba_bar >= VCONFIG_NR_BARS ||
	    t_end > ck->region_size[m.table_bar] || p_end > ck->region_size[m.pba_bar] ||
	    (vconfig_get_le(ck->view + bar_offset(m.table_bar), 4) & PCI_BASE_ADDRESS_SPACE_IO) ||
	    (vconfig_get_le(ck->view + bar_offset(m.pba_bar), 4) & PCI_BASE_ADDRESS_SPACE_IO) ||
	    (m.table_bar == m.pba_bar && m.table_offset < p_end && m.pba_offset < t_end))
		return found(ck, "MSI-X table BAR%u 0x%x+0x%x, PBA BAR%u 0x%x+0x%x reported valid",
			     m.table_bar, m.table_offset, m.table_bytes, m.pba_bar,
			     m.pba_offset, m.pba_bytes);
	return 0;
}

/*
 * After a step: chains (when a byte they read changed), bytes, hardware;
 * then the new view is the reference.
 */
static int settle(struct vconfig_fuzz_checker *ck, const u8 *now)
{
	bool chains = ck->all;
	unsigned int i;
	int ret = 0;

	for (i = 0; !chains && i < ck->nr_dirty; i++)
		chains = ck->chain_byte[ck->dirty_list[i]];
	if (chains)
		ret = check_chains(ck, now);
	ret = ret ?: check_bytes(ck, now);
	ret = ret ?: check_hw_log(ck);
	memcpy(ck->view, now, ck->cfg_size);
	return ret;
}

/* Nothing stable changed since the last view. */
static int check_unchanged(struct vconfig_fuzz_checker *ck, const u8 *now)
{
	unsigned int i, b;

	for (i = 0; i < nr_checked(ck); i++) {
		b = checked_byte(ck, i);
		if (ck->all && !(b % 8) &&
		    !((load64(now + b) ^ load64(ck->view + b)) &
		      load64(ck->stable_bits + b))) {
			i += 7;
			continue;
		}
		if ((now[b] ^ ck->view[b]) & ck->stable_bits[b])
			return found(ck, "non-volatile byte 0x%03x read 0x%02x, then 0x%02x",
				     b, ck->view[b], now[b]);
	}
	return settle(ck, now);
}

int vconfig_fuzz_check_space(struct vconfig_fuzz_checker *ck)
{
	u8 again[VCONFIG_CFG_SIZE_PCIE];
	int ret;

	clear_dirty(ck);
	ck->all = true;
	if (ck->incremental)
		memcpy(ck->virt_seen, ck->s.access.virtual_copy(ck->s.access.priv),
		       ck->cfg_size);
	ret = read_space(ck, again);
	if (ret)
		return found(ck, "reading the whole space failed: %s", strerror(-ret));
	return check_unchanged(ck, again);
}

/* After a step that must leave the space as it was, e.g. BAR sizing. */
static int recheck(struct vconfig_fuzz_checker *ck, unsigned int off,
		   unsigned int len)
{
	u8 now[VCONFIG_CFG_SIZE_PCIE];
	int ret;

	ret = refresh(ck, now, off, len);
	if (ret)
		return found(ck, "reading the space failed: %s", strerror(-ret));
	return check_unchanged(ck, now);
}

/*
 * The bytes the chain walks depend on: Status, the capability pointer,
 * 0x100 and the header of every capability of the map (a next pointer
 * can only change there; a walk that leaves them already fails).
 */
static void mark_chain_bytes(struct vconfig_fuzz_checker *ck)
{
	struct vconfig_cap_info info;
	unsigned int i;

	ck->chain_byte[PCI_STATUS] = 1;
	ck->chain_byte[PCI_CAPABILITY_LIST] = 1;
	if (ck->cfg_size > EXT_START)
		memset(ck->chain_byte + EXT_START, 1, 4);
	for (i = 0; i < vconfig_nr_caps(ck->s.map); i++) {
		vconfig_cap(ck->s.map, i, &info);
		if (info.offset < ck->cfg_size)
			memset(ck->chain_byte + info.offset, 1,
			       min(info.extended ? 4u : 2u, ck->cfg_size - info.offset));
	}
}

int vconfig_fuzz_init(struct vconfig_fuzz_checker *ck,
		      const struct vconfig_fuzz_setup *setup)
{
	FILE *keep = ck->trace;
	unsigned int i;
	int ret;

	memset(ck, 0, sizeof(*ck));
	ck->trace = keep;
	ck->s = *setup;
	ck->cfg_size = vconfig_cfg_size(setup->map);
	ck->exact = setup->emu != NULL;
	ck->incremental = ck->exact && setup->access.virtual_copy;
	mark_chain_bytes(ck);
	for (i = 0; i < VCONFIG_NR_REGIONS; i++)
		ck->region_size[i] = vconfig_region_size(setup->map, i);
	for (i = 0; i < VCONFIG_NR_CLASSES; i++)
		memcpy(ck->cls[i], vconfig_class_map(setup->map, i), ck->cfg_size);
	vconfig_owner_kinds(setup->map, ck->owner);
	for (i = 0; setup->extra_writable && i < ck->cfg_size; i++)
		ck->cls[VCONFIG_CLASS_WRITE][i] |= setup->extra_writable[i];
	derive_expectations(ck);
	if (setup->emu) {
		memcpy(ck->hw, vconfig_emu_bytes(setup->emu), ck->cfg_size);
		memcpy(ck->hw_initial, ck->hw, ck->cfg_size);
		ck->log_seen = vconfig_emu_nr_writes(setup->emu);
	}
	ret = read_space(ck, ck->view);
	if (ret)
		return ret;
	memcpy(ck->reset_view, ck->view, ck->cfg_size);
	if (ck->exact && check_msix(ck))
		return 1;
	return vconfig_fuzz_check_space(ck);
}

/* ---- steps ---- */

static bool in_space(const struct vconfig_fuzz_checker *ck, unsigned int off,
		     unsigned int size)
{
	return off < ck->cfg_size && size <= ck->cfg_size - off;
}

static int do_read(struct vconfig_fuzz_checker *ck, const struct vconfig_fuzz_op *op)
{
	u8 a[8], b[8];
	unsigned int i, n = ck->s.emu ? vconfig_emu_nr_writes(ck->s.emu) : 0;
	int ret;

	trace(ck, "r 0x%x %u", op->offset, op->size);
	ret = ck->s.access.read(ck->s.access.priv, op->offset, op->size, a);
	if (!in_space(ck, op->offset, op->size))
		return ret == -EINVAL ? 0 :
		       found(ck, "read of %u bytes at 0x%x outside the space returned %d",
			     op->size, op->offset, ret);
	if (ret)
		return found(ck, "read of %u bytes at 0x%x failed: %s", op->size,
			     op->offset, strerror(-ret));
	ret = ck->s.access.read(ck->s.access.priv, op->offset, op->size, b);
	if (ret)
		return found(ck, "second read at 0x%x failed: %s", op->offset,
			     strerror(-ret));
	for (i = 0; i < op->size; i++) {
		unsigned int pos = op->offset + i;

		if ((a[i] ^ b[i]) & stable(ck, pos))
			return found(ck, "non-volatile byte 0x%03x read 0x%02x, then 0x%02x",
				     pos, a[i], b[i]);
		if ((a[i] ^ ck->view[pos]) & stable(ck, pos))
			return found(ck, "non-volatile byte 0x%03x read 0x%02x, the space had 0x%02x",
				     pos, a[i], ck->view[pos]);
	}
	if (ck->s.emu && vconfig_emu_nr_writes(ck->s.emu) != n)
		return found(ck, "a read at 0x%x wrote to hardware", op->offset);
	return 0;
}

/*
 * A write: bytes outside it keep their stable bits, read-only bits inside
 * it do not change, RW1C bits clear on 1 and keep on 0.
 */
static int do_write(struct vconfig_fuzz_checker *ck, const struct vconfig_fuzz_op *op)
{
	struct vconfig_effects fx = { 0 };
	u8 buf[8], now[VCONFIG_CFG_SIZE_PCIE];
	unsigned int b, i, end = op->offset + op->size;
	int ret;

	for (b = 0; b < op->size; b++)
		buf[b] = op->value >> (8 * b);
	trace(ck, "w 0x%x %u 0x%llx", op->offset, op->size,
	      (unsigned long long)op->value);
	ret = ck->s.access.write(ck->s.access.priv, op->offset, op->size, buf, &fx);
	if (!in_space(ck, op->offset, op->size)) {
		if (ret != -EINVAL)
			return found(ck, "write of %u bytes at 0x%x outside the space returned %d",
				     op->size, op->offset, ret);
		end = op->offset;	/* nothing may change */
	} else if (ret) {
		return found(ck, "write of %u bytes at 0x%x failed: %s", op->size,
			     op->offset, strerror(-ret));
	}
	if (ck->exact) {
		ret = check_effects(ck, &fx);
		if (ret)
			return ret;
	}
	ret = refresh(ck, now, op->offset, end - op->offset);
	if (ret)
		return found(ck, "reading the space after a write failed: %s",
			     strerror(-ret));
	for (i = 0; i < nr_checked(ck); i++) {
		unsigned int b = checked_byte(ck, i);
		u8 st = stable(ck, b), changed = (now[b] ^ ck->view[b]) & st;
		u8 wr = cls(ck, VCONFIG_CLASS_WRITE, b);
		u8 w1c = cls(ck, VCONFIG_CLASS_RW1C, b) & wr & st;
		u8 val, hw_w1c;

		if (b < op->offset || b >= end) {
			if (changed)
				return found(ck, "byte 0x%03x outside the write changed 0x%02x -> 0x%02x",
					     b, ck->view[b], now[b]);
			continue;
		}
		val = buf[b - op->offset];
		if (changed & ~wr)
			return found(ck, "read-only bits 0x%02x of byte 0x%03x changed 0x%02x -> 0x%02x",
				     (u8)(changed & ~wr), b, ck->view[b], now[b]);
		if (ck->view[b] & w1c & ~val & ~now[b])
			return found(ck, "RW1C bits 0x%02x of byte 0x%03x cleared by writing 0",
				     (u8)(ck->view[b] & w1c & ~val & ~now[b]), b);
		/* Hardware RW1C bits clear only where the hardware implements them. */
		hw_w1c = w1c & ~cls(ck, VCONFIG_CLASS_VIRT, b);
		if (ck->s.emu)
			hw_w1c &= vconfig_emu_rw1c(ck->s.emu, b);
		else
			hw_w1c = 0;
		w1c = (w1c & cls(ck, VCONFIG_CLASS_VIRT, b)) | hw_w1c;
		if (now[b] & w1c & val)
			return found(ck, "RW1C bits 0x%02x of byte 0x%03x still set after writing 1",
				     (u8)(now[b] & w1c & val), b);
	}
	return settle(ck, now);
}

static int do_reset(struct vconfig_fuzz_checker *ck)
{
	u8 now[VCONFIG_CFG_SIZE_PCIE];
	unsigned int b;
	int ret;

	if (!ck->s.access.reset)
		return 0;
	trace(ck, "reset");
	ck->s.access.reset(ck->s.access.priv);
	ret = refresh(ck, now, 0, 0);
	if (ret)
		return found(ck, "reading the space after reset failed: %s",
			     strerror(-ret));
	for (b = 0; ck->exact && b < ck->cfg_size; b++) {
		u8 virt = cls(ck, VCONFIG_CLASS_VIRT, b);

		if ((now[b] ^ ck->reset_view[b]) & virt)
			return found(ck, "virtual byte 0x%03x reads 0x%02x after reset, 0x%02x after create",
				     b, now[b], ck->reset_view[b]);
		if ((now[b] ^ ck->view[b]) & ~virt)
			return found(ck, "hardware bits of byte 0x%03x changed on a reset of the virtual space",
				     b);
	}
	return settle(ck, now);
}

/* First visible VPD capability: the one the engine's handshake uses. */
static unsigned int vpd_cap(const struct vconfig_fuzz_checker *ck)
{
	struct vconfig_cap_info info;
	unsigned int i;

	for (i = 0; i < vconfig_nr_caps(ck->s.map); i++) {
		vconfig_cap(ck->s.map, i, &info);
		if (!info.hidden && !info.extended && info.id == PCI_CAP_ID_VPD)
			return info.offset;
	}
	return 0;
}

static int do_vpd_complete(struct vconfig_fuzz_checker *ck,
			   const struct vconfig_fuzz_op *op)
{
	u8 now[VCONFIG_CFG_SIZE_PCIE];
	unsigned int i, vpd = vpd_cap(ck);
	int ret;

	if (!ck->s.access.vpd_complete)
		return 0;
	trace(ck, "%svpd-complete 0x%x", op->ok ? "" : "# failed ",
	      (u32)op->value);
	ck->s.access.vpd_complete(ck->s.access.priv, op->value, op->ok);
	ret = refresh(ck, now, 0, 0);
	if (ret)
		return found(ck, "reading the space after a VPD completion failed: %s",
			     strerror(-ret));
	for (i = 0; i < nr_checked(ck); i++) {
		unsigned int b = checked_byte(ck, i);
		bool vpd_reg = vpd && b >= vpd + PCI_VPD_ADDR && b < vpd + PCI_VPD_DATA + 4;
		u8 may = vpd_reg && op->ok ? cls(ck, VCONFIG_CLASS_WRITE, b) : 0;

		if ((now[b] ^ ck->view[b]) & stable(ck, b) & ~may)
			return found(ck, "byte 0x%03x changed 0x%02x -> 0x%02x on a VPD completion",
				     b, ck->view[b], now[b]);
	}
	return settle(ck, now);
}

static int do_poke(struct vconfig_fuzz_checker *ck, const struct vconfig_fuzz_op *op)
{
	u8 now[VCONFIG_CFG_SIZE_PCIE];
	unsigned int i;
	int ret;

	if (!ck->s.emu || op->offset >= ck->cfg_size)
		return 0;
	trace(ck, "# hardware sets byte 0x%x to 0x%02x", op->offset, (u8)op->value);
	vconfig_emu_poke(ck->s.emu, op->offset, op->value);
	ck->hw[op->offset] = op->value;
	ret = refresh(ck, now, op->offset, 1);
	if (ret)
		return found(ck, "reading the space after a hardware change failed: %s",
			     strerror(-ret));
	for (i = 0; i < nr_checked(ck); i++) {
		unsigned int b = checked_byte(ck, i);
		u8 served = cls(ck, VCONFIG_CLASS_VIRT, b) |
			    cls(ck, VCONFIG_CLASS_INVARIANT, b);

		if (b != op->offset && now[b] != ck->view[b])
			return found(ck, "byte 0x%03x changed when hardware changed byte 0x%03x",
				     b, op->offset);
		if ((now[b] ^ ck->view[b]) & served)
			return found(ck, "virtual or invariant bits of byte 0x%03x follow a hardware change",
				     b);
	}
	return settle(ck, now);
}

static bool is_mem64(u32 bar)
{
	return !(bar & PCI_BASE_ADDRESS_SPACE_IO) &&
	       (bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK) == PCI_BASE_ADDRESS_MEM_TYPE_64;
}

static int bar_rw(struct vconfig_fuzz_checker *ck, bool write, unsigned int off,
		  u32 *val)
{
	struct vconfig_effects fx = { 0 };
	u8 buf[4];
	int ret;

	if (write) {
		trace(ck, "w 0x%x 4 0x%x", off, *val);
		vconfig_put32(buf, 0, *val);
		ret = ck->s.access.write(ck->s.access.priv, off, 4, buf, &fx);
		if (!ret && ck->exact)
			ret = check_effects(ck, &fx) ? -EIO : 0;
	} else {
		trace(ck, "r 0x%x 4", off);
		ret = ck->s.access.read(ck->s.access.priv, off, 4, buf);
		*val = vconfig_get_le(buf, 4);
	}
	return ret;
}

/*
 * Size a region as a PCI core does and check the answer: a power-of-two
 * size mask with the BAR's own flag bits, the size the map gives, then
 * the original value back.
 */
static int do_size_bar(struct vconfig_fuzz_checker *ck, const struct vconfig_fuzz_op *op)
{
	unsigned int region = op->offset % VCONFIG_NR_REGIONS, off;
	u32 lo, hi = 0, lo_sz, hi_sz = 0, ones = 0xffffffff, flags_mask;
	u64 mask, size, want;
	bool mem64;
	int ret;

	if (region > 0 && region < VCONFIG_NR_BARS &&
	    is_mem64(vconfig_get_le(ck->view + bar_offset(region - 1), 4)) &&
	    ck->region_size[region - 1])
		region--;	/* an upper half: size the whole BAR */
	off = bar_offset(region);
	lo = vconfig_get_le(ck->view + off, 4);
	mem64 = region < VCONFIG_NR_BARS - 1 && is_mem64(lo) && ck->region_size[region];
	if (mem64)
		hi = vconfig_get_le(ck->view + off + 4, 4);
	want = ck->region_size[region];

	ret = bar_rw(ck, true, off, &ones);
	if (!ret && mem64)
		ret = bar_rw(ck, true, off + 4, &ones);
	ret = ret ?: bar_rw(ck, false, off, &lo_sz);
	if (!ret && mem64)
		ret = bar_rw(ck, false, off + 4, &hi_sz);
	ret = ret ?: bar_rw(ck, true, off, &lo);
	if (!ret && mem64)
		ret = bar_rw(ck, true, off + 4, &hi);
	if (ret == -EIO)
		return 1;
	if (ret)
		return found(ck, "sizing region %u failed: %s", region, strerror(-ret));

	if (region == VCONFIG_ROM_BAR)
		flags_mask = ~(u32)PCI_ROM_ADDRESS_MASK;
	else if (lo & PCI_BASE_ADDRESS_SPACE_IO)
		flags_mask = ~(u32)PCI_BASE_ADDRESS_IO_MASK;
	else
		flags_mask = ~(u32)PCI_BASE_ADDRESS_MEM_MASK;
	if (!want) {
		if (lo_sz)
			return found(ck, "unimplemented region %u reads 0x%08x after all ones",
				     region, lo_sz);
	} else {
		if (region == VCONFIG_ROM_BAR ? !(lo_sz & PCI_ROM_ADDRESS_ENABLE) :
		    (lo_sz & flags_mask) != (lo & flags_mask))
			return found(ck, "region %u flag bits 0x%x after all ones, 0x%x before",
				     region, lo_sz & flags_mask, lo & flags_mask);
		mask = (mem64 ? (u64)hi_sz << 32 : 0xffffffff00000000ull) |
		       (lo_sz & ~flags_mask);
		size = ~mask + 1;
		if (!size || (size & (size - 1)) || size != want)
			return found(ck, "region %u sizes as 0x%llx (mask 0x%llx), expected 0x%llx",
				     region, (unsigned long long)size,
				     (unsigned long long)mask, (unsigned long long)want);
	}
	return recheck(ck, off, mem64 ? 8 : 4);
}

int vconfig_fuzz_step(struct vconfig_fuzz_checker *ck,
		      const struct vconfig_fuzz_op *op)
{
	ck->steps++;
	if ((op->kind == VCONFIG_FUZZ_READ || op->kind == VCONFIG_FUZZ_WRITE) &&
	    (op->size < 1 || op->size > 8))
		return -EINVAL;
	switch (op->kind) {
	case VCONFIG_FUZZ_READ:
		return do_read(ck, op);
	case VCONFIG_FUZZ_WRITE:
		return do_write(ck, op);
	case VCONFIG_FUZZ_RESET:
		return do_reset(ck);
	case VCONFIG_FUZZ_VPD_COMPLETE:
		return do_vpd_complete(ck, op);
	case VCONFIG_FUZZ_SIZE_BAR:
		return do_size_bar(ck, op);
	case VCONFIG_FUZZ_POKE:
		return do_poke(ck, op);
	default:
		return -EINVAL;
	}
}

const char *vconfig_fuzz_finding(const struct vconfig_fuzz_checker *ck)
{
	return ck->finding;
}

/* ---- the binary input format of the fuzz targets ---- */

struct cursor {
	const u8 *p;
	size_t left;
};

static u64 take(struct cursor *c, unsigned int bytes)
{
	u64 v = 0;
	unsigned int i;

	for (i = 0; i < bytes; i++) {
		if (c->left) {
			v |= (u64)*c->p << (8 * i);
			c->p++;
			c->left--;
		}
	}
	return v;
}

#define IN_F_PCIE	BIT(0)
#define IN_F_STRICT	BIT(1)
#define IN_F_NO_INTX	BIT(2)
#define IN_F_RAW	BIT(3)
#define IN_HEADER	(1 + 3 * VCONFIG_NR_REGIONS + 2)

/*
 * Region: log2 of the size (0: none), raw flags, and a fraction added to
 * the size so that non-power-of-two sizes occur.
 */
int vconfig_fuzz_decode(const u8 *data, size_t len, struct vconfig_fuzz_input *in,
			struct vconfig_fuzz_op ops[VCONFIG_FUZZ_MAX_OPS])
{
	struct cursor c = { data, len };
	unsigned int i, flags, clen;

	memset(in, 0, sizeof(*in));
	in->ops = ops;
	if (len < IN_HEADER)
		return -EINVAL;
	flags = take(&c, 1);
	in->cfg_size = (flags & IN_F_PCIE) ? VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI;
	in->engine_flags = ((flags & IN_F_STRICT) ? VCONFIG_F_STRICT : 0) |
			   ((flags & IN_F_NO_INTX) ? VCONFIG_F_NO_INTX : 0);
	in->raw_regions = flags & IN_F_RAW;
	in->max_msi_vectors = (flags >> 4) <= 6 ? ((flags >> 4) ? 1u << ((flags >> 4) - 1) : 0) :
			      (flags >> 4) - 4;
	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		unsigned int shift = take(&c, 1) & 63;
		u32 rflags = take(&c, 1);
		unsigned int frac = take(&c, 1);

		in->region[i].flags = rflags & 7;
		if (shift)
			in->region[i].size = (1ull << shift) +
					     (frac ? ((1ull << shift) / 256) * frac + 1 : 0);
	}
	clen = take(&c, 2);
	clen = min(clen, in->cfg_size);
	for (i = 0; i < clen; i++)
		in->config[i] = take(&c, 1);
	while (c.left && in->nr_ops < VCONFIG_FUZZ_MAX_OPS) {
		struct vconfig_fuzz_op *op = &ops[in->nr_ops++];
		unsigned int code = take(&c, 1);

		memset(op, 0, sizeof(*op));
		op->kind = (code & 7) % VCONFIG_FUZZ_NR_OPS;
		switch (op->kind) {
		case VCONFIG_FUZZ_READ:
		case VCONFIG_FUZZ_WRITE:
			/* A few offsets past the end check that such accesses fail cleanly. */
			op->offset = take(&c, 2) % (in->cfg_size + 8);
			op->size = take(&c, 1) % 8 + 1;
			if (op->kind == VCONFIG_FUZZ_WRITE)
				op->value = take(&c, op->size);
			break;
		case VCONFIG_FUZZ_VPD_COMPLETE:
			op->value = take(&c, 4);
			op->ok = !(code & 8);
			break;
		case VCONFIG_FUZZ_SIZE_BAR:
			op->offset = take(&c, 1) % VCONFIG_NR_REGIONS;
			break;
		case VCONFIG_FUZZ_POKE:
			op->offset = take(&c, 2) % in->cfg_size;
			op->value = take(&c, 1);
			break;
		default:
			break;
		}
	}
	return 0;
}

static int put(u8 *out, size_t cap, size_t *at, u64 v, unsigned int bytes)
{
	unsigned int i;

	if (*at + bytes > cap)
		return -ENOSPC;
	for (i = 0; i < bytes; i++)
		out[(*at)++] = v >> (8 * i);
	return 0;
}

static unsigned int log2_of(u64 v)
{
	unsigned int s = 0;

	while (s < 63 && (1ull << s) < v)
		s++;
	return s;
}

long vconfig_fuzz_encode(const struct vconfig_fuzz_input *in, u8 *out, size_t cap)
{
	unsigned int i, msi = 0, flags = 0;
	size_t at = 0;
	int ret = 0;

	if (in->max_msi_vectors)
		msi = log2_of(in->max_msi_vectors) + 1;
	flags = (in->cfg_size == VCONFIG_CFG_SIZE_PCIE ? IN_F_PCIE : 0) |
		((in->engine_flags & VCONFIG_F_STRICT) ? IN_F_STRICT : 0) |
		((in->engine_flags & VCONFIG_F_NO_INTX) ? IN_F_NO_INTX : 0) |
		(in->raw_regions ? IN_F_RAW : 0) | (msi << 4);
	ret |= put(out, cap, &at, flags, 1);
	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		u64 size = in->region[i].size;
		unsigned int s = size ? log2_of(size) : 0;
		unsigned int frac = 0;

		/* A size that is not a power of two: a fraction above the power below it. */
		if (size && (1ull << s) != size) {
			s--;
			frac = (size - (1ull << s)) / ((1ull << s) / 256 ? (1ull << s) / 256 : 1);
			frac = frac ? min(frac, 255u) : 1;
		}
		ret |= put(out, cap, &at, s ? s : 0, 1);
		ret |= put(out, cap, &at, in->region[i].flags, 1);
		ret |= put(out, cap, &at, frac, 1);
	}
	ret |= put(out, cap, &at, in->cfg_size, 2);
	for (i = 0; i < in->cfg_size; i++)
		ret |= put(out, cap, &at, in->config[i], 1);
	for (i = 0; i < in->nr_ops; i++) {
		const struct vconfig_fuzz_op *op = &in->ops[i];

		ret |= put(out, cap, &at, op->kind | (op->kind == VCONFIG_FUZZ_VPD_COMPLETE &&
						       !op->ok ? 8 : 0), 1);
		switch (op->kind) {
		case VCONFIG_FUZZ_READ:
		case VCONFIG_FUZZ_WRITE:
			ret |= put(out, cap, &at, op->offset, 2);
			ret |= put(out, cap, &at, op->size - 1, 1);
			if (op->kind == VCONFIG_FUZZ_WRITE)
				ret |= put(out, cap, &at, op->value, op->size);
			break;
		case VCONFIG_FUZZ_VPD_COMPLETE:
			ret |= put(out, cap, &at, op->value, 4);
			break;
		case VCONFIG_FUZZ_SIZE_BAR:
			ret |= put(out, cap, &at, op->offset, 1);
			break;
		case VCONFIG_FUZZ_POKE:
			ret |= put(out, cap, &at, op->offset, 2);
			ret |= put(out, cap, &at, op->value, 1);
			break;
		default:
			break;
		}
	}
	return ret ? -ENOSPC : (long)at;
}
