// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Engine core: creation, the access API and its splitting, the map's bit
 * classes, the read formula, read-modify-write, RW1C and the invariant
 * cache. Backend counters prove which accesses reach hardware.
 */
#include <limits.h>
#include <stdio.h>
#include "check_main.h"
#include "fake_hw.h"

static struct fake_hw hw;

/* ---- creation ---- */

START_TEST(test_create_minimal)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	vc = fake_create(&hw);
	ck_assert_uint_eq(vconfig_cfg_size(vc), VCONFIG_CFG_SIZE_PCI);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 0);
	ck_assert_uint_eq(vrd(vc, PCI_VENDOR_ID, 2), 0x1af4);
	ck_assert_uint_eq(vrd(vc, PCI_DEVICE_ID, 2), 0x1041);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_create_rejects_bad_config)
{
	static const struct vconfig_backend_ops no_write = { .read = fake_read };
	struct vconfig_config cfg;
	struct vconfig *vc = NULL;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	ck_assert_int_eq(vconfig_create(NULL, &vc), -EINVAL);
	fake_config(&hw, &cfg);
	ck_assert_int_eq(vconfig_create(&cfg, NULL), -EINVAL);
	cfg.ops = NULL;
	ck_assert_int_eq(vconfig_create(&cfg, &vc), -EINVAL);
	cfg.ops = &no_write;
	ck_assert_int_eq(vconfig_create(&cfg, &vc), -EINVAL);
	fake_config(&hw, &cfg);
	cfg.cfg_size = 512;
	ck_assert_int_eq(vconfig_create(&cfg, &vc), -EINVAL);
	cfg.cfg_size = 0;
	ck_assert_int_eq(vconfig_create(&cfg, &vc), -EINVAL);
	fake_config(&hw, &cfg);
	cfg.max_msi_vectors = 33;
	ck_assert_int_eq(vconfig_create(&cfg, &vc), -EINVAL);
	ck_assert_ptr_null(vc);
	/* Nothing was read for a config refused up front. */
	ck_assert_uint_eq(hw.reads, 0);
}
END_TEST

START_TEST(test_create_all_ones_is_enodev)
{
	struct vconfig_config cfg;
	struct vconfig *vc = NULL;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	memset(hw.cfg, 0xff, sizeof(hw.cfg));
	fake_config(&hw, &cfg);
	ck_assert_int_eq(vconfig_create(&cfg, &vc), -ENODEV);
	ck_assert_ptr_null(vc);
}
END_TEST

START_TEST(test_create_header_types)
{
	struct vconfig_config cfg;
	struct vconfig *vc = NULL;
	static const u8 refused[] = { 0x01, 0x02, 0x7f, 0x81 };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(refused); i++) {
		fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
		hw.cfg[PCI_HEADER_TYPE] = refused[i];
		fake_config(&hw, &cfg);
		ck_assert_int_eq(vconfig_create(&cfg, &vc), -EOPNOTSUPP);
		ck_assert_ptr_null(vc);
	}
	/* A multi-function type-0 header is fine. */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	hw.cfg[PCI_HEADER_TYPE] = 0x80;
	vc = fake_create(&hw);
	ck_assert_uint_eq(vrd(vc, PCI_HEADER_TYPE, 1), 0x80);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_create_backend_error)
{
	struct vconfig_config cfg;
	struct vconfig *vc = NULL;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	hw.fail_read_at = 0x800;
	fake_config(&hw, &cfg);
	ck_assert_int_eq(vconfig_create(&cfg, &vc), -EIO);
	ck_assert_ptr_null(vc);
}
END_TEST

/* Create reads each dword once and writes nothing. */
START_TEST(test_create_reads_space_once)
{
	struct vconfig *vc;
	u64 r = 0, w = 1;

	vc = fake_rich_create(&hw);
	ck_assert_uint_eq(hw.reads, VCONFIG_CFG_SIZE_PCIE / 4);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_uint_eq(hw.bad, 0);
	vconfig_backend_counts(vc, &r, &w);
	ck_assert_uint_eq(r, VCONFIG_CFG_SIZE_PCIE / 4);
	ck_assert_uint_eq(w, 0);
	vconfig_backend_counts(vc, NULL, NULL);
	vconfig_destroy(vc);
}
END_TEST

/* ---- access API ---- */

START_TEST(test_read_rejects_bad_ranges)
{
	struct vconfig *vc;
	u8 buf[8];
	unsigned int i;
	static const struct { unsigned int off, size; } bad[] = {
		{ 256, 1 }, { 255, 2 }, { 0, 257 }, { 253, 4 },
		{ UINT_MAX, 2 }, { 2, UINT_MAX }, { 257, 0 },
	};

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	vc = fake_create(&hw);
	fake_clear_log(&hw);
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		memset(buf, 0x5a, sizeof(buf));
		ck_assert_int_eq(vconfig_read(vc, bad[i].off, bad[i].size, buf),
				 -EINVAL);
		ck_assert_uint_eq(buf[0], 0x5a);
	}
	ck_assert_int_eq(vconfig_read(vc, 0, 4, NULL), -EINVAL);
	ck_assert_int_eq(vconfig_read(NULL, 0, 4, buf), -EINVAL);
	ck_assert_uint_eq(hw.reads, 0);
	/* The last byte and the whole space are fine. */
	ck_assert_int_eq(vconfig_read(vc, 255, 1, buf), 0);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_write_rejects_bad_ranges)
{
	struct vconfig_effects fx = { .count = 5 };
	struct vconfig *vc;
	u8 buf[8], before[VCONFIG_CFG_SIZE_PCIE], after[VCONFIG_CFG_SIZE_PCIE];

	vc = fake_rich_create(&hw);
	memset(buf, 0xff, sizeof(buf));
	ck_assert_int_eq(vconfig_read(vc, 0, 4096, before), 0);
	fake_clear_log(&hw);
	ck_assert_int_eq(vconfig_write(vc, 4094, 4, buf, &fx), -EINVAL);
	ck_assert_int_eq(vconfig_write(vc, 4096, 1, buf, &fx), -EINVAL);
	ck_assert_int_eq(vconfig_write(vc, UINT_MAX - 1, 4, buf, &fx), -EINVAL);
	ck_assert_int_eq(vconfig_write(vc, 4, UINT_MAX, buf, &fx), -EINVAL);
	ck_assert_int_eq(vconfig_write(vc, 4, 2, NULL, &fx), -EINVAL);
	ck_assert_int_eq(vconfig_write(NULL, 4, 2, buf, &fx), -EINVAL);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_int_eq(vconfig_read(vc, 0, 4096, after), 0);
	ck_assert_mem_eq(before, after, sizeof(before));
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_reg_accessors_need_alignment)
{
	struct vconfig *vc;
	u32 val = 0x1234;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	vc = fake_create(&hw);
	ck_assert_int_eq(vconfig_read_reg(vc, 1, 2, &val), -EINVAL);
	ck_assert_int_eq(vconfig_read_reg(vc, 2, 4, &val), -EINVAL);
	ck_assert_int_eq(vconfig_read_reg(vc, 0, 3, &val), -EINVAL);
	ck_assert_int_eq(vconfig_read_reg(vc, 0, 8, &val), -EINVAL);
	ck_assert_int_eq(vconfig_read_reg(vc, 0, 0, &val), -EINVAL);
	ck_assert_int_eq(vconfig_read_reg(vc, 256, 1, &val), -EINVAL);
	ck_assert_int_eq(vconfig_read_reg(vc, 0, 4, NULL), -EINVAL);
	ck_assert_uint_eq(val, 0x1234);
	ck_assert_int_eq(vconfig_write_reg(vc, 5, 2, 0, NULL), -EINVAL);
	ck_assert_int_eq(vconfig_write_reg(vc, 6, 4, 0, NULL), -EINVAL);
	ck_assert_int_eq(vconfig_write_reg(vc, 252, 8, 0, NULL), -EINVAL);
	ck_assert_int_eq(vconfig_write_reg(vc, 256, 4, 0, NULL), -EINVAL);
	ck_assert_int_eq(vconfig_read_reg(vc, 252, 4, &val), 0);
	vconfig_destroy(vc);
}
END_TEST

/* Any (offset, length) reads the same bytes as byte-wise reads. */
START_TEST(test_read_any_range_matches_bytes)
{
	u8 whole[VCONFIG_CFG_SIZE_PCIE], part[16];
	struct vconfig *vc;
	unsigned int off, len, i;

	vc = fake_rich_create(&hw);
	for (i = 0; i < VCONFIG_CFG_SIZE_PCIE; i++) {
		u32 b = vrd(vc, i, 1);

		whole[i] = b;
	}
	for (off = 0; off < 0x160; off++) {
		for (len = 1; len <= sizeof(part); len++) {
			if (off + len > VCONFIG_CFG_SIZE_PCIE)
				break;
			ck_assert_int_eq(vconfig_read(vc, off, len, part), 0);
			ck_assert_mem_eq(part, whole + off, len);
		}
	}
	{
		u8 again[VCONFIG_CFG_SIZE_PCIE];

		ck_assert_int_eq(vconfig_read(vc, 0, sizeof(again), again), 0);
		ck_assert_mem_eq(again, whole, sizeof(whole));
	}
	ck_assert_uint_eq(hw.bad, 0);
	vconfig_destroy(vc);
}
END_TEST

/*
 * Every backend access of any read or write is a naturally aligned 1, 2
 * or 4 byte piece (the fake counts violations as "bad").
 */
START_TEST(test_split_pieces_are_aligned)
{
	struct vconfig *vc;
	unsigned int off, len;
	u8 buf[12];

	vc = fake_rich_create(&hw);
	memset(hw.wmask, 0xff, sizeof(hw.wmask));
	for (off = 0; off < 0x180; off++) {
		for (len = 1; len <= sizeof(buf); len++) {
			ck_assert_int_eq(vconfig_read(vc, off, len, buf), 0);
			ck_assert_int_eq(vconfig_write(vc, off, len, buf, NULL), 0);
		}
	}
	ck_assert_uint_eq(hw.bad, 0);
	ck_assert_uint_gt(hw.writes, 0);
	vconfig_destroy(vc);
}
END_TEST

/* A dword half capability, half unassigned is read as two pieces. */
START_TEST(test_split_at_owner_boundary)
{
	struct vconfig *vc;
	u32 val;
	const struct fake_access *a;

	vc = fake_rich_create(&hw);
	fake_set(&hw, RICH_VNDR + 6, 2, 0xbeef);
	fake_clear_log(&hw);
	val = vrd(vc, RICH_VNDR + 4, 4);
	ck_assert_uint_eq(val, 0xbeef0000u | (0xa5u << 8) | 0xa4u);
	a = fake_last(&hw, false, RICH_VNDR + 6);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(a->size, 2);
	a = fake_last(&hw, false, RICH_VNDR + 4);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(a->size, 2);
	vconfig_destroy(vc);
}
END_TEST

/* An unaligned multi-byte read straddling registers assembles correctly. */
START_TEST(test_unaligned_read_write)
{
	struct vconfig *vc;
	u8 buf[3], in[3] = { 0x10, 0x04, 0x00 };

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	vc = fake_create(&hw);
	ck_assert_int_eq(vconfig_read(vc, 1, 3, buf), 0);
	ck_assert_uint_eq(buf[0], 0x1a);
	ck_assert_uint_eq(buf[1], 0x41);
	ck_assert_uint_eq(buf[2], 0x10);
	/* 3 bytes from the Device ID high byte into Command */
	ck_assert_int_eq(vconfig_write(vc, 3, 3, in, NULL), 0);
	ck_assert_uint_eq(vrd(vc, PCI_DEVICE_ID, 2), 0x1041);
	ck_assert_uint_eq(vrd(vc, PCI_COMMAND, 2), PCI_COMMAND_MASTER);
	ck_assert_uint_eq(fake_get(&hw, PCI_COMMAND, 2), PCI_COMMAND_MASTER);
	vconfig_destroy(vc);
}
END_TEST

/* ---- map classes and the read formula ---- */

START_TEST(test_header_classes)
{
	struct vconfig *vc = fake_rich_create(&hw);

	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_INVARIANT, 0), 0xff);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, 0), 0);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, PCI_COMMAND), 0x03);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, PCI_COMMAND), 0x57);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, PCI_COMMAND + 1), 0x04);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, PCI_COMMAND + 1), 0x05);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, PCI_STATUS), 0x10);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_RW1C, PCI_STATUS + 1), 0xf9);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, PCI_STATUS + 1), 0xf9);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_RW1C, PCI_STATUS), 0);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, PCI_BASE_ADDRESS_3), 0xff);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, PCI_CAPABILITY_LIST), 0xff);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, PCI_CAPABILITY_LIST), 0);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, PCI_INTERRUPT_LINE), 0xff);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, PCI_INTERRUPT_PIN), 0);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, PCI_BIST), 0);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_INVARIANT, PCI_BIST), 0);
	/* Invalid class or offset */
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_NR_CLASSES, 0), 0);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_INVARIANT, 4096), 0);
	vconfig_destroy(vc);
}
END_TEST

/* Every RW1C bit is writable, and no invariant bit is virtual. */
START_TEST(test_class_consistency)
{
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int b;

	for (b = 0; b < VCONFIG_CFG_SIZE_PCIE; b++) {
		u8 virt = vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, b);
		u8 inv = vconfig_class_mask(vc, VCONFIG_CLASS_INVARIANT, b);
		u8 w = vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, b);

		ck_assert_msg(!(inv & virt), "byte %#x invariant and virtual", b);
		ck_assert_msg(!(inv & w), "byte %#x invariant and writable", b);
	}
	vconfig_destroy(vc);
}
END_TEST

/*
 * Read = (hw & ~virt) | (vcopy & virt): changing hardware changes exactly
 * the non-virtual, non-invariant bits of what the user reads.
 */
START_TEST(test_read_formula)
{
	u8 before[VCONFIG_CFG_SIZE_PCIE], after[VCONFIG_CFG_SIZE_PCIE];
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int b;

	ck_assert_int_eq(vconfig_read(vc, 0, sizeof(before), before), 0);
	for (b = 0; b < VCONFIG_CFG_SIZE_PCIE; b++)
		hw.cfg[b] ^= 0xff;
	ck_assert_int_eq(vconfig_read(vc, 0, sizeof(after), after), 0);
	for (b = 0; b < VCONFIG_CFG_SIZE_PCIE; b++) {
		u8 live = ~vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, b) &
			  ~vconfig_class_mask(vc, VCONFIG_CLASS_INVARIANT, b);

		ck_assert_msg((u8)(before[b] ^ after[b]) == live,
			      "byte %#x changed %#x, live bits %#x", b,
			      before[b] ^ after[b], live);
	}
	vconfig_destroy(vc);
}
END_TEST

/* Invariant and virtual registers never touch the backend. */
START_TEST(test_invariant_reads_no_backend)
{
	static const struct { unsigned int off, size; } regs[] = {
		{ PCI_VENDOR_ID, 4 }, { PCI_CLASS_REVISION, 4 },
		{ PCI_SUBSYSTEM_VENDOR_ID, 4 }, { PCI_BASE_ADDRESS_0, 4 },
		{ PCI_BASE_ADDRESS_5, 4 }, { PCI_ROM_ADDRESS, 4 },
		{ PCI_CAPABILITY_LIST, 4 }, { 0x38, 4 }, { PCI_INTERRUPT_LINE, 2 },
		{ PCI_MAX_LAT, 1 }, { PCI_HEADER_TYPE, 1 },
		{ RICH_MSI, 2 }, { RICH_MSI + 4, 4 }, { RICH_MSI + 8, 4 }, { RICH_MSIX + 4, 4 },
		{ RICH_EXP + 4, 4 }, { RICH_AER, 4 }, { RICH_DSN + 4, 4 },
		{ 0x200, 4 }, { 0xffc, 4 },
	};
	struct vconfig *vc = fake_rich_create_strict(&hw);
	u32 vendor = vrd(vc, PCI_VENDOR_ID, 2);
	unsigned int i;
	u64 reads;

	fake_clear_log(&hw);
	for (i = 0; i < ARRAY_SIZE(regs); i++) {
		vrd(vc, regs[i].off, regs[i].size);
		ck_assert_msg(hw.reads == 0, "reading %#x hit the backend",
			      regs[i].off);
	}
	/* The cache, not hardware, serves invariant bits. */
	fake_set(&hw, PCI_VENDOR_ID, 2, 0x1234);
	ck_assert_uint_eq(vrd(vc, PCI_VENDOR_ID, 2), vendor);
	vconfig_backend_counts(vc, &reads, NULL);
	ck_assert_uint_eq(reads, VCONFIG_CFG_SIZE_PCIE / 4);
	vconfig_destroy(vc);
}
END_TEST

/* Live hardware registers are read from the backend each time. */
START_TEST(test_live_reads_hit_backend)
{
	struct vconfig *vc = fake_rich_create(&hw);
	u64 before, after;

	vconfig_backend_counts(vc, &before, NULL);
	hw.cfg[PCI_BIST] = 0x80;
	ck_assert_uint_eq(vrd(vc, PCI_BIST, 1), 0x80);
	hw.cfg[PCI_LATENCY_TIMER] = 0x40;
	ck_assert_uint_eq(vrd(vc, PCI_LATENCY_TIMER, 1), 0x40);
	fake_set(&hw, PCI_STATUS, 2, fake_get(&hw, PCI_STATUS, 2) |
		 PCI_STATUS_INTERRUPT);
	ck_assert(vrd(vc, PCI_STATUS, 2) & PCI_STATUS_INTERRUPT);
	vconfig_backend_counts(vc, &after, NULL);
	ck_assert_uint_eq(after - before, 3);
	ck_assert_uint_eq(hw.reads, after);
	vconfig_destroy(vc);
}
END_TEST

/* ---- writes: RMW, RW1C, dropping ---- */

START_TEST(test_write_readonly_dropped)
{
	struct vconfig *vc = fake_rich_create(&hw);

	fake_clear_log(&hw);
	vwr(vc, PCI_VENDOR_ID, 4, 0, NULL);
	vwr(vc, PCI_CLASS_REVISION, 4, 0, NULL);
	vwr(vc, PCI_BIST, 1, 0x40, NULL);
	vwr(vc, PCI_SUBSYSTEM_VENDOR_ID, 4, 0, NULL);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_uint_eq(hw.reads, 0);
	ck_assert_uint_eq(vrd(vc, PCI_VENDOR_ID, 4), 0x10411af4);
	ck_assert_uint_eq(vrd(vc, PCI_CLASS_REVISION, 4), 0x01080002);
	vconfig_destroy(vc);
}
END_TEST

/* Hardware-writable Command bits: read-modify-write of those bits only. */
START_TEST(test_command_rmw)
{
	const struct fake_access *a;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_set(&hw, PCI_COMMAND, 2, PCI_COMMAND_SPECIAL | PCI_COMMAND_MEMORY);
	vc = fake_create(&hw);
	fake_clear_log(&hw);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MASTER | PCI_COMMAND_VGA_PALETTE, NULL);
	ck_assert_uint_eq(hw.writes, 1);
	a = fake_last(&hw, true, PCI_COMMAND);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(a->size, 2);
	/* MASTER written, SPECIAL and hardware MEM preserved, VGA dropped */
	ck_assert_uint_eq(a->val, PCI_COMMAND_MASTER | PCI_COMMAND_SPECIAL |
				  PCI_COMMAND_MEMORY);
	ck_assert(fake_last(&hw, false, PCI_COMMAND));
	/* The user's view: virtual MEM now clear, hardware bits live. */
	ck_assert_uint_eq(vrd(vc, PCI_COMMAND, 2),
			  PCI_COMMAND_MASTER | PCI_COMMAND_SPECIAL);
	vconfig_destroy(vc);
}
END_TEST

/* A write of only virtual bits makes no backend access at all. */
START_TEST(test_virtual_write_no_backend)
{
	struct vconfig *vc = fake_rich_create(&hw);

	fake_clear_log(&hw);
	vwr(vc, PCI_BASE_ADDRESS_2, 4, 0xe0000000, NULL);
	vwr(vc, PCI_INTERRUPT_LINE, 1, 0x05, NULL);
	vwr(vc, RICH_MSI + PCI_MSI_ADDRESS_LO, 4, 0xfee00000, NULL);
	vwr(vc, RICH_MSI + PCI_MSI_DATA_64, 2, 0x4021, NULL);
	ck_assert_uint_eq(hw.reads + hw.writes, 0);
	ck_assert_uint_eq(vrd(vc, PCI_INTERRUPT_LINE, 1), 0x05);
	ck_assert_uint_eq(hw.cfg[PCI_INTERRUPT_LINE], 0x0b);
	ck_assert_uint_eq(vrd(vc, RICH_MSI + PCI_MSI_ADDRESS_LO, 4), 0xfee00000);
	ck_assert_uint_eq(vrd(vc, RICH_MSI + PCI_MSI_DATA_64, 2), 0x4021);
	vconfig_destroy(vc);
}
END_TEST

/* Hardware RW1C bits are never echoed back as 1. */
START_TEST(test_status_rw1c_not_echoed)
{
	struct vconfig *vc;
	const struct fake_access *a;
	u16 errors = PCI_STATUS_REC_MASTER_ABORT | PCI_STATUS_PARITY;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	vc = fake_create(&hw);
	fake_set(&hw, PCI_STATUS, 2, fake_get(&hw, PCI_STATUS, 2) | errors);
	fake_clear_log(&hw);
	/* Command and Status in one dword, Status written as 0 */
	vwr(vc, PCI_COMMAND, 4, PCI_COMMAND_MASTER, NULL);
	a = fake_last(&hw, true, PCI_COMMAND);
	ck_assert_ptr_nonnull(a);
	ck_assert_uint_eq(a->size, 4);
	ck_assert_uint_eq((a->val >> 16) & 0xf900, 0);
	ck_assert_uint_eq(fake_get(&hw, PCI_STATUS, 2) & errors, errors);
	/* Writing the Command word alone leaves Status alone. */
	vwr(vc, PCI_COMMAND, 2, 0, NULL);
	ck_assert_uint_eq(fake_get(&hw, PCI_STATUS, 2) & errors, errors);
	ck_assert_uint_eq(vrd(vc, PCI_STATUS, 2) & errors, errors);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_status_rw1c_clears_written_ones)
{
	struct vconfig *vc;
	u16 errors = PCI_STATUS_REC_MASTER_ABORT | PCI_STATUS_PARITY |
		     PCI_STATUS_SIG_SYSTEM_ERROR;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	vc = fake_create(&hw);
	fake_set(&hw, PCI_STATUS, 2, fake_get(&hw, PCI_STATUS, 2) | errors);
	vwr(vc, PCI_STATUS, 2, PCI_STATUS_REC_MASTER_ABORT | PCI_STATUS_66MHZ |
	    PCI_STATUS_INTERRUPT, NULL);
	ck_assert_uint_eq(fake_get(&hw, PCI_STATUS, 2) & errors,
			  PCI_STATUS_PARITY | PCI_STATUS_SIG_SYSTEM_ERROR);
	ck_assert_uint_eq(vrd(vc, PCI_STATUS, 2) & errors,
			  PCI_STATUS_PARITY | PCI_STATUS_SIG_SYSTEM_ERROR);
	/* The invariant 66MHz bit is unchanged in hardware. */
	ck_assert(fake_get(&hw, PCI_STATUS, 2) & PCI_STATUS_66MHZ);
	vconfig_destroy(vc);
}
END_TEST

/* Virtual RW1C: PME_Status is cleared by writing 1, kept by writing 0. */
START_TEST(test_virtual_rw1c)
{
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int pmcsr = RICH_PM + PCI_PM_CTRL;

	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_RW1C, pmcsr + 1),
			  PCI_PM_CTRL_PME_STATUS >> 8);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, pmcsr + 1) &
			  (PCI_PM_CTRL_PME_STATUS >> 8), PCI_PM_CTRL_PME_STATUS >> 8);
	/* Writing 1 to a clear RW1C bit does not set it. */
	vwr(vc, pmcsr, 2, PCI_PM_CTRL_PME_STATUS, NULL);
	ck_assert_uint_eq(vrd(vc, pmcsr, 2) & PCI_PM_CTRL_PME_STATUS, 0);
	vconfig_destroy(vc);
}
END_TEST

/*
 * Against fully writable hardware, any write changes hardware only in the
 * bits the map marks writable and not virtual.
 */
START_TEST(test_writes_touch_only_hw_writable_bits)
{
	static const u8 patterns[] = { 0x00, 0xff, 0x5a, 0xa5 };
	u8 before[VCONFIG_CFG_SIZE_PCIE];
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int p, off, b;

	memset(hw.wmask, 0xff, sizeof(hw.wmask));
	memset(hw.w1c, 0, sizeof(hw.w1c));
	for (p = 0; p < ARRAY_SIZE(patterns); p++) {
		for (off = 0; off < VCONFIG_CFG_SIZE_PCIE; off += 4) {
			u8 buf[4];

			memcpy(before, hw.cfg, sizeof(before));
			memset(buf, patterns[p], sizeof(buf));
			ck_assert_int_eq(vconfig_write(vc, off, 4, buf, NULL), 0);
			for (b = off; b < off + 4; b++) {
				u8 hw_writable =
					vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, b) &
					~vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, b);

				ck_assert_msg(!((before[b] ^ hw.cfg[b]) & ~hw_writable),
					      "pattern %#x changed byte %#x: %#x -> %#x",
					      patterns[p], b, before[b], hw.cfg[b]);
			}
			/* Nothing outside the written dword moved. */
			ck_assert_mem_eq(before, hw.cfg, off);
			ck_assert_mem_eq(before + off + 4, hw.cfg + off + 4,
					 sizeof(before) - off - 4);
		}
	}
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_backend_write_error_propagates)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	vc = fake_create(&hw);
	hw.fail_write_at = PCI_COMMAND;
	ck_assert_int_eq(vconfig_write_reg(vc, PCI_COMMAND, 2,
					   PCI_COMMAND_MASTER, NULL), -EIO);
	hw.fail_read_at = PCI_BIST;
	{
		u32 val;

		ck_assert_int_eq(vconfig_read_reg(vc, PCI_BIST, 1, &val), -EIO);
	}
	vconfig_destroy(vc);
}
END_TEST

/* ---- effects plumbing ---- */

START_TEST(test_effects_reset_each_write)
{
	struct vconfig_effects fx;
	struct vconfig *vc = fake_rich_create(&hw);

	memset(&fx, 0x77, sizeof(fx));
	vwr(vc, PCI_INTERRUPT_LINE, 1, 3, &fx);
	ck_assert_uint_eq(fx.count, 0);
	ck_assert(!fx.overflow);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY, &fx);
	ck_assert_uint_eq(fx.count, 1);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY, &fx);
	ck_assert_uint_eq(fx.count, 0);
	/* NULL sink: effects discarded, state still changes. */
	vwr(vc, PCI_COMMAND, 2, 0, NULL);
	ck_assert(!vconfig_memory_enabled(vc));
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_effects_overflow)
{
	struct vconfig_effects fx;
	struct vconfig_config cfg;
	struct vconfig *vc;
	u8 buf[0x34 - PCI_COMMAND];
	u32 v;

	fake_rich(&hw);
	fake_rich_config(&hw, &cfg);
	cfg.region[3].size = 0x1000;
	cfg.region[5].size = 0x1000;
	vc = fake_create_cfg(&cfg);
	/* Command: INTx, decode and bus master; every BAR and the ROM move. */
	memset(buf, 0, sizeof(buf));
	v = PCI_COMMAND_INTX_DISABLE | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
	memcpy(buf, &v, 2);
	memset(buf + PCI_BASE_ADDRESS_0 - PCI_COMMAND, 0x11, 6 * 4);
	memset(buf + PCI_ROM_ADDRESS - PCI_COMMAND, 0x11, 4);
	ck_assert_int_eq(vconfig_write(vc, PCI_COMMAND, sizeof(buf), buf, &fx), 0);
	ck_assert_uint_eq(fx.count, VCONFIG_MAX_EFFECTS);
	ck_assert(fx.overflow);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_names)
{
	unsigned int i;

	for (i = 0; i < VCONFIG_NR_EFFECT_TYPES; i++) {
		ck_assert_ptr_nonnull(vconfig_effect_name(i));
		ck_assert_str_ne(vconfig_effect_name(i), "unknown");
	}
	ck_assert_str_eq(vconfig_effect_name(VCONFIG_EFFECT_FLR), "flr");
	ck_assert_str_eq(vconfig_effect_name(VCONFIG_NR_EFFECT_TYPES), "unknown");
	ck_assert_str_eq(vconfig_effect_name((enum vconfig_effect_type)-1), "unknown");
	ck_assert_str_eq(vconfig_owner_name(VCONFIG_OWNER_HEADER), "header");
	ck_assert_str_eq(vconfig_owner_name(VCONFIG_OWNER_CAP), "capability");
	ck_assert_str_eq(vconfig_owner_name(VCONFIG_OWNER_HIDDEN), "hidden");
	ck_assert_str_eq(vconfig_owner_name(VCONFIG_OWNER_UNASSIGNED), "unassigned");
	ck_assert_str_eq(vconfig_owner_name((enum vconfig_owner_kind)42), "unknown");
}
END_TEST

/* ---- owners ---- */

START_TEST(test_owners)
{
	struct vconfig_cap_info info;
	struct vconfig *vc = fake_rich_create(&hw);
	int idx = 99;
	unsigned int b;

	for (b = 0; b < 0x40; b++) {
		ck_assert_int_eq(vconfig_owner(vc, b, &idx), VCONFIG_OWNER_HEADER);
		ck_assert_int_eq(idx, -1);
	}
	ck_assert_int_eq(vconfig_owner(vc, RICH_MSI + 23, &idx), VCONFIG_OWNER_CAP);
	ck_assert_int_eq(vconfig_cap(vc, idx, &info), 0);
	ck_assert_uint_eq(info.id, PCI_CAP_ID_MSI);
	ck_assert_uint_eq(info.offset, RICH_MSI);
	ck_assert_uint_eq(info.length, 24);
	ck_assert(!info.hidden);
	ck_assert_str_eq(info.name, "MSI");
	ck_assert_int_eq(vconfig_owner(vc, RICH_VNDR + 6, &idx),
			 VCONFIG_OWNER_UNASSIGNED);
	ck_assert_int_eq(idx, -1);
	ck_assert_int_eq(vconfig_owner(vc, RICH_DSN + 11, NULL), VCONFIG_OWNER_CAP);
	ck_assert_int_eq(vconfig_owner(vc, RICH_DSN + 12, NULL),
			 VCONFIG_OWNER_UNASSIGNED);
	ck_assert_int_eq(vconfig_owner(vc, 4096, &idx), VCONFIG_OWNER_UNASSIGNED);
	ck_assert_int_eq(idx, -1);
	ck_assert_int_eq(vconfig_cap(vc, vconfig_nr_caps(vc), &info), -EINVAL);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 7);
	vconfig_destroy(vc);
}
END_TEST

/* ---- unassigned bytes ---- */

START_TEST(test_unassigned_standard_readonly_live)
{
	struct vconfig *vc = fake_rich_create_strict(&hw);
	unsigned int off = 0xf0;

	memset(hw.wmask + off, 0xff, 4);
	fake_set(&hw, off, 4, 0x11223344);
	ck_assert_uint_eq(vrd(vc, off, 4), 0x11223344);
	fake_set(&hw, off, 4, 0x55667788);
	ck_assert_uint_eq(vrd(vc, off, 4), 0x55667788);
	fake_clear_log(&hw);
	vwr(vc, off, 4, 0, NULL);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_uint_eq(fake_get(&hw, off, 4), 0x55667788);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_unassigned_extended_zero)
{
	struct vconfig *vc;
	unsigned int off = 0x400;

	fake_rich(&hw);
	fake_set(&hw, off, 4, 0xcafef00d);
	memset(hw.wmask + off, 0xff, 4);
	vc = fake_create_strict(&hw);
	fake_clear_log(&hw);
	ck_assert_uint_eq(vrd(vc, off, 4), 0);
	vwr(vc, off, 4, 0x12345678, NULL);
	ck_assert_uint_eq(vrd(vc, off, 4), 0);
	ck_assert_uint_eq(hw.reads + hw.writes, 0);
	ck_assert_uint_eq(fake_get(&hw, off, 4), 0xcafef00d);
	vconfig_destroy(vc);
}
END_TEST

/* Default profile: unassigned bytes, standard and extended, are raw. */
START_TEST(test_unassigned_default_raw)
{
	struct vconfig *vc;

	fake_rich(&hw);
	fake_set(&hw, 0xf0, 4, 0x11223344);
	fake_set(&hw, 0x400, 4, 0xcafef00d);
	memset(hw.wmask + 0xf0, 0xff, 4);
	memset(hw.wmask + 0x400, 0xff, 4);
	vc = fake_create(&hw);
	ck_assert_int_eq(vconfig_owner(vc, 0x400, NULL), VCONFIG_OWNER_UNASSIGNED);
	ck_assert_uint_eq(vrd(vc, 0x400, 4), 0xcafef00d);
	vwr(vc, 0x400, 4, 0x01020304, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x400, 4), 0x01020304);
	vwr(vc, 0xf0, 2, 0xabcd, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0xf0, 4), 0x1122abcd);
	ck_assert_uint_eq(vrd(vc, 0xf0, 4), 0x1122abcd);
	vconfig_destroy(vc);
}
END_TEST

/* Writes that cannot raise an effect: the dwords no write hook looks at. */
START_TEST(test_write_may_act)
{
	struct vconfig *vc = fake_rich_create(&hw);

	ck_assert(vconfig_write_may_act(vc, PCI_COMMAND, 2));
	ck_assert(vconfig_write_may_act(vc, PCI_BASE_ADDRESS_0, 4));
	ck_assert(vconfig_write_may_act(vc, PCI_ROM_ADDRESS + 3, 1));
	ck_assert(vconfig_write_may_act(vc, RICH_MSI + PCI_MSI_FLAGS, 2));
	ck_assert(vconfig_write_may_act(vc, RICH_PM + PCI_PM_CTRL, 2));
	ck_assert(vconfig_write_may_act(vc, RICH_EXP + PCI_EXP_DEVCTL, 2));
	ck_assert(!vconfig_write_may_act(vc, 0x3c, 8));	/* up to PMC */
	ck_assert(vconfig_write_may_act(vc, 0x3c, 12));	/* up to PMCSR */
	ck_assert(!vconfig_write_may_act(vc, PCI_CACHE_LINE_SIZE, 2));
	ck_assert(!vconfig_write_may_act(vc, PCI_INTERRUPT_LINE, 1));
	ck_assert(!vconfig_write_may_act(vc, RICH_MSI + PCI_MSI_ADDRESS_LO, 4));
	ck_assert(!vconfig_write_may_act(vc, 0x400, 0x100));
	ck_assert(vconfig_write_may_act(vc, 0xffc, 8));	/* outside: the write fails */
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_unassigned_passthrough)
{
	struct vconfig_config cfg;
	struct vconfig *vc;

	fake_rich(&hw);
	fake_set(&hw, 0xf0, 4, 0x11223344);
	fake_set(&hw, 0x400, 4, 0xcafef00d);
	memset(hw.wmask + 0xf0, 0xff, 4);
	memset(hw.wmask + 0x400, 0xff, 4);
	fake_rich_config(&hw, &cfg);
	cfg.flags = VCONFIG_F_STRICT | VCONFIG_F_UNASSIGNED_PASSTHROUGH;
	vc = fake_create_cfg(&cfg);
	ck_assert_uint_eq(vrd(vc, 0x400, 4), 0xcafef00d);
	vwr(vc, 0x400, 4, 0x01020304, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0x400, 4), 0x01020304);
	ck_assert_uint_eq(vrd(vc, 0x400, 4), 0x01020304);
	vwr(vc, 0xf0, 2, 0xabcd, NULL);
	ck_assert_uint_eq(fake_get(&hw, 0xf0, 4), 0x1122abcd);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, 0xf0), 0xff);
	/* Capabilities and the header are not affected by the flag. */
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, PCI_VENDOR_ID), 0);
	ck_assert_uint_eq(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, RICH_DSN + 4), 0);
	vconfig_destroy(vc);
}
END_TEST

/* ---- reset and state accessors ---- */

START_TEST(test_reset_restores_virtual_state)
{
	u8 created[VCONFIG_CFG_SIZE_PCIE], now[VCONFIG_CFG_SIZE_PCIE];
	struct vconfig *vc = fake_rich_create(&hw);
	unsigned int b;

	ck_assert_int_eq(vconfig_read(vc, 0, sizeof(created), created), 0);
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY | PCI_COMMAND_IO |
	    PCI_COMMAND_INTX_DISABLE, NULL);
	vwr(vc, PCI_BASE_ADDRESS_0, 4, 0xc0000000, NULL);
	vwr(vc, PCI_BASE_ADDRESS_1, 4, 0x1, NULL);
	vwr(vc, PCI_ROM_ADDRESS, 4, 0xd0000001, NULL);
	vwr(vc, PCI_INTERRUPT_LINE, 1, 0x42, NULL);
	vwr(vc, RICH_PM + PCI_PM_CTRL, 2, PCI_PM_CTRL_PME_ENABLE | 3, NULL);
	vwr(vc, RICH_MSI + PCI_MSI_FLAGS, 2, PCI_MSI_FLAGS_ENABLE | 0x20, NULL);
	vwr(vc, RICH_MSI + PCI_MSI_ADDRESS_LO, 4, 0xfee00000, NULL);
	vwr(vc, RICH_MSI + PCI_MSI_MASK_64, 4, 0x3, NULL);
	vwr(vc, RICH_MSIX + PCI_MSIX_FLAGS, 2, PCI_MSIX_FLAGS_ENABLE, NULL);
	vwr(vc, RICH_EXP + PCI_EXP_DEVCTL, 2, 0x5000, NULL);
	ck_assert_int_eq(vconfig_read(vc, 0, sizeof(now), now), 0);
	ck_assert_mem_ne(created, now, sizeof(now));

	/* Make hardware read as it did at create, so only virtual bits differ. */
	fake_rich(&hw);
	fake_clear_log(&hw);
	vconfig_reset(vc);
	ck_assert_uint_eq(hw.writes, 0);
	ck_assert_int_eq(vconfig_read(vc, 0, sizeof(now), now), 0);
	for (b = 0; b < VCONFIG_CFG_SIZE_PCIE; b++)
		ck_assert_msg(created[b] == now[b], "byte %#x: %#x after reset, %#x at create",
			      b, now[b], created[b]);
	ck_assert(!vconfig_memory_enabled(vc));
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_decode_accessors)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_set(&hw, PCI_COMMAND, 2, PCI_COMMAND_IO);
	vc = fake_create(&hw);
	ck_assert(vconfig_io_enabled(vc));
	ck_assert(!vconfig_memory_enabled(vc));
	vwr(vc, PCI_COMMAND, 2, PCI_COMMAND_MEMORY, NULL);
	ck_assert(!vconfig_io_enabled(vc));
	ck_assert(vconfig_memory_enabled(vc));
	/* Virtual decode bits are not propagated to hardware. */
	ck_assert_uint_eq(fake_get(&hw, PCI_COMMAND, 2), PCI_COMMAND_IO);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_backend_counts_track_accesses)
{
	struct vconfig *vc = fake_rich_create(&hw);
	u64 r0, w0, r1, w1;

	vconfig_backend_counts(vc, &r0, &w0);
	vrd(vc, PCI_BIST, 1);
	vwr(vc, PCI_CACHE_LINE_SIZE, 1, 0x10, NULL);
	vconfig_backend_counts(vc, &r1, &w1);
	ck_assert_uint_ge(r1 - r0, 1);
	ck_assert_uint_eq(w1 - w0, 1);
	ck_assert_uint_eq(hw.cfg[PCI_CACHE_LINE_SIZE], 0x10);
	ck_assert_uint_eq(r1, hw.reads);
	ck_assert_uint_eq(w1, hw.writes);
	vconfig_destroy(vc);
}
END_TEST

/* ---- bulk reads (read_bulk) ---- */

/* The rich function again, in @twin, with read_bulk. */
static struct vconfig *bulk_twin(struct fake_hw *twin, u32 flags)
{
	struct vconfig_config cfg;

	fake_rich(twin);
	fake_rich_config(twin, &cfg);
	cfg.ops = &fake_bulk_ops;
	cfg.flags = flags;
	return fake_create_cfg(&cfg);
}

static struct fake_hw twin;

/*
 * With read_bulk, any range reads the same bytes as byte-wise reads, and
 * reads the same dwords of hardware, each as often, as dword by dword,
 * while writes move virtual and hardware state; create reads the space
 * in one call.
 */
START_TEST(test_bulk_reads_match_dword_reads)
{
	static const u32 profiles[] = { 0, VCONFIG_F_STRICT };
	u8 a[VCONFIG_CFG_SIZE_PCIE], b[VCONFIG_CFG_SIZE_PCIE];
	u8 bytes[VCONFIG_CFG_SIZE_PCIE];
	u32 flags = profiles[_i];
	struct vconfig_config cfg;
	struct vconfig *vc, *vb;
	unsigned int n, seed = 1;

	fake_rich(&hw);
	fake_rich_config(&hw, &cfg);
	cfg.flags = flags;
	vc = fake_create_cfg(&cfg);
	vb = bulk_twin(&twin, flags);
	ck_assert_uint_eq(twin.bulk_calls, 1);
	ck_assert_uint_eq(twin.reads, hw.reads);
	for (n = 0; n < 4000; n++) {
		unsigned int off, len;

		seed = seed * 1103515245 + 12345;
		if (n % 200 == 0) {
			/* the same write to both, then the bytes again */
			off = n ? (seed >> 4) % VCONFIG_CFG_SIZE_PCIE & ~3u :
				  PCI_BASE_ADDRESS_0;
			vwr(vc, off, 4, seed ^ 0xffff0000, NULL);
			vwr(vb, off, 4, seed ^ 0xffff0000, NULL);
			for (len = 0; len < sizeof(bytes); len++)
				bytes[len] = vrd(vc, len, 1);
		}
		off = (seed >> 8) % VCONFIG_CFG_SIZE_PCIE;
		if (n % 4 == 0)
			off &= ~3u;
		len = 1 + (seed >> 20) % (n % 2 ? 64 : VCONFIG_CFG_SIZE_PCIE);
		if (len > VCONFIG_CFG_SIZE_PCIE - off)
			len = VCONFIG_CFG_SIZE_PCIE - off;
		fake_clear_log(&hw);
		fake_clear_log(&twin);
		ck_assert_int_eq(vconfig_read(vc, off, len, a), 0);
		ck_assert_int_eq(vconfig_read(vb, off, len, b), 0);
		ck_assert_msg(!memcmp(a, bytes + off, len),
			      "read of %u at 0x%x differs from its bytes", len, off);
		ck_assert_msg(!memcmp(a, b, len), "read of %u at 0x%x differs",
			      len, off);
		ck_assert_msg(!memcmp(hw.dword_reads, twin.dword_reads,
				      sizeof(hw.dword_reads)),
			      "read of %u at 0x%x reads other dwords", len, off);
	}
	ck_assert_uint_eq(hw.bad + twin.bad, 0);
	vconfig_destroy(vc);
	vconfig_destroy(vb);
}
END_TEST

/*
 * A full read takes from hardware every dword with live bits and no
 * other, consecutive ones in one call; a live dword changes under it.
 */
START_TEST(test_bulk_full_read_merges_runs)
{
	u8 buf[VCONFIG_CFG_SIZE_PCIE];
	bool live[VCONFIG_CFG_SIZE_PCIE / 4] = { false };
	struct vconfig *vb = bulk_twin(&twin, 0);
	unsigned int d, b, nr_live = 0, runs = 0;

	for (d = 0; d < VCONFIG_CFG_SIZE_PCIE / 4; d++) {
		for (b = 0; b < 4; b++) {
			u8 virt = vconfig_class_mask(vb, VCONFIG_CLASS_VIRT, 4 * d + b);
			u8 inv = vconfig_class_mask(vb, VCONFIG_CLASS_INVARIANT, 4 * d + b);

			live[d] |= (u8)(~virt & ~inv) != 0;
		}
		nr_live += live[d];
		runs += live[d] && (!d || !live[d - 1]);
	}
	fake_clear_log(&twin);
	fake_set(&twin, 0x800, 4, 0x5a5aa5a5);
	ck_assert_int_eq(vconfig_read(vb, 0, sizeof(buf), buf), 0);
	ck_assert_uint_eq(vconfig_get_le(buf + 0x800, 4), 0x5a5aa5a5);
	for (d = 0; d < VCONFIG_CFG_SIZE_PCIE / 4; d++)
		ck_assert_msg(!twin.dword_reads[d] == !live[d],
			      "dword 0x%x: %u reads, live %d", 4 * d,
			      twin.dword_reads[d], live[d]);
	ck_assert_uint_le(twin.bulk_calls, runs);
	ck_assert_uint_lt(twin.bulk_calls, nr_live / 8);
	vconfig_destroy(vb);
}
END_TEST

/* A bulk read that fails fails the access. */
START_TEST(test_bulk_read_error_propagates)
{
	u8 buf[VCONFIG_CFG_SIZE_PCIE];
	struct vconfig_config cfg;
	struct vconfig *vb = bulk_twin(&twin, 0);

	twin.fail_read_at = 0x900;
	ck_assert_int_eq(vconfig_read(vb, 0, sizeof(buf), buf), -EIO);
	ck_assert_int_eq(vconfig_read(vb, 0x8f0, 0x20, buf), -EIO);
	ck_assert_int_eq(vconfig_read(vb, 0x904, 0x20, buf), 0);
	vconfig_destroy(vb);

	fake_config(&twin, &cfg);
	cfg.ops = &fake_bulk_ops;
	ck_assert_int_eq(vconfig_create(&cfg, &vb), -EIO);
}
END_TEST

static Suite *engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc;

	tc = tcase_create("create");
	tcase_add_test(tc, test_create_minimal);
	tcase_add_test(tc, test_create_rejects_bad_config);
	tcase_add_test(tc, test_create_all_ones_is_enodev);
	tcase_add_test(tc, test_create_header_types);
	tcase_add_test(tc, test_create_backend_error);
	tcase_add_test(tc, test_create_reads_space_once);
	suite_add_tcase(s, tc);

	tc = tcase_create("access");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_read_rejects_bad_ranges);
	tcase_add_test(tc, test_write_rejects_bad_ranges);
	tcase_add_test(tc, test_reg_accessors_need_alignment);
	tcase_add_test(tc, test_read_any_range_matches_bytes);
	tcase_add_test(tc, test_split_pieces_are_aligned);
	tcase_add_test(tc, test_split_at_owner_boundary);
	tcase_add_test(tc, test_unaligned_read_write);
	suite_add_tcase(s, tc);

	tc = tcase_create("map");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_header_classes);
	tcase_add_test(tc, test_class_consistency);
	tcase_add_test(tc, test_read_formula);
	tcase_add_test(tc, test_invariant_reads_no_backend);
	tcase_add_test(tc, test_live_reads_hit_backend);
	tcase_add_test(tc, test_owners);
	suite_add_tcase(s, tc);

	tc = tcase_create("write");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_write_readonly_dropped);
	tcase_add_test(tc, test_command_rmw);
	tcase_add_test(tc, test_virtual_write_no_backend);
	tcase_add_test(tc, test_status_rw1c_not_echoed);
	tcase_add_test(tc, test_status_rw1c_clears_written_ones);
	tcase_add_test(tc, test_virtual_rw1c);
	tcase_add_test(tc, test_writes_touch_only_hw_writable_bits);
	tcase_add_test(tc, test_backend_write_error_propagates);
	suite_add_tcase(s, tc);

	tc = tcase_create("effects");
	tcase_add_test(tc, test_effects_reset_each_write);
	tcase_add_test(tc, test_effects_overflow);
	tcase_add_test(tc, test_names);
	suite_add_tcase(s, tc);

	tc = tcase_create("unassigned");
	tcase_add_test(tc, test_unassigned_standard_readonly_live);
	tcase_add_test(tc, test_unassigned_extended_zero);
	tcase_add_test(tc, test_unassigned_passthrough);
	tcase_add_test(tc, test_unassigned_default_raw);
	tcase_add_test(tc, test_write_may_act);
	suite_add_tcase(s, tc);

	tc = tcase_create("state");
	tcase_add_test(tc, test_reset_restores_virtual_state);
	tcase_add_test(tc, test_decode_accessors);
	tcase_add_test(tc, test_backend_counts_track_accesses);
	suite_add_tcase(s, tc);

	tc = tcase_create("bulk");
	tcase_set_timeout(tc, 60);
	tcase_add_loop_test(tc, test_bulk_reads_match_dword_reads, 0, 2);
	tcase_add_test(tc, test_bulk_full_read_merges_runs);
	tcase_add_test(tc, test_bulk_read_error_propagates);
	suite_add_tcase(s, tc);
	return s;
}

VCONFIG_CHECK_MAIN(engine_suite)
