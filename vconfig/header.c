// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The type-0 header: IDs, Command/Status, BARs and the expansion ROM.
 *
 * BARs and the ROM are fully virtual. Their sizes come from the front-end
 * (the PCI core's resources in the kernel, a probe of the model in
 * userspace), so sizing never touches the real BARs.
 */
#include "internal.h"

#define CMD_VIRT	(PCI_COMMAND_IO | PCI_COMMAND_MEMORY | \
			 PCI_COMMAND_INTX_DISABLE)
#define CMD_HW_WRITE	(PCI_COMMAND_MASTER | PCI_COMMAND_INVALIDATE | \
			 PCI_COMMAND_PARITY | PCI_COMMAND_SERR)
#define STATUS_RW1C	(PCI_STATUS_PARITY | PCI_STATUS_SIG_TARGET_ABORT | \
			 PCI_STATUS_REC_TARGET_ABORT | \
			 PCI_STATUS_REC_MASTER_ABORT | \
			 PCI_STATUS_SIG_SYSTEM_ERROR | PCI_STATUS_DETECTED_PARITY)
#define STATUS_INVARIANT (PCI_STATUS_66MHZ | PCI_STATUS_UDF | \
			  PCI_STATUS_FAST_BACK | PCI_STATUS_DEVSEL_MASK | \
			  PCI_STATUS_IMM_READY)

static const struct vconfig_field header_fields[] = {
	{ PCI_VENDOR_ID, 2, 0, 0, 0, 0xffff, "Vendor ID" },
	{ PCI_DEVICE_ID, 2, 0, 0, 0, 0xffff, "Device ID" },
	{ PCI_COMMAND, 2, CMD_VIRT, CMD_VIRT | CMD_HW_WRITE, 0, 0, "Command" },
	{ PCI_STATUS, 2, PCI_STATUS_CAP_LIST, STATUS_RW1C, STATUS_RW1C,
	  STATUS_INVARIANT, "Status" },
	{ PCI_CLASS_REVISION, 4, 0, 0, 0, 0xffffffff, "Revision ID, Class Code" },
	{ PCI_CACHE_LINE_SIZE, 1, 0, 0xff, 0, 0, "Cache Line Size" },
	{ PCI_LATENCY_TIMER, 1, 0, 0xff, 0, 0, "Latency Timer" },
	{ PCI_HEADER_TYPE, 1, 0, 0, 0, 0xff, "Header Type" },
	{ PCI_BIST, 1, 0, 0, 0, 0, "BIST" },
	{ PCI_BASE_ADDRESS_0, 4, 0xffffffff, 0xffffffff, 0, 0, "BAR0" },
	{ PCI_BASE_ADDRESS_1, 4, 0xffffffff, 0xffffffff, 0, 0, "BAR1" },
	{ PCI_BASE_ADDRESS_2, 4, 0xffffffff, 0xffffffff, 0, 0, "BAR2" },
	{ PCI_BASE_ADDRESS_3, 4, 0xffffffff, 0xffffffff, 0, 0, "BAR3" },
	{ PCI_BASE_ADDRESS_4, 4, 0xffffffff, 0xffffffff, 0, 0, "BAR4" },
	{ PCI_BASE_ADDRESS_5, 4, 0xffffffff, 0xffffffff, 0, 0, "BAR5" },
	{ PCI_CARDBUS_CIS, 4, 0, 0, 0, 0xffffffff, "CardBus CIS Pointer" },
	{ PCI_SUBSYSTEM_VENDOR_ID, 2, 0, 0, 0, 0xffff, "Subsystem Vendor ID" },
	{ PCI_SUBSYSTEM_ID, 2, 0, 0, 0, 0xffff, "Subsystem ID" },
	{ PCI_ROM_ADDRESS, 4, 0xffffffff, 0xffffffff, 0, 0, "Expansion ROM" },
	{ PCI_CAPABILITY_LIST, 1, 0xff, 0, 0, 0, "Capabilities Pointer" },
	{ 0x35, 1, 0, 0, 0, 0xff, "Reserved" },
	{ 0x36, 2, 0, 0, 0, 0xffff, "Reserved" },
	{ 0x38, 4, 0, 0, 0, 0xffffffff, "Reserved" },
	{ PCI_INTERRUPT_LINE, 1, 0xff, 0xff, 0, 0, "Interrupt Line" },
	{ PCI_INTERRUPT_PIN, 1, 0xff, 0, 0, 0, "Interrupt Pin" },
	{ PCI_MIN_GNT, 1, 0, 0, 0, 0xff, "Min_Gnt" },
	{ PCI_MAX_LAT, 1, 0, 0, 0, 0xff, "Max_Lat" },
};

const struct vconfig_layout vconfig_header_layout =
	VCONFIG_LAYOUT(NULL, header_fields);

static u64 roundup_pow2(u64 v)
{
	u64 p = 1;

	while (p < v && p)
		p <<= 1;
	return p;
}

static unsigned int bar_offset(unsigned int region)
{
	return region == VCONFIG_ROM_BAR ? PCI_ROM_ADDRESS :
	       PCI_BASE_ADDRESS_0 + 4 * region;
}

/*
 * Reconcile what the front-end says about a BAR with the BAR's own bits.
 * Anything inconsistent makes the BAR unimplemented: hostile hardware can
 * only ever lose BARs, never gain oddly shaped ones.
 */
static void setup_bar(struct vconfig *vc, unsigned int i)
{
	struct vconfig_region_desc *r = &vc->region[i];
	u32 bar = vc_hw_cached(vc, bar_offset(i), 4);
	bool io = bar & PCI_BASE_ADDRESS_SPACE_IO;
	bool mem64 = !io && (bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
			    PCI_BASE_ADDRESS_MEM_TYPE_64;
	u64 size = roundup_pow2(r->size);

	if (vc->region_upper[i] || !r->size || !size ||
	    !!(r->flags & VCONFIG_REGION_IO) != io ||
	    (!io && !!(r->flags & VCONFIG_REGION_MEM64) != mem64) ||
	    (mem64 && i == VCONFIG_NR_BARS - 1) ||
	    (!io && (bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
		    PCI_BASE_ADDRESS_MEM_TYPE_MASK)) {
		r->size = 0;
		r->flags = 0;
		return;
	}
	if (io) {
		r->size = max_t(u64, size, 4);
		r->flags = VCONFIG_REGION_IO;
		if (r->size > 0x100000000ull)
			r->size = 0;
		return;
	}
	r->size = max_t(u64, size, 16);
	r->flags = (mem64 ? VCONFIG_REGION_MEM64 : 0) |
		   ((bar & PCI_BASE_ADDRESS_MEM_PREFETCH) ?
		    VCONFIG_REGION_PREFETCH : 0);
	if (!mem64 && r->size > 0x80000000ull)
		r->size = 0;
	if (mem64)
		vc->region_upper[i + 1] = true;
}

static void setup_rom(struct vconfig *vc)
{
	struct vconfig_region_desc *r = &vc->region[VCONFIG_ROM_BAR];
	u64 size = roundup_pow2(r->size);

	r->flags = 0;
	if (!r->size || !size || size > 0x80000000ull) {
		r->size = 0;
		return;
	}
	r->size = max_t(u64, size, 2048);
}

/* Flag bits a BAR always reads with. */
static u32 bar_flags(const struct vconfig *vc, unsigned int i)
{
	const struct vconfig_region_desc *r = &vc->region[i];

	if (i == VCONFIG_ROM_BAR || !r->size)
		return 0;
	if (r->flags & VCONFIG_REGION_IO)
		return PCI_BASE_ADDRESS_SPACE_IO;
	return ((r->flags & VCONFIG_REGION_MEM64) ?
		PCI_BASE_ADDRESS_MEM_TYPE_64 : 0) |
	       ((r->flags & VCONFIG_REGION_PREFETCH) ?
		PCI_BASE_ADDRESS_MEM_PREFETCH : 0);
}

/* Address bits of dword @i (a BAR, an upper half, or the ROM). */
static u32 bar_addr_mask(const struct vconfig *vc, unsigned int i)
{
	if (i < VCONFIG_NR_BARS && vc->region_upper[i])
		return (u32)(~(vc->region[i - 1].size - 1) >> 32);
	if (!vc->region[i].size)
		return 0;
	if (i == VCONFIG_ROM_BAR)
		return (u32)~(vc->region[i].size - 1) & PCI_ROM_ADDRESS_MASK;
	if (vc->region[i].flags & VCONFIG_REGION_IO)
		return (u32)~(vc->region[i].size - 1) & PCI_BASE_ADDRESS_IO_MASK;
	return (u32)~(vc->region[i].size - 1) & PCI_BASE_ADDRESS_MEM_MASK;
}

static u32 bar_fixup(const struct vconfig *vc, unsigned int i, u32 val)
{
	u32 keep = i == VCONFIG_ROM_BAR && vc->region[i].size ?
		   PCI_ROM_ADDRESS_ENABLE : 0;

	return (val & (bar_addr_mask(vc, i) | keep)) | bar_flags(vc, i);
}

/* Address of @region given the dwords of its BAR (and upper half). */
static u64 region_address(const struct vconfig *vc, unsigned int region,
			  u32 lo, u32 hi)
{
	u64 addr = lo & bar_addr_mask(vc, region);

	if (region < VCONFIG_NR_BARS - 1 &&
	    (vc->region[region].flags & VCONFIG_REGION_MEM64))
		addr |= (u64)(hi & bar_addr_mask(vc, region + 1)) << 32;
	return addr;
}

/* The addresses the BARs hold in the virtual copy, as the last ones in use. */
static void record_addresses(struct vconfig *vc)
{
	unsigned int i;

	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		unsigned int off = bar_offset(i);
		u32 hi = i < VCONFIG_NR_BARS - 1 ? vc_virt(vc, off + 4, 4) : 0;

		vc->region_addr[i] = region_address(vc, i, vc_virt(vc, off, 4), hi);
	}
}

/*
 * A VF's Vendor and Device ID read as 0xffff and its BARs as 0: the IDs
 * come from the PF (its own and the SR-IOV capability's VF Device ID), the
 * BAR types from the regions the front-end describes, which the PCI core
 * took from the PF's SR-IOV capability. Memory BARs only (PCIe r6.0,
 * 9.3.3.14).
 */
void vconfig_header_virtfn(struct vconfig *vc, u16 vendor, u16 device)
{
	bool upper = false;
	unsigned int i;

	/* the IDs are invariant: reads are served from this cache */
	vc_put(&vc->hwcache[PCI_VENDOR_ID], 2, vendor);
	vc_put(&vc->hwcache[PCI_DEVICE_ID], 2, device);
	for (i = 0; i < VCONFIG_NR_BARS; i++) {
		const struct vconfig_region_desc *r = &vc->region[i];
		u32 bar = 0;

		if (upper || !r->size || (r->flags & VCONFIG_REGION_IO)) {
			upper = false;
			continue;
		}
		if (r->flags & VCONFIG_REGION_MEM64) {
			bar |= PCI_BASE_ADDRESS_MEM_TYPE_64;
			upper = true;	/* the next slot is its upper half */
		}
		if (r->flags & VCONFIG_REGION_PREFETCH)
			bar |= PCI_BASE_ADDRESS_MEM_PREFETCH;
		vc_put(&vc->hwcache[bar_offset(i)], 4, bar);
	}
}

void vconfig_header_init(struct vconfig *vc)
{
	unsigned int i;
	u8 pin;

	memset(vc->region_upper, 0, sizeof(vc->region_upper));
	for (i = 0; i < VCONFIG_NR_BARS; i++)
		setup_bar(vc, i);
	setup_rom(vc);

	vc_apply_fields(vc, 0, header_fields, ARRAY_SIZE(header_fields), 0x40);

	for (i = 0; i < 0x40; i++)
		vc->vcopy[i] = vc->hwcache[i] & vc->mask[VCONFIG_CLASS_VIRT][i];
	for (i = 0; i < VCONFIG_NR_REGIONS; i++)
		vc_put(&vc->vcopy[bar_offset(i)], 4,
		       bar_fixup(vc, i, vc_hw_cached(vc, bar_offset(i), 4)));
	pin = vc->hwcache[PCI_INTERRUPT_PIN];
	if ((vc->flags & VCONFIG_F_NO_INTX) || pin > 4)
		pin = 0;
	vc->vcopy[PCI_INTERRUPT_PIN] = pin;
	memcpy(vc->reset_copy, vc->vcopy, 0x40);
	record_addresses(vc);
}

void vconfig_header_reset(struct vconfig *vc)
{
	record_addresses(vc);
}

static void command_effects(struct vconfig *vc, u32 old, u32 new)
{
	struct vconfig_effect e = { 0 };
	u32 changed = old ^ new;

	if (changed & PCI_COMMAND_INTX_DISABLE) {
		e.type = VCONFIG_EFFECT_INTX_MASK;
		e.intx.masked = new & PCI_COMMAND_INTX_DISABLE;
		vc_emit(vc, &e);
	}
	if (changed & (PCI_COMMAND_MEMORY | PCI_COMMAND_IO)) {
		e.type = VCONFIG_EFFECT_DECODE;
		e.decode.memory = new & PCI_COMMAND_MEMORY;
		e.decode.io = new & PCI_COMMAND_IO;
		vc_emit(vc, &e);
	}
	if (changed & PCI_COMMAND_MASTER) {
		e.type = VCONFIG_EFFECT_BUS_MASTER;
		e.master.enable = new & PCI_COMMAND_MASTER;
		vc_emit(vc, &e);
	}
}

/*
 * A sizing probe, not a move: every address bit of the dword set, as
 * after the PCI core wrote all ones. No BAR is ever placed there (the top
 * of the 32-bit space, the top of I/O space, an upper half of all ones).
 */
static bool is_sizing(const struct vconfig *vc, unsigned int i, u32 val)
{
	u32 mask = bar_addr_mask(vc, i);

	return mask && (val & mask) == mask;
}

static void bar_write(struct vconfig *vc, unsigned int i,
		      const struct vconfig_write_ctx *ctx)
{
	unsigned int off = bar_offset(i), region = i, lo_off;
	struct vconfig_effect e = { 0 };
	u32 old, raw, val, lo, hi;
	u64 after;
	bool enabled;

	if (!vc_ctx_reg(vc, 0, ctx, off, 4, &old, &raw))
		return;
	val = bar_fixup(vc, i, raw);
	vc_put(&vc->vcopy[off], 4, val);

	if (i < VCONFIG_NR_BARS && vc->region_upper[i])
		region = i - 1;
	if (!vc->region[region].size || is_sizing(vc, i, val))
		return;
	/* While the other half of a 64-bit BAR holds a probe, nothing moved. */
	if (region != i ?
	    is_sizing(vc, region, vc_virt(vc, bar_offset(region), 4)) :
	    (vc->region[region].flags & VCONFIG_REGION_MEM64) &&
	    is_sizing(vc, i + 1, vc_virt(vc, off + 4, 4)))
		return;

	lo_off = bar_offset(region);
	lo = vc_virt(vc, lo_off, 4);
	hi = region < VCONFIG_NR_BARS - 1 ? vc_virt(vc, lo_off + 4, 4) : 0;
	after = region_address(vc, region, lo, hi);

	/* Compared with the last address in use, a restore after sizing is no move. */
	if (region == VCONFIG_ROM_BAR) {
		enabled = val & PCI_ROM_ADDRESS_ENABLE;
		if (after == vc->region_addr[region] &&
		    enabled == !!(old & PCI_ROM_ADDRESS_ENABLE))
			return;
	} else {
		enabled = (vc->region[region].flags & VCONFIG_REGION_IO) ?
			  vconfig_io_enabled(vc) : vconfig_memory_enabled(vc);
		if (after == vc->region_addr[region])
			return;
	}
	vc->region_addr[region] = after;
	e.type = VCONFIG_EFFECT_BAR;
	e.bar.region = region;
	e.bar.enabled = enabled;
	e.bar.addr = after;
	vc_emit(vc, &e);
}

void vconfig_header_write(struct vconfig *vc, const struct vconfig_write_ctx *ctx)
{
	unsigned int i;
	u32 old, new;

	if (vc_ctx_reg(vc, 0, ctx, PCI_COMMAND, 2, &old, &new))
		command_effects(vc, old, new);

	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		unsigned int off = bar_offset(i);

		if (ctx->offset < off + 4 && off < ctx->offset + ctx->size)
			bar_write(vc, i, ctx);
	}
}
