// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * include/vconfig/access.h: little-endian accessors, BAR offsets and the
 * bounded capability walks, over well-formed and hostile buffers.
 */
#include <string.h>
#include <vconfig/access.h>
#include "check_main.h"

static u8 cfg[4096];

static void std_cap(unsigned int pos, u8 id, u8 next)
{
	cfg[pos + PCI_CAP_LIST_ID] = id;
	cfg[pos + PCI_CAP_LIST_NEXT] = next;
}

static void ext_cap(unsigned int pos, u16 id, unsigned int next)
{
	vconfig_put32(cfg, pos, id | 1u << 16 | next << 20);
}

static void setup(void)
{
	memset(cfg, 0, sizeof(cfg));
	vconfig_put16(cfg, PCI_STATUS, PCI_STATUS_CAP_LIST);
}

START_TEST(test_le)
{
	u8 b[4] = { 0x78, 0x56, 0x34, 0x12 };
	u8 out[4] = { 0 };

	ck_assert_uint_eq(vconfig_get_le(b, 1), 0x78);
	ck_assert_uint_eq(vconfig_get_le(b, 2), 0x5678);
	ck_assert_uint_eq(vconfig_get32(b, 0), 0x12345678);
	ck_assert_uint_eq(vconfig_get16(b, 2), 0x1234);
	vconfig_put_le(out, 2, 0xabcd);
	ck_assert_uint_eq(out[0], 0xcd);
	ck_assert_uint_eq(out[1], 0xab);
	ck_assert_uint_eq(out[2], 0);
	vconfig_put32(out, 0, 0xdeadbeef);
	ck_assert_uint_eq(vconfig_get32(out, 0), 0xdeadbeef);
	ck_assert_uint_eq(vconfig_bar_offset(0), PCI_BASE_ADDRESS_0);
	ck_assert_uint_eq(vconfig_bar_offset(5), PCI_BASE_ADDRESS_5);
	ck_assert_uint_eq(vconfig_bar_offset(6), PCI_ROM_ADDRESS);
}
END_TEST

START_TEST(test_std_walk)
{
	unsigned int pos, n, seen = 0;

	cfg[PCI_CAPABILITY_LIST] = 0x43;	/* low bits are reserved: 0x40 */
	std_cap(0x40, PCI_CAP_ID_PM, 0x50);
	std_cap(0x50, PCI_CAP_ID_MSI, 0x71);	/* -> 0x70 */
	std_cap(0x70, PCI_CAP_ID_EXP, 0);
	for_each_vconfig_cap(pos, n, cfg)
		seen = seen << 8 | pos;
	ck_assert_uint_eq(seen, 0x405070);
	ck_assert_uint_eq(vconfig_find_cap_in(cfg, PCI_CAP_ID_EXP), 0x70);
	ck_assert_uint_eq(vconfig_find_cap_in(cfg, PCI_CAP_ID_MSIX), 0);

	/* No Capabilities List bit: no walk at all. */
	vconfig_put16(cfg, PCI_STATUS, 0);
	ck_assert_uint_eq(vconfig_find_cap_in(cfg, PCI_CAP_ID_PM), 0);
}
END_TEST

START_TEST(test_std_hostile)
{
	unsigned int pos, n, steps = 0;

	/* A pointer into the header ends the walk. */
	cfg[PCI_CAPABILITY_LIST] = 0x3c;
	ck_assert_uint_eq(vconfig_cap_next(cfg, 0), 0);
	/* A loop is walked a bounded number of times. */
	cfg[PCI_CAPABILITY_LIST] = 0x40;
	std_cap(0x40, PCI_CAP_ID_PM, 0x80);
	std_cap(0x80, PCI_CAP_ID_MSI, 0x40);
	for_each_vconfig_cap(pos, n, cfg)
		steps++;
	ck_assert_uint_eq(steps, VCONFIG_MAX_STD_CAPS);
	ck_assert_uint_eq(vconfig_find_cap_in(cfg, PCI_CAP_ID_EXP), 0);
	/* The last dword: a pointer of 0xff is masked to 0xfc, inside. */
	std_cap(0x80, PCI_CAP_ID_MSI, 0xff);
	ck_assert_uint_eq(vconfig_cap_next(cfg, 0x80), 0xfc);
}
END_TEST

START_TEST(test_ext_walk)
{
	unsigned int pos, n, seen = 0;

	ext_cap(0x100, PCI_EXT_CAP_ID_ERR, 0x148);
	ext_cap(0x148, PCI_EXT_CAP_ID_DSN, 0x150);
	ext_cap(0x150, PCI_EXT_CAP_ID_VNDR, 0);
	for_each_vconfig_ext_cap(pos, n, cfg, sizeof(cfg))
		seen++;
	ck_assert_uint_eq(seen, 3);
	ck_assert_uint_eq(vconfig_find_ext_cap_in(cfg, sizeof(cfg), PCI_EXT_CAP_ID_VNDR), 0x150);
	/* A 256-byte space has no extended capabilities. */
	ck_assert_uint_eq(vconfig_find_ext_cap_in(cfg, 256, PCI_EXT_CAP_ID_ERR), 0);
}
END_TEST

START_TEST(test_ext_hostile)
{
	unsigned int pos, n, steps = 0;

	/* An unaligned next pointer is masked, never followed as it is. */
	ext_cap(0x100, PCI_EXT_CAP_ID_ERR, 0x203);
	ck_assert_uint_eq(vconfig_ext_cap_next_offset(vconfig_get32(cfg, 0x100),
						      sizeof(cfg)), 0x200);
	/* Into the standard space, or past the end: the walk ends. */
	ck_assert_uint_eq(vconfig_ext_cap_next_offset(0x0fc00001, sizeof(cfg)), 0);
	ck_assert_uint_eq(vconfig_ext_cap_next_offset(0xffc00001, 0x800), 0);
	ck_assert_uint_eq(vconfig_ext_cap_next_offset(0xffc00001, sizeof(cfg)), 0xffc);
	/* A loop is bounded; all-ones reads as absent. */
	ext_cap(0x200, PCI_EXT_CAP_ID_DSN, 0x100);
	for_each_vconfig_ext_cap(pos, n, cfg, sizeof(cfg))
		steps++;
	ck_assert_uint_eq(steps, VCONFIG_MAX_EXT_CAPS);
	vconfig_put32(cfg, 0x100, 0xffffffff);
	ck_assert_uint_eq(vconfig_ext_cap_next(cfg, sizeof(cfg), 0), 0);
}
END_TEST

static Suite *access_suite(void)
{
	Suite *s = suite_create("access");
	TCase *tc = tcase_create("access");

	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, test_le);
	tcase_add_test(tc, test_std_walk);
	tcase_add_test(tc, test_std_hostile);
	tcase_add_test(tc, test_ext_walk);
	tcase_add_test(tc, test_ext_hostile);
	suite_add_tcase(s, tc);
	return s;
}

VCONFIG_CHECK_MAIN(access_suite)
