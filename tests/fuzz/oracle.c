// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The differential oracle: the engine (default profile) and the model of
 * vfio-pci (vfio-model.c), each over its own copy of the same emulated
 * function, take the same accesses. Reads must return the same bytes,
 * hardware must end up the same after every write, and the actions a
 * write asks for must match, except where a departure documented in
 * Documentation/engine.md covers the bits. The departures come from that
 * table (departures.h is generated from it): naming one the table lacks
 * does not build, and oracle_departure_names() lets a test check that
 * every entry of the table is used here.
 */
#include <string.h>
#include "oracle.h"

enum dep {
#define DEPARTURE(name) DEP_##name,
#include "departures.h"
#undef DEPARTURE
	NR_DEPS
};

_Static_assert(NR_DEPS <= ORACLE_MAX_DEPARTURES, "departures");

static const char *const dep_names[NR_DEPS] = {
#define DEPARTURE(name) #name,
#include "departures.h"
#undef DEPARTURE
};

#define DEP(name)	DEP_##name

/* Per byte: bits allowed to differ when read, and in hardware; and why. */
struct allowance {
	u8 rd[VCONFIG_CFG_SIZE_PCIE];
	u8 hd[VCONFIG_CFG_SIZE_PCIE];
	u8 why_rd[VCONFIG_CFG_SIZE_PCIE];
	u8 why_hd[VCONFIG_CFG_SIZE_PCIE];
	bool used[NR_DEPS];
};

static void allow(struct allowance *a, enum dep d, unsigned int pos,
		  unsigned int len, u8 rd, u8 hd, unsigned int size)
{
	unsigned int i;

	a->used[d] = true;
	for (i = pos; i < pos + len && i < size; i++) {
		if (rd & ~a->rd[i])
			a->why_rd[i] = d;
		if (hd & ~a->hd[i])
			a->why_hd[i] = d;
		a->rd[i] |= rd;
		a->hd[i] |= hd;
	}
}

static void allow_reg(struct allowance *a, enum dep d, unsigned int pos,
		      unsigned int n, u32 rd, u32 hd, unsigned int size)
{
	unsigned int i;

	for (i = 0; i < n; i++)
		allow(a, d, pos + i, 1, rd >> (8 * i), hd >> (8 * i), size);
}

static u32 vpd_contents(u16 addr)
{
	return (addr * 0x01010101u) ^ 0xa5c3e1f0u;
}

/* ---- the engine's layout, through its public API ---- */

static bool engine_cap(struct vconfig *vc, unsigned int pos, bool ext,
		       struct vconfig_cap_info *out)
{
	unsigned int i;

	for (i = 0; i < vconfig_nr_caps(vc); i++) {
		vconfig_cap(vc, i, out);
		if (out->offset == pos && out->extended == ext)
			return true;
	}
	return false;
}

/* Visible capability of the model starting at @pos (owner run start). */
static bool model_visible_at(const struct vfio_model *vm, unsigned int pos, u16 *id)
{
	u16 o = vm->owner[pos];

	if (o == VM_OWNER_NONE || o == VM_OWNER_BASIC ||
	    vfio_model_start(vm, pos) != pos)
		return false;
	/* the placeholder for a hidden capability at 0x100 is not visible */
	if (pos == 0x100 && !(vconfig_get_le(vm->vconfig + 0x100, 4) & 0xfffff))
		return false;
	*id = o & ~VM_OWNER_EXT;
	return true;
}

/* ---- the allowances of one device ---- */

static void allow_chain_links(struct oracle *o, struct allowance *a)
{
	struct vconfig_cap_info info;
	unsigned int i, size = o->cfg_size;

	allow(a, DEP(hidden_visible), PCI_STATUS, 1, PCI_STATUS_CAP_LIST, 0, size);
	allow(a, DEP(hidden_visible), PCI_CAPABILITY_LIST, 1, 0xff, 0, size);
	for (i = 0; i < vconfig_nr_caps(o->vc); i++) {
		vconfig_cap(o->vc, i, &info);
		if (info.extended)
			allow_reg(a, DEP(hidden_visible), info.offset, 4, 0xfff00000, 0, size);
		else
			allow(a, DEP(hidden_visible), info.offset + PCI_CAP_LIST_NEXT, 1,
			      0xff, 0, size);
	}
	for (i = 0x40; i < size; i++) {
		u16 id;

		if (!model_visible_at(&o->vm, i, &id))
			continue;
		if (i >= 0x100)
			allow_reg(a, DEP(hidden_visible), i, 4, 0xfff00000, 0, size);
		else
			allow(a, DEP(hidden_visible), i + PCI_CAP_LIST_NEXT, 1, 0xff, 0, size);
	}
	if (size > 0x100)
		allow_reg(a, DEP(ext_null_head), 0x100, 4, 0xffffffff, 0, size);
}

/*
 * Bytes of a capability the engine hides that the hidden-zero departure
 * covers: the whole structure where its length is defined (PCI Local Bus,
 * PCI-to-PCI bridge, CompactPCI, SATA, PCI Express specifications), else
 * the header only, as vfio-pci leaves the rest to the unassigned rule.
 */
static unsigned int hidden_extent(struct oracle *o, const struct vconfig_cap_info *info)
{
	const u8 *hw = o->hw_initial + info->offset;

	if (info->extended) {
		switch (info->id) {
		case PCI_EXT_CAP_ID_MCAST:
			return 40;
		case PCI_EXT_CAP_ID_DPA:
			return 16 + (((hw[PCI_DPA_CAP] & PCI_DPA_CAP_SUBSTATE_MASK) + 1 + 3) & ~3u);
		default:
			return 4;
		}
	}
	switch (info->id) {
	case PCI_CAP_ID_AGP:
	case PCI_CAP_ID_AGP3:
		return 12;
	case PCI_CAP_ID_SLOTID:
	case PCI_CAP_ID_CHSWP:
	case PCI_CAP_ID_DBG:
		return 4;
	case PCI_CAP_ID_SHPC:
	case PCI_CAP_ID_SSVID:
		return 8;
	case PCI_CAP_ID_SATA:
		return (hw[PCI_SATA_REGS] & PCI_SATA_REGS_MASK) == PCI_SATA_REGS_INLINE ?
		       16 : 8;
	default:
		return 2;
	}
}

/* Capabilities whose lengths the two compute differently (cap-length). */
static bool length_differs_by_design(const struct vconfig_cap_info *info)
{
	if (!info->extended)
		return info->id == PCI_CAP_ID_VNDR;
	switch (info->id) {
	case PCI_EXT_CAP_ID_VC:
	case PCI_EXT_CAP_ID_VC9:
	case PCI_EXT_CAP_ID_MFVC:
	case PCI_EXT_CAP_ID_TPH:
	case PCI_EXT_CAP_ID_DPA:
	case PCI_EXT_CAP_ID_ACS:
	case PCI_EXT_CAP_ID_REBAR:
	case PCI_EXT_CAP_ID_VNDR:
		return true;
	default:
		return false;
	}
}

/* hidden-visible: the bytes either side gives the capability at @info. */
static void allow_both(struct oracle *o, struct allowance *a,
		       const struct vconfig_cap_info *info)
{
	unsigned int b = info->offset;
	u16 owner = o->vm.owner[b];

	allow(a, DEP(hidden_visible), b, info->length, 0xff, 0xff, o->cfg_size);
	while (owner != VM_OWNER_NONE && b < o->cfg_size && o->vm.owner[b] == owner)
		allow(a, DEP(hidden_visible), b++, 1, 0xff, 0xff, o->cfg_size);
}

/* Capabilities: who shows what, and how long each is. */
static void allow_layout(struct oracle *o, struct allowance *a)
{
	struct vconfig_cap_info info;
	unsigned int i, size = o->cfg_size;
	bool differ = false;

	for (i = 0; i < vconfig_nr_caps(o->vc); i++) {
		unsigned int b, end;
		u16 id;

		vconfig_cap(o->vc, i, &info);
		end = info.offset + info.length;
		if (info.hidden) {
			allow(a, DEP(hidden_zero), info.offset,
			      min(info.length, hidden_extent(o, &info)), 0xff, 0xff, size);
			if (model_visible_at(&o->vm, info.offset, &id)) {
				differ = true;
				allow_both(o, a, &info);
			}
			continue;
		}
		if (!model_visible_at(&o->vm, info.offset, &id) || id != info.id) {
			differ = true;
			allow_both(o, a, &info);
			continue;
		}
		/* both show it: bytes only one of the two claims */
		for (b = info.offset; b < size && (b < end || o->vm.owner[b] == o->vm.owner[info.offset]); b++) {
			bool in_model = o->vm.owner[b] == o->vm.owner[info.offset] &&
					vfio_model_start(&o->vm, b) == info.offset;

			if ((b < end) == in_model)
				continue;
			if (info.extended && info.id == PCI_EXT_CAP_ID_ERR)
				allow(a, DEP(aer_length), b, 1, 0, 0xff, size);
			else if (length_differs_by_design(&info))
				allow(a, DEP(cap_length), b, 1, 0xff, 0xff, size);
		}
	}
	/* visible in the model, absent from the engine's map */
	for (i = 0x40; i < size; i++) {
		u16 id;

		if (model_visible_at(&o->vm, i, &id) && !engine_cap(o->vc, i, i >= 0x100, &info)) {
			unsigned int b;

			differ = true;
			for (b = i; b < size && o->vm.owner[b] == o->vm.owner[i]; b++)
				allow(a, DEP(hidden_visible), b, 1, 0xff, 0xff, size);
		}
	}
	if (differ)
		allow_chain_links(o, a);
	if (size > 0x100 && !o->vm.extended_caps)
		allow(a, DEP(ext_walk), 0x100, size - 0x100, 0xff, 0xff, size);
}

static void allow_registers(struct oracle *o, struct allowance *a)
{
	struct vconfig_cap_info info;
	unsigned int i, b, size = o->cfg_size;

	allow_reg(a, DEP(command_reserved), PCI_COMMAND, 2,
		  0, PCI_COMMAND_SPECIAL | PCI_COMMAND_VGA_PALETTE | 0x0080 |
		  PCI_COMMAND_FAST_BACK | 0xf800, size);
	allow_reg(a, DEP(command_decode), PCI_COMMAND, 2,
		  PCI_COMMAND_IO | PCI_COMMAND_MEMORY,
		  PCI_COMMAND_IO | PCI_COMMAND_MEMORY, size);
	allow(a, DEP(bist), PCI_BIST, 1, 0, 0xff, size);
	/* a pointer the Status register says is not there */
	if (!(o->hw_initial[PCI_STATUS] & PCI_STATUS_CAP_LIST))
		allow(a, DEP(misaligned_pointer), PCI_CAPABILITY_LIST, 1, 0xff, 0, size);
	if (o->hw_initial[PCI_INTERRUPT_PIN] > 4)
		allow(a, DEP(irq_pin), PCI_INTERRUPT_PIN, 1, 0xff, 0, size);
	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		unsigned int off = i == VCONFIG_ROM_BAR ? PCI_ROM_ADDRESS :
				   PCI_BASE_ADDRESS_0 + 4 * i;

		if (o->vm.region[i].size && !vconfig_region_size(o->vc, i)) {
			allow(a, DEP(bar_limits), off, 4, 0xff, 0, size);
			if (i < VCONFIG_NR_BARS - 1 &&
			    (o->vm.region[i].flags & VCONFIG_REGION_MEM64))
				allow(a, DEP(bar_limits), off + 4, 4, 0xff, 0, size);
		}
	}
	/* read-modify-write of hardware RW1C bits */
	for (b = 0; b < size; b++)
		if (vconfig_emu_rw1c(o->emu_e, b))
			allow(a, DEP(rmw_rw1c), b, 1, 0, vconfig_emu_rw1c(o->emu_e, b), size);
	/* the register is written (its RW1C bits), where vfio-pci drops the write */
	allow_reg(a, DEP(status_rw1c), PCI_STATUS, 2, 0, 0xffff, size);

	for (i = 0; i < vconfig_nr_caps(o->vc); i++) {
		unsigned int p;

		vconfig_cap(o->vc, i, &info);
		p = info.offset;
		if (info.hidden)
			continue;
		if (info.extended) {
			if (info.id == PCI_EXT_CAP_ID_VNDR)
				allow(a, DEP(vendor_header), p, 8, 0, 0xff, size);
			if (info.id == PCI_EXT_CAP_ID_PWR) {
				allow(a, DEP(power_budget), p + PCI_PWR_DSR, 1, 0, 0xff, size);
				allow(a, DEP(power_budget), p + PCI_PWR_DATA, 1, 0, 0xff, size);
			}
			continue;
		}
		switch (info.id) {
		case PCI_CAP_ID_VNDR:
			allow(a, DEP(vendor_header), p, 3, 0, 0xff, size);
			break;
		case PCI_CAP_ID_MSI:
			allow(a, DEP(msi_control), p + PCI_MSI_FLAGS, 2, 0xff, 0xff, size);
			allow(a, DEP(msi_address_aligned), p + PCI_MSI_ADDRESS_LO, 1,
			      0x03, 0, size);
			break;
		case PCI_CAP_ID_VPD:
			/* a second VPD capability keeps its registers virtual */
			if (o->vpd)
				allow(a, DEP(vpd_effect), p + PCI_VPD_ADDR, 6, 0xff, 0, size);
			else
				o->vpd = p;
			break;
		case PCI_CAP_ID_MSIX:
			allow(a, DEP(msix_control), p + PCI_MSIX_FLAGS + 1, 1,
			      (PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL) >> 8, 0, size);
			break;
		case PCI_CAP_ID_PM:
			allow_reg(a, DEP(pm_state), p + PCI_PM_CTRL, 2, PCI_PM_CTRL_STATE_MASK,
				  (u16)~PCI_PM_CTRL_DATA_SEL_MASK, size);
			allow(a, DEP(pm_state), p + PCI_PM_PPB_EXTENSIONS, 2, 0, 0xff, size);
			break;
		case PCI_CAP_ID_EXP:
			/* Initiate FLR as hardware had it (a bridge's retry enable) */
			if (vconfig_get_le(o->hw_initial + p + PCI_EXP_DEVCTL, 4) & PCI_EXP_DEVCTL_BCR_FLR)
				allow_reg(a, DEP(flr_reads_zero), p + PCI_EXP_DEVCTL, 2,
					  PCI_EXP_DEVCTL_BCR_FLR, 0, size);
			allow_reg(a, DEP(status_rw1c), p + PCI_EXP_DEVSTA, 2, 0, 0xffff, size);
			allow_reg(a, DEP(status_rw1c), p + PCI_EXP_LNKSTA, 2, 0, 0xffff, size);
			break;
		}
	}
}

/* ---- running ---- */

static int fail(struct oracle *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct oracle *o, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(o->finding, sizeof(o->finding), fmt, ap);
	va_end(ap);
	return 1;
}

static int compare_bytes(struct oracle *o, const struct allowance *a,
			 const u8 *e, const u8 *m, unsigned int off,
			 unsigned int len, const char *what)
{
	unsigned int i;

	for (i = 0; i < len; i++) {
		unsigned int b = off + i;
		u8 diff = (e[i] ^ m[i]) & ~a->rd[b];

		if (diff)
			return fail(o, "%s of byte 0x%03x: engine 0x%02x, vfio-pci 0x%02x (bits 0x%02x, no departure covers them)",
				    what, b, e[i], m[i], diff);
	}
	return 0;
}

/* The bytes the writes of one step put on the bus, and their values. */
/*
 * The bytes the writes of one step put on the bus, and their values; a
 * byte written back as it was (the rest of a read-modify-write) counts as
 * an echo, which a device cannot tell from no write.
 */
#define WRITTEN		1
#define ECHO		2

static void written(struct vconfig_emu *emu, u8 *mask, u8 *val)
{
	unsigned int i, b;

	for (i = 0; i < vconfig_emu_nr_writes(emu); i++) {
		const struct vconfig_emu_write *w = vconfig_emu_write_at(emu, i);

		for (b = 0; b < w->size && w->offset + b < VCONFIG_CFG_SIZE_PCIE; b++) {
			u8 v = w->value >> (8 * b);

			mask[w->offset + b] = WRITTEN |
					      (v == (u8)(w->before >> (8 * b)) ? ECHO : 0);
			val[w->offset + b] = v;
		}
	}
	vconfig_emu_clear_log(emu);
}

/*
 * The same hardware writes: the same bytes written with the same values,
 * outside the bits a departure covers. After the actions, hardware must
 * be the same (compare_hw()), and is then resynchronised so that an
 * allowed difference does not spread.
 */
static int compare_writes(struct oracle *o, const struct allowance *a)
{
	static u8 we[VCONFIG_CFG_SIZE_PCIE], wm[VCONFIG_CFG_SIZE_PCIE];
	static u8 ve[VCONFIG_CFG_SIZE_PCIE], vm[VCONFIG_CFG_SIZE_PCIE];
	unsigned int b;

	memset(we, 0, o->cfg_size);
	memset(wm, 0, o->cfg_size);
	written(o->emu_e, we, ve);
	written(o->emu_m, wm, vm);
	for (b = 0; b < o->cfg_size; b++) {
		if (!we[b] != !wm[b] && !((we[b] | wm[b]) & ECHO) && !a->hd[b])
			return fail(o, "hardware byte 0x%03x written by %s only (0x%02x)", b,
				    we[b] ? "the engine" : "vfio-pci", we[b] ? ve[b] : vm[b]);
		if (we[b] && wm[b] && ((ve[b] ^ vm[b]) & ~a->hd[b]))
			return fail(o, "hardware byte 0x%03x written as 0x%02x by the engine, 0x%02x by vfio-pci",
				    b, ve[b], vm[b]);
	}
	return 0;
}

static int compare_hw(struct oracle *o, const struct allowance *a)
{
	const u8 *e = vconfig_emu_bytes(o->emu_e), *m = vconfig_emu_bytes(o->emu_m);
	unsigned int b;

	for (b = 0; b < o->cfg_size; b++) {
		u8 diff = e[b] ^ m[b];

		if (diff & ~a->hd[b])
			return fail(o, "hardware byte 0x%03x: engine left 0x%02x, vfio-pci 0x%02x (bits 0x%02x, no departure covers them)",
				    b, e[b], m[b], (u8)(diff & ~a->hd[b]));
		if (diff)
			vconfig_emu_poke(o->emu_m, b, e[b]);
	}
	return 0;
}

/* As the PCI core moves a function: PowerState written, nothing else. */
static void set_power(struct vconfig_emu *emu, unsigned int pm, u8 state)
{
	u32 ctrl;

	vconfig_emu_ops.read(emu, pm + PCI_PM_CTRL, 2, &ctrl);
	if ((ctrl & PCI_PM_CTRL_STATE_MASK) == state)
		return;
	ctrl &= ~(PCI_PM_CTRL_STATE_MASK | PCI_PM_CTRL_PME_STATUS);
	vconfig_emu_ops.write(emu, pm + PCI_PM_CTRL, 2, ctrl | state);
}

static const struct vfio_model_action *model_action(const struct oracle *o,
						   enum vfio_model_action_type t)
{
	unsigned int i;

	for (i = 0; i < o->vm.nr_actions; i++)
		if (o->vm.action[i].type == t)
			return &o->vm.action[i];
	return NULL;
}

static bool pm_supported(struct oracle *o, u8 state)
{
	u32 pmc = vconfig_get_le(o->hw_initial + o->pm + PCI_PM_PMC, 4) & 0xffff;

	return state == 0 || state == 3 ||
	       (state == 1 && (pmc & PCI_PM_CAP_D1)) ||
	       (state == 2 && (pmc & PCI_PM_CAP_D2));
}

/*
 * A bar effect names the address a region moved to. vfio-pci has no such
 * action, but its BAR registers say where the user put the region: the
 * effect must name that address, and never one seen while either half of
 * the BAR holds a sizing probe (all address bits set).
 */
static int check_bar_effect(struct oracle *o, const struct vconfig_effect *e)
{
	unsigned int r = e->bar.region;
	unsigned int off = r == VCONFIG_ROM_BAR ? PCI_ROM_ADDRESS : PCI_BASE_ADDRESS_0 + 4 * r;
	u64 size = o->vm.region[r].size;
	bool mem64 = r < VCONFIG_NR_BARS - 1 && (o->vm.region[r].flags & VCONFIG_REGION_MEM64);
	u8 bar[8] = { 0 };
	u32 lo_mask, lo;
	u64 addr;

	if (r >= VCONFIG_NR_REGIONS || !size)
		return fail(o, "bar effect for region %u, which vfio-pci does not implement", r);
	u32 full = r == VCONFIG_ROM_BAR ? PCI_ROM_ADDRESS_MASK :
		   (o->vm.region[r].flags & VCONFIG_REGION_IO) ?
		   (u32)PCI_BASE_ADDRESS_IO_MASK : (u32)PCI_BASE_ADDRESS_MEM_MASK;

	vfio_model_rw(&o->vm, off, mem64 ? 8 : 4, bar, false);
	lo = vconfig_get_le(bar, 4);
	lo_mask = (u32)~(size - 1) & full;
	addr = lo & lo_mask;
	if (mem64)
		addr |= (u64)(vconfig_get_le(bar + 4, 4) & (u32)(~(size - 1) >> 32)) << 32;
	/* a probe: every address bit of either half set, as the BAR reads */
	if ((lo_mask && (lo & lo_mask) == lo_mask) ||
	    (mem64 && (u32)(~(size - 1) >> 32) &&
	     (vconfig_get_le(bar + 4, 4) & (u32)(~(size - 1) >> 32)) == (u32)(~(size - 1) >> 32)))
		return fail(o, "bar effect for region %u to 0x%llx while a half of it holds a sizing probe",
			    r, (unsigned long long)e->bar.addr);
	if (addr != e->bar.addr)
		return fail(o, "bar effect for region %u to 0x%llx, the BAR says 0x%llx", r,
			    (unsigned long long)e->bar.addr, (unsigned long long)addr);
	return 0;
}

/*
 * invariant-cache: the engine decides whether a function can FLR from the
 * capability registers it copied at create, vfio-pci from the device at the
 * time of the write. A poke that changed PCIe DevCap.FLR or the Advanced
 * Features FLR/TP bits since create excuses a different decision.
 */
static bool flr_support_changed(struct oracle *o)
{
	const u8 *hw = vconfig_emu_bytes(o->emu_m);
	struct vconfig_cap_info info;
	unsigned int i, reg;
	u32 mask;

	for (i = 0; i < vconfig_nr_caps(o->vc); i++) {
		vconfig_cap(o->vc, i, &info);
		if (info.extended || info.hidden)
			continue;
		if (info.id == PCI_CAP_ID_EXP) {
			reg = info.offset + PCI_EXP_DEVCAP;
			mask = PCI_EXP_DEVCAP_FLR;
		} else if (info.id == PCI_CAP_ID_AF) {
			reg = info.offset + PCI_AF_CAP;
			mask = PCI_AF_CAP_FLR | PCI_AF_CAP_TP;
		} else {
			continue;
		}
		if (reg + 4 > o->cfg_size)
			continue;
		if ((vconfig_get_le(hw + reg, 4) ^ vconfig_get_le(o->hw_initial + reg, 4)) & mask) {
			o->dep_used[DEP(invariant_cache)] = true;
			return true;
		}
	}
	return false;
}

/*
 * The effects of the engine and the actions of vfio-pci for one write:
 * the same operations on the function. Decode, bus master, BAR, MSI and
 * MSI-X effects have no config-write counterpart in vfio-pci (hardware
 * bits, or ioctls): see command-decode and msix-control.
 */
static int compare_actions(struct oracle *o, struct allowance *a,
			   const struct vconfig_effects *fx, bool *stop)
{
	const struct vfio_model_action *ma;
	bool seen_power = false, seen_flr = false, seen_vpd = false, seen_rq = false;
	bool seen_intx = false;
	unsigned int i;

	for (i = 0; i < fx->count; i++) {
		const struct vconfig_effect *e = &fx->effect[i];

		switch (e->type) {
		case VCONFIG_EFFECT_INTX_MASK:
			seen_intx = true;
			ma = model_action(o, VM_ACT_INTX_MASK);
			if (!ma || ma->arg != e->intx.masked)
				return fail(o, "engine masks INTx (%d), vfio-pci does not", e->intx.masked);
			break;
		case VCONFIG_EFFECT_FLR:
			seen_flr = true;
			if (!model_action(o, VM_ACT_FLR) && !flr_support_changed(o))
				return fail(o, "engine asks for an FLR, vfio-pci does not");
			*stop = true;
			break;
		case VCONFIG_EFFECT_POWER_STATE:
			seen_power = true;
			ma = model_action(o, VM_ACT_POWER);
			if (!ma || ma->arg != e->power.to)
				return fail(o, "engine moves to D%u, vfio-pci does not", e->power.to);
			set_power(o->emu_e, o->pm, e->power.to);
			break;
		case VCONFIG_EFFECT_VPD:
			seen_vpd = true;
			ma = model_action(o, e->vpd.write ? VM_ACT_VPD_WRITE : VM_ACT_VPD_READ);
			/* DEP(vpd_effect): the engine asks, the oracle completes at once */
			o->dep_used[DEP(vpd_effect)] = true;
			/* Data starts at 0: compared once both showed an operation */
			if (!ma)
				return fail(o, "engine asks for a VPD %s of 0x%x, vfio-pci does not",
					    e->vpd.write ? "write" : "read", e->vpd.addr);
			/* Data: as each showed it (see below for a write covering it) */
			if (ma->arg != e->vpd.addr ||
			    (e->vpd.write && ma->data != e->vpd.data &&
			     a->rd[o->vpd + PCI_VPD_DATA] != 0xff))
				return fail(o, "engine asks for a VPD %s of 0x%x (data 0x%x), vfio-pci of 0x%x (data 0x%x)",
					    e->vpd.write ? "write" : "read", e->vpd.addr,
					    e->vpd.data, ma->arg, ma->data);
			vconfig_vpd_complete(o->vc, vpd_contents(e->vpd.addr), true);
			/* from the first operation on, both show the handshake */
			/*
			 * The engine's operation completes after the write, vfio-pci's
			 * in its middle: a write that also covers Data ends differently,
			 * until the next read operation fills Data on both.
			 */
			if (o->wr_off < o->vpd + PCI_VPD_DATA + 4 &&
			    o->vpd + PCI_VPD_DATA < o->wr_off + o->wr_len)
				allow(a, DEP(vpd_effect), o->vpd + PCI_VPD_DATA, 4, 0xff, 0,
				      o->cfg_size);
			else if (!e->vpd.write)
				memset(a->rd + o->vpd + PCI_VPD_DATA, 0, 4);
			break;
		case VCONFIG_EFFECT_BAR:
			/* a write split over pieces passes through states no read sees */
			if (o->one_piece && check_bar_effect(o, e))
				return 1;
			break;
		case VCONFIG_EFFECT_READRQ:
			seen_rq = true;
			ma = model_action(o, VM_ACT_READRQ);
			if (!ma || ma->arg != e->readrq.bytes)
				return fail(o, "engine sets MRRS %u, vfio-pci does not", e->readrq.bytes);
			break;
		default:
			break;
		}
	}
	for (i = 0; i < o->vm.nr_actions; i++) {
		ma = &o->vm.action[i];
		switch (ma->type) {
		case VM_ACT_INTX_MASK:
			if (!seen_intx)
				return fail(o, "vfio-pci masks INTx (%u), the engine does not", ma->arg);
			break;
		case VM_ACT_FLR:
			if (!seen_flr && !flr_support_changed(o))
				return fail(o, "vfio-pci resets the function, the engine does not");
			*stop = true;
			break;
		case VM_ACT_POWER:
			/*
			 * pm-state: a request for the state in force or one not
			 * supported changes nothing; a second PM capability keeps
			 * a state of its own.
			 */
			if (!seen_power && ma->where == o->pm && ma->arg != o->power &&
			    pm_supported(o, ma->arg))
				return fail(o, "vfio-pci moves to D%u, the engine does not", ma->arg);
			o->dep_used[DEP(pm_state)] = true;
			if (pm_supported(o, ma->arg))
				set_power(o->emu_m, o->pm, ma->arg);
			break;
		case VM_ACT_VPD_READ:
		case VM_ACT_VPD_WRITE:
			/* vpd-effect: only the first VPD capability starts operations */
			if (ma->where != o->vpd)
				break;
			if (!seen_vpd)
				return fail(o, "vfio-pci performs a VPD %s of 0x%x, the engine does not",
					    ma->type == VM_ACT_VPD_WRITE ? "write" : "read", ma->arg);
			break;
		case VM_ACT_READRQ:
			if (!seen_rq)
				return fail(o, "vfio-pci sets MRRS %u, the engine does not", ma->arg);
			break;
		}
	}
	ma = model_action(o, VM_ACT_POWER);
	if (seen_power && ma && ma->where == o->pm)
		o->power = ma->arg;
	return 0;
}

static int step(struct oracle *o, struct allowance *a,
		const struct vconfig_fuzz_op *op, bool *stop)
{
	u8 e[8], m[8];
	struct vconfig_effects fx = { 0 };
	unsigned int off = op->offset, n = op->size, i;
	int re, rm;

	if (o->trace && op->kind == VCONFIG_FUZZ_WRITE)
		fprintf(o->trace, "w 0x%x %u 0x%llx\n", off, n, (unsigned long long)op->value);
	else if (o->trace && op->kind == VCONFIG_FUZZ_READ)
		fprintf(o->trace, "r 0x%x %u\n", off, n);
	switch (op->kind) {
	case VCONFIG_FUZZ_READ:
		re = vconfig_read(o->vc, off, n, e);
		rm = vfio_model_rw(&o->vm, off, n, m, false);
		if (re != rm)
			return fail(o, "read of %u at 0x%x: engine %d, vfio-pci %d", n, off, re, rm);
		return re ? 0 : compare_bytes(o, a, e, m, off, n, "read");
	case VCONFIG_FUZZ_WRITE:
		for (i = 0; i < n; i++)
			e[i] = op->value >> (8 * i);
		memcpy(m, e, sizeof(m));
		o->one_piece = (n == 1 || n == 2 || n == 4) && !(off % n);
		o->wr_off = off;
		o->wr_len = n;
		vconfig_emu_clear_log(o->emu_e);
		vconfig_emu_clear_log(o->emu_m);
		re = vconfig_write(o->vc, off, n, e, &fx);
		rm = vfio_model_rw(&o->vm, off, n, m, true);
		if (re != rm)
			return fail(o, "write of %u at 0x%x: engine %d, vfio-pci %d", n, off, re, rm);
		if (re)
			return 0;
		/* the layers' writes first; then the host actions both ask for */
		return compare_writes(o, a) ?: compare_actions(o, a, &fx, stop) ?:
		       compare_hw(o, a);
	case VCONFIG_FUZZ_POKE:
		if (off < o->cfg_size) {
			vconfig_emu_poke(o->emu_e, off, op->value);
			vconfig_emu_poke(o->emu_m, off, op->value);
			/* the engine keeps serving invariant bits from its copy */
			allow(a, DEP(invariant_cache), off, 1,
			      vconfig_class_map(o->vc, VCONFIG_CLASS_INVARIANT)[off], 0,
			      o->cfg_size);
		}
		return 0;
	default:
		/* resets and completions have no vfio-pci config counterpart */
		*stop = op->kind == VCONFIG_FUZZ_RESET;
		return 0;
	}
}

static int whole_space(struct oracle *o, const struct allowance *a)
{
	static u8 e[VCONFIG_CFG_SIZE_PCIE], m[VCONFIG_CFG_SIZE_PCIE];

	vconfig_read(o->vc, 0, o->cfg_size, e);
	vfio_model_rw(&o->vm, 0, o->cfg_size, m, false);
	return compare_bytes(o, a, e, m, 0, o->cfg_size, "read");
}

static unsigned int find_pm(struct vconfig *vc)
{
	struct vconfig_cap_info info;
	unsigned int i;

	for (i = 0; i < vconfig_nr_caps(vc); i++) {
		vconfig_cap(vc, i, &info);
		if (!info.hidden && !info.extended && info.id == PCI_CAP_ID_PM)
			return info.offset;
	}
	return 0;
}

int oracle_run(struct oracle *o, const struct vconfig_fuzz_input *in)
{
	static struct allowance a;
	struct vconfig_region_desc region[VCONFIG_NR_REGIONS];
	struct vconfig_config cfg = { 0 };
	unsigned int i;
	bool stop = false;
	int ret;
	FILE *trace = o->trace;

	memset(o, 0, sizeof(*o));
	o->trace = trace;
	if (in->raw_regions || in->max_msi_vectors > 32)
		return 0;
	if (vconfig_emu_create(in->config, in->cfg_size, in->region, &o->emu_e) ||
	    vconfig_emu_create(in->config, in->cfg_size, in->region, &o->emu_m))
		return 0;
	if (vconfig_emu_probe_regions(o->emu_e, region) ||
	    vconfig_emu_probe_regions(o->emu_m, region))
		return 0;
	vconfig_emu_clear_log(o->emu_e);
	o->cfg_size = in->cfg_size;
	memcpy(o->hw_initial, vconfig_emu_bytes(o->emu_e), in->cfg_size);
	cfg.ops = &vconfig_emu_ops;
	cfg.priv = o->emu_e;
	cfg.cfg_size = in->cfg_size;
	cfg.flags = in->engine_flags & VCONFIG_F_NO_INTX;
	cfg.max_msi_vectors = in->max_msi_vectors;
	memcpy(cfg.region, region, sizeof(region));
	if (vconfig_create(&cfg, &o->vc))
		return 0;
	vfio_model_init(&o->vm, &vconfig_emu_ops, o->emu_m, in->cfg_size, region,
			in->engine_flags & VCONFIG_F_NO_INTX, vpd_contents);
	/* Pointers the engine refuses, overlaps it clamps: not compared. */
	if (!o->vm.sane) {
		o->dep_used[DEP(misaligned_pointer)] = true;
		o->dep_used[DEP(overlap_clamp)] = true;
		o->skipped = true;
		return 0;
	}
	o->pm = find_pm(o->vc);
	o->power = o->pm ? (vconfig_get_le(o->hw_initial + o->pm + PCI_PM_CTRL, 4) &
			    PCI_PM_CTRL_STATE_MASK) : 0;
	memset(&a, 0, sizeof(a));
	allow_layout(o, &a);
	allow_registers(o, &a);
	vconfig_emu_clear_log(o->emu_e);
	vconfig_emu_clear_log(o->emu_m);
	ret = whole_space(o, &a);
	for (i = 0; !ret && !stop && i < in->nr_ops; i++)
		ret = step(o, &a, &in->ops[i], &stop);
	if (!ret && !stop)
		ret = whole_space(o, &a);
	for (i = 0; i < NR_DEPS; i++)
		o->dep_used[i] |= a.used[i];
	if (ret && o->trace)
		fprintf(o->trace, "oracle: %s\n", o->finding);
	return ret;
}

void oracle_close(struct oracle *o)
{
	vconfig_destroy(o->vc);
	vconfig_emu_destroy(o->emu_e);
	vconfig_emu_destroy(o->emu_m);
	o->vc = NULL;
	o->emu_e = o->emu_m = NULL;
}

const char *oracle_departure_name(unsigned int i)
{
	return i < NR_DEPS ? dep_names[i] : NULL;
}
