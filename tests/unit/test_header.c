// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The type-0 header: IDs, Command and its effects, Status, BIST, BAR and
 * ROM sizing and moves, interrupt registers, reset values.
 */
#include "check_main.h"
#include "fake_hw.h"

static struct fake_hw hw;

static struct vconfig *plain(void)
{
	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	return fake_create(&hw);
}

/* A device with one BAR in @slot of hardware value @bar and size @size. */
static struct vconfig *one_bar(unsigned int slot, u32 bar, u64 size, u32 flags)
{
	struct vconfig_config cfg;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_bar(&hw, slot, bar);
	fake_config(&hw, &cfg);
	cfg.region[slot].size = size;
	cfg.region[slot].flags = flags;
	return fake_create_cfg(&cfg);
}

static u32 size_bar(struct vconfig *vc, unsigned int off)
{
	vwr(vc, off, 4, 0xffffffff, NULL);
	return vrd(vc, off, 4);
}

/* ---- IDs and read-only registers ---- */

START_TEST(test_ids_readonly)
{
	static const unsigned int regs[] = {
		PCI_VENDOR_ID, PCI_CLASS_REVISION, PCI_SUBSYSTEM_VENDOR_ID,
		PCI_CARDBUS_CIS, 0x34, 0x38,
	};
	struct vconfig *vc = plain();
	unsigned int i;
	u32 before;

	for (i = 0; i < ARRAY_SIZE(regs); i++) {
		before = vrd(vc, regs[i], 4);
		vwr(vc, regs[i], 4, ~before, NULL);
		ck_assert_uint_eq(vrd(vc, regs[i], 4), before);
	}
	ck_assert_uint_eq(vrd(vc, PCI_VENDOR_ID, 4), 0x10411af4);
	ck_assert_uint_eq(vrd(vc, PCI_SUBSYSTEM_VENDOR_ID, 4), 0x11001af4);
	ck_assert_uint_eq(vrd(vc, PCI_CLASS_REVISION, 4), 0x01080002);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_header_type_and_maxlat_readonly)
{
	struct vconfig *vc = plain();

	vwr(vc, PCI_HEADER_TYPE, 1, 0x81, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_HEADER_TYPE, 1), 0);
	vwr(vc, PCI_MIN_GNT, 2, 0, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_MIN_GNT, 2), 0x0703);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bist_readonly_live)
{
	struct vconfig *vc = plain();

	hw.wmask[PCI_BIST] = 0xff;
	hw.cfg[PCI_BIST] = 0x80;
	vwr(vc, PCI_BIST, 1, 0x40, NULL);
	ck_assert_uint_eq(hw.cfg[PCI_BIST], 0x80);
	ck_assert_uint_eq(vrd(vc, PCI_BIST, 1), 0x80);
	hw.cfg[PCI_BIST] = 0x8f;
	ck_assert_uint_eq(vrd(vc, PCI_BIST, 1), 0x8f);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_cacheline_latency_to_hw)
{
	struct vconfig *vc = plain();

	vwr(vc, PCI_CACHE_LINE_SIZE, 2, 0x4010, NULL);
	ck_assert_uint_eq(fake_get(&hw, PCI_CACHE_LINE_SIZE, 2), 0x4010);
	ck_assert_uint_eq(vrd(vc, PCI_CACHE_LINE_SIZE, 2), 0x4010);
	vconfig_destroy(vc);
}
END_TEST

/* ---- Command ---- */

START_TEST(test_command_virtual_bits)
{
	struct vconfig *vc = plain();
	u16 virt = PCI_COMMAND_IO | PCI_COMMAND_MEMORY | PCI_COMMAND_INTX_DISABLE;

	vwr(vc, PCI_COMMAND, 2, virt, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_COMMAND, 2), virt);
	ck_assert_uint_eq(fake_get(&hw, PCI_COMMAND, 2) & virt, 0);
	/* Hardware changing its decode bits does not show through. */
	fake_set(&hw, PCI_COMMAND, 2, 0);
	ck_assert_uint_eq(vrd(vc, PCI_COMMAND, 2), virt);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_command_decode_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = plain();
	int i;

	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_DECODE);
	ck_assert_int_ge(i, 0);
	ck_assert(fx.effect[i].decode.memory);
	ck_assert(!fx.effect[i].decode.io);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY | PCI_COMMAND_IO, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_DECODE);
	ck_assert_int_ge(i, 0);
	ck_assert(fx.effect[i].decode.memory);
	ck_assert(fx.effect[i].decode.io);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY | PCI_COMMAND_IO, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, PCI_COMMAND, 1, 0, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_DECODE);
	ck_assert_int_ge(i, 0);
	ck_assert(!fx.effect[i].decode.memory);
	ck_assert(!fx.effect[i].decode.io);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_command_intx_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = plain();
	int i;

	/* INTx-disable lives in the high byte: a byte write reaches it. */
	vwr(vc, PCI_COMMAND + 1, 1, PCI_COMMAND_INTX_DISABLE >> 8, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_INTX_MASK);
	ck_assert_int_ge(i, 0);
	ck_assert(fx.effect[i].intx.masked);
	ck_assert_uint_eq(fake_get(&hw, PCI_COMMAND, 2) & PCI_COMMAND_INTX_DISABLE, 0);
	vwr(vc, PCI_COMMAND, 2, 0, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_INTX_MASK);
	ck_assert_int_ge(i, 0);
	ck_assert(!fx.effect[i].intx.masked);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_command_bus_master_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = plain();
	int i;

	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MASTER, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_BUS_MASTER);
	ck_assert_int_ge(i, 0);
	ck_assert(fx.effect[i].master.enable);
	ck_assert(fake_get(&hw, PCI_COMMAND, 2) & PCI_COMMAND_MASTER);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MASTER | PCI_COMMAND_SERR, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, PCI_COMMAND, 2, 0, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_BUS_MASTER);
	ck_assert_int_ge(i, 0);
	ck_assert(!fx.effect[i].master.enable);
	ck_assert(!(fake_get(&hw, PCI_COMMAND, 2) & PCI_COMMAND_MASTER));
	vconfig_destroy(vc);
}
END_TEST

/* The bus master effect compares with hardware's current bit. */
START_TEST(test_command_bus_master_from_hw)
{
	struct vconfig_effects fx;
	struct vconfig *vc = plain();

	fake_set(&hw, PCI_COMMAND, 2, PCI_COMMAND_MASTER);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MASTER, &fx);
	ck_assert_int_eq(fx_find(&fx, VCONFIG_EFFECT_BUS_MASTER), -1);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_command_hw_bits_no_effect)
{
	static const u16 bits[] = {
		PCI_COMMAND_INVALIDATE, PCI_COMMAND_PARITY, PCI_COMMAND_SERR,
	};
	struct vconfig_effects fx;
	struct vconfig *vc = plain();
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bits); i++) {
		vwr(vc, PCI_COMMAND, 2, bits[i], &fx);
		ck_assert_uint_eq(fx.count, 0);
		ck_assert_uint_eq(fake_get(&hw, PCI_COMMAND, 2), bits[i]);
		ck_assert_uint_eq(vrd(vc, PCI_COMMAND, 2), bits[i]);
	}
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_command_other_bits_dropped)
{
	struct vconfig *vc = plain();

	memset(hw.wmask + PCI_COMMAND, 0xff, 2);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_SPECIAL | PCI_COMMAND_VGA_PALETTE |
	    PCI_COMMAND_WAIT | PCI_COMMAND_FAST_BACK | 0xf800, NULL);
	ck_assert_uint_eq(fake_get(&hw, PCI_COMMAND, 2), 0);
	ck_assert_uint_eq(vrd(vc, PCI_COMMAND, 2), 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_command_several_effects)
{
	struct vconfig_effects fx;
	struct vconfig *vc = plain();

	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER |
	    PCI_COMMAND_INTX_DISABLE, &fx);
	ck_assert_uint_eq(fx.count, 3);
	ck_assert_uint_eq(fx_count(&fx, VCONFIG_EFFECT_DECODE), 1);
	ck_assert_uint_eq(fx_count(&fx, VCONFIG_EFFECT_BUS_MASTER), 1);
	ck_assert_uint_eq(fx_count(&fx, VCONFIG_EFFECT_INTX_MASK), 1);
	ck_assert(!fx.overflow);
	vconfig_destroy(vc);
}
END_TEST

/* ---- Status ---- */

START_TEST(test_status_cap_list_virtual)
{
	struct vconfig *vc;

	/* Hardware claims a list but points nowhere. */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	hw.cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
	vc = fake_create(&hw);
	ck_assert_uint_eq(vrd(vc, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST, 0);
	ck_assert_uint_eq(vrd(vc, PCI_CAPABILITY_LIST, 1), 0);
	vconfig_destroy(vc);

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pm(&hw, 0x40, 3, 0);
	vc = fake_create(&hw);
	ck_assert(vrd(vc, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST);
	ck_assert_uint_eq(vrd(vc, PCI_CAPABILITY_LIST, 1), 0x40);
	/* Writes cannot clear it, hardware changes cannot either. */
	vwr(vc, PCI_STATUS, 2, 0xffff, NULL);
	hw.cfg[PCI_STATUS] &= ~PCI_STATUS_CAP_LIST;
	ck_assert(vrd(vc, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST);
	vwr(vc, PCI_CAPABILITY_LIST, 1, 0x80, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_CAPABILITY_LIST, 1), 0x40);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_status_invariant_bits)
{
	struct vconfig *vc = plain();
	u16 before = vrd(vc, PCI_STATUS, 2);

	fake_set(&hw, PCI_STATUS, 2, 0);
	ck_assert_uint_eq(vrd(vc, PCI_STATUS, 2), before);
	ck_assert_uint_eq(before & (PCI_STATUS_66MHZ | PCI_STATUS_DEVSEL_MASK),
			  PCI_STATUS_66MHZ | 0x0200);
	vconfig_destroy(vc);
}
END_TEST

/* ---- interrupt registers ---- */

START_TEST(test_interrupt_line_virtual)
{
	struct vconfig *vc = plain();

	ck_assert_uint_eq(vrd(vc, PCI_INTERRUPT_LINE, 1), 0x0b);
	vwr(vc, PCI_INTERRUPT_LINE, 1, 0x0a, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_INTERRUPT_LINE, 1), 0x0a);
	ck_assert_uint_eq(hw.cfg[PCI_INTERRUPT_LINE], 0x0b);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_interrupt_pin)
{
	struct vconfig_config cfg;
	struct vconfig *vc = plain();

	ck_assert_uint_eq(vrd(vc, PCI_INTERRUPT_PIN, 1), 1);
	vwr(vc, PCI_INTERRUPT_PIN, 1, 3, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_INTERRUPT_PIN, 1), 1);
	vconfig_destroy(vc);

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_config(&hw, &cfg);
	cfg.flags = VCONFIG_F_NO_INTX;
	vc = fake_create_cfg(&cfg);
	ck_assert_uint_eq(vrd(vc, PCI_INTERRUPT_PIN, 1), 0);
	vconfig_destroy(vc);

	/* An impossible pin reads as none. */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	hw.cfg[PCI_INTERRUPT_PIN] = 5;
	vc = fake_create(&hw);
	ck_assert_uint_eq(vrd(vc, PCI_INTERRUPT_PIN, 1), 0);
	vconfig_destroy(vc);

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	hw.cfg[PCI_INTERRUPT_PIN] = 4;
	vc = fake_create(&hw);
	ck_assert_uint_eq(vrd(vc, PCI_INTERRUPT_PIN, 1), 4);
	vconfig_destroy(vc);
}
END_TEST

/* ---- engine flags ---- */

/* Each flag is its own bit: the strict profile is no VF, and the reverse. */
START_TEST(test_flags_distinct)
{
	static const u32 flags[] = {
		VCONFIG_F_UNASSIGNED_PASSTHROUGH, VCONFIG_F_NO_INTX,
		VCONFIG_F_STRICT, VCONFIG_F_VIRTFN,
	};
	struct vconfig_config cfg;
	struct vconfig *vc;
	unsigned int i, j;

	for (i = 0; i < ARRAY_SIZE(flags); i++)
		for (j = i + 1; j < ARRAY_SIZE(flags); j++)
			ck_assert_uint_eq(flags[i] & flags[j], 0);
	/* a strict function keeps its hardware IDs */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_set(&hw, PCI_VENDOR_ID, 4, 0x11e81234);
	fake_config(&hw, &cfg);
	cfg.flags = VCONFIG_F_STRICT;
	vc = fake_create_cfg(&cfg);
	ck_assert_ptr_nonnull(vc);
	ck_assert_uint_eq(vrd(vc, PCI_VENDOR_ID, 4), 0x11e81234);
	vconfig_destroy(vc);
}
END_TEST

/* ---- SR-IOV virtual functions ---- */

/*
 * A VF reads 0xffff as its IDs and 0 in its BARs: the engine presents the
 * IDs it is given and BARs shaped by the region descriptions.
 */
START_TEST(test_virtfn_ids_and_bars)
{
	struct vconfig_config cfg;
	struct vconfig *vc = NULL;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_set(&hw, PCI_VENDOR_ID, 4, 0xffffffff);
	fake_config(&hw, &cfg);
	/* without the flag: a function that is gone */
	ck_assert_int_eq(vconfig_create(&cfg, &vc), -ENODEV);

	cfg.flags = VCONFIG_F_VIRTFN;
	cfg.vf_vendor = 0x1b36;
	cfg.vf_device = 0x0010;
	cfg.region[0].size = 0x4000;
	cfg.region[0].flags = VCONFIG_REGION_MEM64;
	cfg.region[2].size = 0x1000;
	cfg.region[2].flags = VCONFIG_REGION_PREFETCH;
	vc = fake_create_cfg(&cfg);
	ck_assert_ptr_nonnull(vc);
	ck_assert_uint_eq(vrd(vc, PCI_VENDOR_ID, 4), 0x00101b36);
	vwr(vc, PCI_VENDOR_ID, 4, 0, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_DEVICE_ID, 2), 0x0010);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_0, 4), PCI_BASE_ADDRESS_MEM_TYPE_64);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_0), 0xffffc004);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_1), 0xffffffff);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 0x4000);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_2), 0xfffff008);
	ck_assert_uint_eq(vconfig_region_size(vc, 2), 0x1000);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_3), 0);
	vconfig_reset(vc);
	ck_assert_uint_eq(vrd(vc, PCI_VENDOR_ID, 4), 0x00101b36);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_0, 4), PCI_BASE_ADDRESS_MEM_TYPE_64);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

/* ---- BAR sizing ---- */

/* A 4K 32-bit memory BAR sizes the same in every slot. */
START_TEST(test_bar_mem32_each_slot)
{
	unsigned int slot = _i, other;
	unsigned int off = PCI_BASE_ADDRESS_0 + 4 * slot;
	struct vconfig *vc = one_bar(slot, 0xf0001000, 4096, 0);

	ck_assert_uint_eq(vrd(vc, off, 4), 0xf0001000);
	ck_assert_uint_eq(size_bar(vc, off), 0xfffff000);
	ck_assert_uint_eq(vconfig_region_size(vc, slot), 4096);
	for (other = 0; other < VCONFIG_NR_BARS; other++) {
		if (other == slot)
			continue;
		ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_0 + 4 * other), 0);
		ck_assert_uint_eq(vconfig_region_size(vc, other), 0);
	}
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_mem32_prefetch)
{
	struct vconfig *vc = one_bar(2, 0xfd000008, 0x100000, VCONFIG_REGION_PREFETCH);

	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_2, 4), 0xfd000008);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_2), 0xfff00008);
	/* Flag bits cannot be written away. */
	vwr(vc, PCI_BASE_ADDRESS_2, 4, 0xe0000000, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_2, 4), 0xe0000008);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_mem64)
{
	struct vconfig_config cfg;
	struct vconfig *vc;

	/* The front-end describing slot 1 too does not unmake the upper half. */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_bar(&hw, 0, 0xfe00000c);
	fake_config(&hw, &cfg);
	cfg.region[0].size = 0x4000;
	cfg.region[0].flags = VCONFIG_REGION_MEM64 | VCONFIG_REGION_PREFETCH;
	cfg.region[1].size = 0x1000;
	vc = fake_create_cfg(&cfg);

	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_0), 0xffffc00c);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_1), 0xffffffff);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 0x4000);
	ck_assert_uint_eq(vconfig_region_size(vc, 1), 0);
	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0x80000000, NULL);
	vwr(vc, PCI_BASE_ADDRESS_1, 4, 0x00000012, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_0, 4), 0x8000000c);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_1, 4), 0x12);
	vconfig_destroy(vc);
}
END_TEST

/* A BAR larger than 4G: the upper half sizes too. */
START_TEST(test_bar_mem64_large)
{
	struct vconfig *vc = one_bar(2, 0x0000000c, 0x200000000ull,
				     VCONFIG_REGION_MEM64 | VCONFIG_REGION_PREFETCH);

	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_2), 0x0000000c);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_3), 0xfffffffe);
	ck_assert_uint_eq(vconfig_region_size(vc, 2), 0x200000000ull);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_mem64_in_slot5_unimplemented)
{
	struct vconfig *vc = one_bar(5, 0xfe000004, 0x4000, VCONFIG_REGION_MEM64);

	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_5, 4), 0);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_5), 0);
	ck_assert_uint_eq(vconfig_region_size(vc, 5), 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_io)
{
	struct vconfig *vc = one_bar(4, 0x0000c001, 32, VCONFIG_REGION_IO);

	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_4, 4), 0xc001);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_4), 0xffffffe1);
	vwr(vc, PCI_BASE_ADDRESS_4, 4, 0x0000d0ff, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_4, 4), 0xd0e1);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_unimplemented_reads_zero)
{
	struct vconfig *vc = plain();
	unsigned int i;

	fake_clear_log(&hw);
	for (i = 0; i < VCONFIG_NR_BARS; i++)
		ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_0 + 4 * i), 0);
	ck_assert_uint_eq(size_bar(vc, PCI_ROM_ADDRESS), 0);
	ck_assert_uint_eq(hw.reads + hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

/* The hardware BAR's kind must agree with the front-end's, or it is gone. */
START_TEST(test_bar_kind_mismatch)
{
	struct vconfig *vc;

	vc = one_bar(0, 0xfe000000, 4096, VCONFIG_REGION_IO);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 0);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_0), 0);
	vconfig_destroy(vc);

	vc = one_bar(0, 0x0000c001, 32, 0);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 0);
	vconfig_destroy(vc);

	vc = one_bar(0, 0xfe000004, 4096, 0);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 0);
	vconfig_destroy(vc);

	vc = one_bar(0, 0xfe000000, 4096, VCONFIG_REGION_MEM64);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 0);
	vconfig_destroy(vc);

	/* Reserved memory type 11b */
	vc = one_bar(0, 0xfe000006, 4096, 0);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_size_rounding)
{
	struct vconfig *vc;

	vc = one_bar(0, 0xfe000000, 3000, 0);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 4096);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_0), 0xfffff000);
	vconfig_destroy(vc);

	vc = one_bar(0, 0xfe000000, 1, 0);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 16);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_0), 0xfffffff0);
	vconfig_destroy(vc);

	vc = one_bar(0, 0x00000001, 3, VCONFIG_REGION_IO);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 4);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_0), 0xfffffffd);
	vconfig_destroy(vc);

	vc = one_bar(0, 0x00000001, 100, VCONFIG_REGION_IO);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 128);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_mem32_too_large)
{
	struct vconfig *vc;

	vc = one_bar(0, 0x00000000, 0x80000000ull, 0);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 0x80000000ull);
	ck_assert_uint_eq(size_bar(vc, PCI_BASE_ADDRESS_0), 0x80000000);
	vconfig_destroy(vc);

	vc = one_bar(0, 0x00000000, 0x80000001ull, 0);
	ck_assert_uint_eq(vconfig_region_size(vc, 0), 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_region_size_out_of_range)
{
	struct vconfig *vc = plain();

	ck_assert_uint_eq(vconfig_region_size(vc, VCONFIG_NR_REGIONS), 0);
	ck_assert_uint_eq(vconfig_region_size(vc, 100), 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_byte_writes)
{
	struct vconfig *vc = one_bar(2, 0xfd000008, 0x1000, VCONFIG_REGION_PREFETCH);

	vwr(vc, PCI_BASE_ADDRESS_2 + 3, 1, 0xe1, NULL);
	vwr(vc, PCI_BASE_ADDRESS_2 + 2, 1, 0x23, NULL);
	vwr(vc, PCI_BASE_ADDRESS_2 + 1, 1, 0x45, NULL);
	vwr(vc, PCI_BASE_ADDRESS_2, 1, 0x67, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_2, 4), 0xe1234008);
	vconfig_destroy(vc);
}
END_TEST

/* ---- ROM ---- */

START_TEST(test_rom_sizing)
{
	struct vconfig_config cfg;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_set(&hw, PCI_ROM_ADDRESS, 4, 0xfc000000);
	fake_config(&hw, &cfg);
	cfg.region[VCONFIG_ROM_BAR].size = 0x10000;
	vc = fake_create_cfg(&cfg);
	ck_assert_uint_eq(vrd(vc, PCI_ROM_ADDRESS, 4), 0xfc000000);
	vwr(vc, PCI_ROM_ADDRESS, 4, PCI_ROM_ADDRESS_MASK, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_ROM_ADDRESS, 4), 0xffff0000);
	vwr(vc, PCI_ROM_ADDRESS, 4, 0xffffffff, NULL);
	ck_assert_uint_eq(vrd(vc, PCI_ROM_ADDRESS, 4), 0xffff0001);
	ck_assert_uint_eq(vconfig_region_size(vc, VCONFIG_ROM_BAR), 0x10000);
	ck_assert_uint_eq(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_rom_sizing_no_effect)
{
	struct vconfig_config cfg;
	struct vconfig_effects fx;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_set(&hw, PCI_ROM_ADDRESS, 4, 0xfc000000);
	fake_config(&hw, &cfg);
	cfg.region[VCONFIG_ROM_BAR].size = 0x10000;
	vc = fake_create_cfg(&cfg);
	vwr(vc, PCI_ROM_ADDRESS, 4, PCI_ROM_ADDRESS_MASK, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_rom_small_and_absent)
{
	struct vconfig_config cfg;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_config(&hw, &cfg);
	cfg.region[VCONFIG_ROM_BAR].size = 100;
	vc = fake_create_cfg(&cfg);
	ck_assert_uint_eq(vconfig_region_size(vc, VCONFIG_ROM_BAR), 2048);
	ck_assert_uint_eq(size_bar(vc, PCI_ROM_ADDRESS), 0xfffff801);
	vconfig_destroy(vc);

	/* No ROM: reads zero, the enable bit does not stick. */
	vc = plain();
	ck_assert_uint_eq(size_bar(vc, PCI_ROM_ADDRESS), 0);
	vconfig_destroy(vc);
}
END_TEST

/* ---- BAR effects ---- */

START_TEST(test_bar_move_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = one_bar(2, 0xfd000000, 0x1000, 0);
	int i;

	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY, NULL);
	vwr(vc, PCI_BASE_ADDRESS_2, 4, 0xe0000000, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].bar.region, 2);
	ck_assert_uint_eq(fx.effect[i].bar.addr, 0xe0000000);
	ck_assert(fx.effect[i].bar.enabled);
	/* Same address again: nothing moved. */
	vwr(vc, PCI_BASE_ADDRESS_2, 4, 0xe0000abc, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_sizing_no_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = one_bar(0, 0xfe000004, 0x4000, VCONFIG_REGION_MEM64);

	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xffffffff, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, PCI_BASE_ADDRESS_1, 4, 0xffffffff, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xfffffff0, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vconfig_destroy(vc);
}
END_TEST

/* Size, then restore the address in use: nothing moved, no effect. */
START_TEST(test_bar_restore_after_sizing_no_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = one_bar(0, 0xfe000000, 0x4000, 0);
	int i;

	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xffffffff, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xfe000000, &fx);
	ck_assert_uint_eq(fx.count, 0);
	/* A real move after that is still reported, and so is the way back. */
	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xe0000000, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].bar.addr, 0xe0000000);
	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xffffffff, &fx);
	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xfe000000, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].bar.addr, 0xfe000000);
	/* After a reset the reset address is the one in use again. */
	vconfig_reset(vc);
	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xfe000000, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_disabled_decode)
{
	struct vconfig_effects fx;
	struct vconfig *vc = one_bar(1, 0xfd000000, 0x1000, 0);
	int i;

	vwr(vc, PCI_BASE_ADDRESS_1, 4, 0xe0000000, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].bar.region, 1);
	ck_assert(!fx.effect[i].bar.enabled);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_mem64_upper_move)
{
	struct vconfig_effects fx;
	struct vconfig *vc = one_bar(2, 0xfe000004, 0x4000, VCONFIG_REGION_MEM64);
	int i;

	vwr(vc, PCI_BASE_ADDRESS_3, 4, 0x00000002, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].bar.region, 2);
	ck_assert_uint_eq(fx.effect[i].bar.addr, 0x2fe000000ull);
	vwr(vc, PCI_BASE_ADDRESS_2, 4, 0x10000000, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].bar.region, 2);
	ck_assert_uint_eq(fx.effect[i].bar.addr, 0x210000000ull);
	vconfig_destroy(vc);
}
END_TEST

/*
 * Both halves of a 64-bit BAR sized, then restored low half first: the
 * moment between the two restores is no move (no effect with a half-sized
 * address), and the BAR ends where it was.
 */
START_TEST(test_bar_mem64_both_halves_sized_no_effect)
{
	static const unsigned int order[2][2] = {
		{ PCI_BASE_ADDRESS_2, PCI_BASE_ADDRESS_3 },
		{ PCI_BASE_ADDRESS_3, PCI_BASE_ADDRESS_2 },
	};
	struct vconfig_effects fx;
	unsigned int o, k;

	for (o = 0; o < 2; o++) {
		struct vconfig *vc = one_bar(2, 0xfe000004, 0x800000,
					     VCONFIG_REGION_MEM64);
		u32 orig[2] = { vrd(vc, PCI_BASE_ADDRESS_2, 4),
				vrd(vc, PCI_BASE_ADDRESS_3, 4) };

		for (k = 0; k < 2; k++) {
			vwr(vc, order[o][k], 4, 0xffffffff, &fx);
			ck_assert_uint_eq(fx.count, 0);
		}
		ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_2, 4), 0xff800004);
		ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_3, 4), 0xffffffff);
		for (k = 0; k < 2; k++) {
			unsigned int off = order[o][k];

			vwr(vc, off, 4, orig[off == PCI_BASE_ADDRESS_3], &fx);
			ck_assert_msg(fx.count == 0, "order %u step %u: effect", o, k);
		}
		/* A real move afterwards is still reported. */
		vwr(vc, PCI_BASE_ADDRESS_3, 4, 1, &fx);
		k = fx_find(&fx, VCONFIG_EFFECT_BAR);
		ck_assert_int_ge((int)k, 0);
		ck_assert_uint_eq(fx.effect[k].bar.addr, 0x1fe000000ull);
		vconfig_destroy(vc);
	}
}
END_TEST

/*
 * A byte written into a BAR that holds its sizing probe leaves every
 * address bit set: still a probe, no move (found by the vfio-pci oracle).
 */
START_TEST(test_bar_byte_after_sizing_no_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = one_bar(2, 0x0000c001, 32, VCONFIG_REGION_IO);

	vwr(vc, PCI_BASE_ADDRESS_2, 4, 0xffffffff, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, PCI_BASE_ADDRESS_2 + 1, 1, 0xff, &fx);
	ck_assert_uint_eq(fx.count, 0);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_2, 4), 0xffffffe1);
	vwr(vc, PCI_BASE_ADDRESS_2, 4, 0x0000c001, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_io_effect_follows_io_decode)
{
	struct vconfig_effects fx;
	struct vconfig *vc = one_bar(4, 0x0000c001, 32, VCONFIG_REGION_IO);
	int i;

	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY, NULL);
	vwr(vc, PCI_BASE_ADDRESS_4, 4, 0xd000, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert(!fx.effect[i].bar.enabled);
	ck_assert_uint_eq(fx.effect[i].bar.addr, 0xd000);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_IO, NULL);
	vwr(vc, PCI_BASE_ADDRESS_4, 4, 0xe000, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert(fx.effect[i].bar.enabled);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_bar_unimplemented_no_effect)
{
	struct vconfig_effects fx;
	struct vconfig *vc = plain();

	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xe0000000, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, PCI_ROM_ADDRESS, 4, 0xe0000001, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_rom_enable_effect)
{
	struct vconfig_config cfg;
	struct vconfig_effects fx;
	struct vconfig *vc;
	int i;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_set(&hw, PCI_ROM_ADDRESS, 4, 0xfc000000);
	fake_config(&hw, &cfg);
	cfg.region[VCONFIG_ROM_BAR].size = 0x8000;
	vc = fake_create_cfg(&cfg);
	vwr(vc, PCI_ROM_ADDRESS, 4, 0xfc000001, &fx);
	ck_assert_uint_eq(fx.count, 1);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].bar.region, VCONFIG_ROM_BAR);
	ck_assert(fx.effect[i].bar.enabled);
	ck_assert_uint_eq(fx.effect[i].bar.addr, 0xfc000000);
	vwr(vc, PCI_ROM_ADDRESS, 4, 0xfc000001, &fx);
	ck_assert_uint_eq(fx.count, 0);
	vwr(vc, PCI_ROM_ADDRESS, 4, 0xfd000001, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert_uint_eq(fx.effect[i].bar.addr, 0xfd000000);
	vwr(vc, PCI_ROM_ADDRESS, 4, 0xfd000000, &fx);
	i = fx_find(&fx, VCONFIG_EFFECT_BAR);
	ck_assert_int_ge(i, 0);
	ck_assert(!fx.effect[i].bar.enabled);
	vconfig_destroy(vc);
}
END_TEST

/* ---- reset ---- */

START_TEST(test_header_reset_values)
{
	struct vconfig *vc = fake_rich_create(&hw);

	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_0, 4), 0xfe000004);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_1, 4), 0x00000001);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_2, 4), 0xfd000008);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_3, 4), 0);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_4, 4), 0xc001);
	ck_assert_uint_eq(vrd(vc, PCI_ROM_ADDRESS, 4), 0xfc000000);
	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xffffffff, NULL);
	vwr(vc, PCI_BASE_ADDRESS_1, 4, 0xffffffff, NULL);
	vwr(vc, PCI_BASE_ADDRESS_2, 4, 0x0, NULL);
	vwr(vc, PCI_BASE_ADDRESS_4, 4, 0xffffffff, NULL);
	vwr(vc, PCI_ROM_ADDRESS, 4, 0xffffffff, NULL);
	vwr(vc, PCI_INTERRUPT_LINE, 1, 0xff, NULL);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_IO | PCI_COMMAND_MEMORY, NULL);
	vconfig_reset(vc);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_0, 4), 0xfe000004);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_1, 4), 0x00000001);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_2, 4), 0xfd000008);
	ck_assert_uint_eq(vrd(vc, PCI_BASE_ADDRESS_4, 4), 0xc001);
	ck_assert_uint_eq(vrd(vc, PCI_ROM_ADDRESS, 4), 0xfc000000);
	ck_assert_uint_eq(vrd(vc, PCI_INTERRUPT_LINE, 1), 0x0b);
	ck_assert(!vconfig_memory_enabled(vc));
	ck_assert(!vconfig_io_enabled(vc));
	ck_assert_uint_eq(vrd(vc, PCI_COMMAND, 2) &
			  (PCI_COMMAND_IO | PCI_COMMAND_MEMORY), 0);
	vconfig_destroy(vc);
}
END_TEST

static Suite *header_suite(void)
{
	Suite *s = suite_create("header");
	TCase *tc;

	tc = tcase_create("registers");
	tcase_add_test(tc, test_ids_readonly);
	tcase_add_test(tc, test_header_type_and_maxlat_readonly);
	tcase_add_test(tc, test_bist_readonly_live);
	tcase_add_test(tc, test_cacheline_latency_to_hw);
	tcase_add_test(tc, test_status_cap_list_virtual);
	tcase_add_test(tc, test_status_invariant_bits);
	tcase_add_test(tc, test_interrupt_line_virtual);
	tcase_add_test(tc, test_interrupt_pin);
	suite_add_tcase(s, tc);

	tc = tcase_create("command");
	tcase_add_test(tc, test_command_virtual_bits);
	tcase_add_test(tc, test_command_decode_effect);
	tcase_add_test(tc, test_command_intx_effect);
	tcase_add_test(tc, test_command_bus_master_effect);
	tcase_add_test(tc, test_command_bus_master_from_hw);
	tcase_add_test(tc, test_command_hw_bits_no_effect);
	tcase_add_test(tc, test_command_other_bits_dropped);
	tcase_add_test(tc, test_command_several_effects);
	suite_add_tcase(s, tc);

	tc = tcase_create("bars");
	tcase_add_loop_test(tc, test_bar_mem32_each_slot, 0, VCONFIG_NR_BARS);
	tcase_add_test(tc, test_bar_mem32_prefetch);
	tcase_add_test(tc, test_bar_mem64);
	tcase_add_test(tc, test_bar_mem64_large);
	tcase_add_test(tc, test_bar_mem64_in_slot5_unimplemented);
	tcase_add_test(tc, test_bar_io);
	tcase_add_test(tc, test_bar_unimplemented_reads_zero);
	tcase_add_test(tc, test_bar_kind_mismatch);
	tcase_add_test(tc, test_bar_size_rounding);
	tcase_add_test(tc, test_bar_mem32_too_large);
	tcase_add_test(tc, test_region_size_out_of_range);
	tcase_add_test(tc, test_bar_byte_writes);
	tcase_add_test(tc, test_rom_sizing);
	tcase_add_test(tc, test_rom_sizing_no_effect);
	tcase_add_test(tc, test_rom_small_and_absent);
	suite_add_tcase(s, tc);

	tc = tcase_create("bar effects");
	tcase_add_test(tc, test_bar_move_effect);
	tcase_add_test(tc, test_bar_sizing_no_effect);
	tcase_add_test(tc, test_bar_restore_after_sizing_no_effect);
	tcase_add_test(tc, test_bar_disabled_decode);
	tcase_add_test(tc, test_bar_mem64_upper_move);
	tcase_add_test(tc, test_bar_mem64_both_halves_sized_no_effect);
	tcase_add_test(tc, test_bar_byte_after_sizing_no_effect);
	tcase_add_test(tc, test_bar_io_effect_follows_io_decode);
	tcase_add_test(tc, test_bar_unimplemented_no_effect);
	tcase_add_test(tc, test_rom_enable_effect);
	suite_add_tcase(s, tc);

	tc = tcase_create("virtfn");
	tcase_add_test(tc, test_flags_distinct);
	tcase_add_test(tc, test_virtfn_ids_and_bars);
	suite_add_tcase(s, tc);

	tc = tcase_create("reset");
	tcase_add_test(tc, test_header_reset_values);
	suite_add_tcase(s, tc);
	return s;
}

VCONFIG_CHECK_MAIN(header_suite)
