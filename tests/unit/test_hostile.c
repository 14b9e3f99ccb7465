// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Hostile hardware: looping and bad capability pointers, all-ones
 * headers, overlapping capabilities and random configuration spaces.
 * Whatever the function holds, create must not fail unsafely and the
 * virtual view must have loop-free, in-bounds, aligned chains. Run under
 * `make check SANITIZE=1` to catch out-of-bounds accesses.
 *
 * The spaces come from tests/hostile/spaces.c, which the in-kernel test
 * (tests/guest/kmod/hostile.c) shares.
 */
#include "check_main.h"
#include "fake_hw.h"
#include "tests/hostile/spaces.h"

static struct fake_hw hw;
static struct hostile_space space;

/* Lay out iteration @i of case @id in the fake function; @cfg over it. */
static void load(enum hostile_case_id id, unsigned int i, u32 seed,
		 struct vconfig_config *cfg)
{
	hostile_build(&space, id, i, seed);
	fake_init(&hw, space.size);
	hw.img = space.img;
	*cfg = space.config;
	cfg->ops = &fake_ops;
	cfg->priv = &hw;
}

static struct vconfig *create(enum hostile_case_id id, unsigned int i)
{
	struct vconfig_config cfg;

	load(id, i, 0, &cfg);
	return fake_create_cfg(&cfg);
}

/* The same under the strict profile (VCONFIG_F_STRICT). */
static struct vconfig *create_strict(enum hostile_case_id id, unsigned int i)
{
	struct vconfig_config cfg;

	load(id, i, 0, &cfg);
	cfg.flags = VCONFIG_F_STRICT;
	return fake_create_cfg(&cfg);
}

static u32 rnd(void)
{
	return hostile_rnd();
}


/*
 * The standard chain of the virtual view: every pointer is >= 0x40,
 * aligned, in bounds, visited once and names a visible capability at that
 * offset; every visible standard capability is on it. Returns its length.
 */
static unsigned int check_std_chain(struct vconfig *vc)
{
	bool seen[VCONFIG_CFG_SIZE_PCI / 4] = { false };
	struct vconfig_cap_info info;
	unsigned int p, n = 0, visible = 0, i;
	bool cap_list = vrd(vc, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST;
	int idx;

	p = vrd(vc, PCI_CAPABILITY_LIST, 1);
	ck_assert_msg(cap_list == (p != 0), "CapList %d, pointer %#x", cap_list, p);
	while (p) {
		ck_assert_msg(p >= 0x40 && p % 4 == 0 && p + 4 <= 0x100,
			      "bad pointer %#x", p);
		ck_assert_msg(!seen[p / 4], "loop at %#x", p);
		seen[p / 4] = true;
		ck_assert_int_eq(vconfig_owner(vc, p, &idx), VCONFIG_OWNER_CAP);
		ck_assert_int_eq(vconfig_cap(vc, idx, &info), 0);
		ck_assert_uint_eq(info.offset, p);
		ck_assert(!info.extended);
		ck_assert_uint_eq(vrd(vc, p, 1), info.id);
		n++;
		p = vrd(vc, p + PCI_CAP_LIST_NEXT, 1);
	}
	for (i = 0; i < vconfig_nr_caps(vc); i++) {
		ck_assert_int_eq(vconfig_cap(vc, i, &info), 0);
		visible += !info.extended && !info.hidden;
	}
	ck_assert_uint_eq(n, visible);
	return n;
}

/* The same for the extended chain, which may start with a null header. */
static unsigned int check_ext_chain(struct vconfig *vc)
{
	bool seen[VCONFIG_CFG_SIZE_PCIE / 4] = { false };
	struct vconfig_cap_info info;
	unsigned int p = 0x100, n = 0, visible = 0, i;
	u32 header;
	int idx;

	for (i = 0; i < vconfig_nr_caps(vc); i++) {
		ck_assert_int_eq(vconfig_cap(vc, i, &info), 0);
		visible += info.extended && !info.hidden;
	}
	if (vconfig_cfg_size(vc) < VCONFIG_CFG_SIZE_PCIE) {
		ck_assert_uint_eq(visible, 0);
		return 0;
	}
	header = vrd(vc, 0x100, 4);
	if (!PCI_EXT_CAP_ID(header)) {
		/* empty or a null header: only the next pointer may be set */
		ck_assert_uint_eq(header & 0x000fffff, 0);
		p = PCI_EXT_CAP_NEXT(header);
		ck_assert_msg(p != 0x100, "null header links to itself");
	}
	while (p) {
		ck_assert_msg(p >= 0x100 && p % 4 == 0 && p + 4 <= 0x1000,
			      "bad pointer %#x", p);
		ck_assert_msg(!seen[p / 4], "loop at %#x", p);
		seen[p / 4] = true;
		ck_assert_int_eq(vconfig_owner(vc, p, &idx), VCONFIG_OWNER_CAP);
		ck_assert_int_eq(vconfig_cap(vc, idx, &info), 0);
		ck_assert_uint_eq(info.offset, p);
		ck_assert(info.extended);
		header = vrd(vc, p, 4);
		ck_assert_uint_eq(PCI_EXT_CAP_ID(header), info.id);
		n++;
		p = PCI_EXT_CAP_NEXT(header);
	}
	ck_assert_uint_eq(n, visible);
	return n;
}

/* Capabilities lie in their space, do not overlap, and own their bytes. */
static void check_caps_layout(struct vconfig *vc)
{
	struct vconfig_cap_info info;
	unsigned int i, b;
	int idx;

	for (i = 0; i < vconfig_nr_caps(vc); i++) {
		unsigned int start, end;

		ck_assert_int_eq(vconfig_cap(vc, i, &info), 0);
		start = info.extended ? 0x100 : 0x40;
		end = info.extended ? vconfig_cfg_size(vc) : 0x100;
		ck_assert_uint_ge(info.offset, start);
		ck_assert_uint_eq(info.offset % 4, 0);
		ck_assert_uint_gt(info.length, 0);
		ck_assert_uint_le(info.offset + info.length, end);
		for (b = info.offset; b < info.offset + info.length; b++) {
			vconfig_owner(vc, b, &idx);
			ck_assert_msg(idx == (int)i, "byte %#x owned by %d, not %u",
				      b, idx, i);
		}
	}
	for (b = 0; b < vconfig_cfg_size(vc); b++) {
		enum vconfig_owner_kind k = vconfig_owner(vc, b, &idx);

		if (b < 0x40)
			ck_assert_int_eq(k, VCONFIG_OWNER_HEADER);
		else
			ck_assert_int_ne(k, VCONFIG_OWNER_HEADER);
		/* a hidden capability at 0x100 keeps a null header */
		if (k == VCONFIG_OWNER_HIDDEN && (b < 0x100 || b >= 0x104))
			ck_assert_msg(vrd(vc, b, 1) == 0,
				      "hidden byte %#x (cap %d) reads %#x", b,
				      idx, vrd(vc, b, 1));
	}
}

static void check_all(struct vconfig *vc)
{
	check_std_chain(vc);
	check_ext_chain(vc);
	check_caps_layout(vc);
	ck_assert_uint_eq(hw.bad, 0);
}

/* ---- standard chain ---- */

START_TEST(test_std_self_loop)
{
	struct vconfig *vc;

	vc = create(HOSTILE_STD_SELF_LOOP, 0);
	ck_assert_uint_eq(check_std_chain(vc), 1);
	ck_assert_uint_eq(vrd(vc, 0x41, 1), 0);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* PM -> MSI -> vendor -> back to PM */
START_TEST(test_std_long_loop)
{
	struct vconfig *vc;

	vc = create(HOSTILE_STD_LONG_LOOP, 0);
	ck_assert_uint_eq(check_std_chain(vc), 3);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 3);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_std_bad_pointers)
{
	struct vconfig *vc;
	unsigned int i;

	for (i = 0; i < hostile_cases[HOSTILE_STD_BAD_HEAD].iterations; i++) {
		/* as the list head */
		vc = create(HOSTILE_STD_BAD_HEAD, i);
		ck_assert_uint_eq(check_std_chain(vc), 0);
		ck_assert_uint_eq(vconfig_nr_caps(vc), 0);
		check_all(vc);
		vconfig_destroy(vc);

		/* after a good capability at 0x80 */
		vc = create(HOSTILE_STD_BAD_NEXT, i);
		ck_assert_uint_eq(check_std_chain(vc), 1);
		ck_assert_uint_eq(vrd(vc, 0x81, 1), 0);
		check_all(vc);
		vconfig_destroy(vc);
	}
}
END_TEST

/* The last dword of the standard space can hold a capability. */
START_TEST(test_std_cap_at_end)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	vc = create(HOSTILE_STD_CAP_AT_END, 0);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_PM, false, &info), 0);
	ck_assert_uint_eq(info.length, 4);
	ck_assert_uint_eq(check_std_chain(vc), 1);
	ck_assert_uint_eq(check_ext_chain(vc), 1);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* Capability pointer ignored unless Status says there is a list. */
START_TEST(test_std_no_cap_list_bit)
{
	struct vconfig *vc;

	vc = create(HOSTILE_STD_NO_CAP_LIST, 0);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 0);
	ck_assert_uint_eq(check_std_chain(vc), 0);
	vconfig_destroy(vc);
}
END_TEST

/* Every aligned position linked: 48 capabilities, the walk ends. */
START_TEST(test_std_full_chain)
{
	struct vconfig *vc;

	vc = create(HOSTILE_STD_FULL_CHAIN, 0);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 48);
	ck_assert_uint_eq(check_std_chain(vc), 24);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* ---- extended chain ---- */

START_TEST(test_ext_self_loop)
{
	struct vconfig *vc;

	vc = create(HOSTILE_EXT_SELF_LOOP, 0);
	ck_assert_uint_eq(check_ext_chain(vc), 1);
	ck_assert_uint_eq(PCI_EXT_CAP_NEXT(vrd(vc, 0x100, 4)), 0);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* AER -> DSN -> ARI -> back to DSN */
START_TEST(test_ext_long_loop)
{
	struct vconfig *vc;

	vc = create(HOSTILE_EXT_LONG_LOOP, 0);
	ck_assert_uint_eq(check_ext_chain(vc), 3);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_ext_bad_pointers)
{
	struct vconfig *vc;
	unsigned int i;

	for (i = 0; i < hostile_cases[HOSTILE_EXT_BAD_NEXT].iterations; i++) {
		vc = create(HOSTILE_EXT_BAD_NEXT, i);
		ck_assert_uint_eq(check_ext_chain(vc), 1);
		ck_assert_uint_eq(vconfig_nr_caps(vc), 1);
		check_all(vc);
		vconfig_destroy(vc);
	}
}
END_TEST

START_TEST(test_ext_all_ones)
{
	struct vconfig *vc;

	/* the whole extended space floats high */
	vc = create_strict(HOSTILE_EXT_ALL_ONES, 0);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 0);
	ck_assert_uint_eq(vrd(vc, 0x100, 4), 0);
	ck_assert_uint_eq(vrd(vc, 0xffc, 4), 0);
	check_all(vc);
	vconfig_destroy(vc);

	/* an all-ones header in the middle of the chain ends it */
	vc = create_strict(HOSTILE_EXT_ALL_ONES, 1);
	ck_assert_uint_eq(check_ext_chain(vc), 1);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 1);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* A conventional function: no extended walk, 256 bytes only. */
START_TEST(test_ext_not_walked_in_pci_space)
{
	struct vconfig *vc;

	vc = create(HOSTILE_EXT_IN_PCI_SPACE, 0);
	ck_assert_uint_eq(check_ext_chain(vc), 0);
	ck_assert_int_eq(vconfig_read_reg(vc, 0x100, 4, &(u32){ 0 }), -EINVAL);
	vconfig_destroy(vc);
}
END_TEST

/* A capability in every dword of the extended space. */
START_TEST(test_ext_full_chain)
{
	struct vconfig *vc;

	vc = create(HOSTILE_EXT_FULL_CHAIN, 0);
	ck_assert_uint_le(vconfig_nr_caps(vc), 250);
	ck_assert_uint_gt(vconfig_nr_caps(vc), 0);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* ---- overlapping and oversized capabilities ---- */

/* PM (8 bytes) with a 64-bit maskable MSI at its second dword. */
START_TEST(test_overlap_clamped)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	vc = create(HOSTILE_OVERLAP, HOSTILE_OVERLAP_PM_MSI);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_PM, false, &info), 0);
	ck_assert_uint_eq(info.length, 4);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_MSI, false, &info), 0);
	ck_assert_uint_eq(info.length, 24);
	ck_assert_uint_eq(check_std_chain(vc), 2);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* A vendor capability claiming 0xff bytes at 0xe0, a VC at 0xf00. */
START_TEST(test_oversized_clamped)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	vc = create(HOSTILE_OVERSIZED, 0);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_VNDR, false, &info), 0);
	ck_assert_uint_eq(info.length, 0x20);
	ck_assert_int_ge(find_cap(vc, PCI_EXT_CAP_ID_VC, true, &info), 0);
	ck_assert_uint_eq(info.length, 0x100);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/*
 * A capability clamped by an overlapping neighbour must not set up
 * registers past its end: here PM (clamped to 4 bytes) sits before a
 * hidden capability at 0x44, whose bytes must still read as zero.
 */
START_TEST(test_clamped_pm_leaves_hidden_neighbour)
{
	struct vconfig *vc;

	vc = create_strict(HOSTILE_OVERLAP, HOSTILE_OVERLAP_HIDDEN_PM);
	ck_assert_int_eq(vconfig_owner(vc, 0x44, NULL), VCONFIG_OWNER_HIDDEN);
	ck_assert_uint_eq(vrd(vc, 0x44, 4), 0);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* The same for VPD in front of MSI: the MSI registers keep their values. */
START_TEST(test_clamped_vpd_leaves_msi_neighbour)
{
	struct vconfig *vc;

	vc = create(HOSTILE_OVERLAP, HOSTILE_OVERLAP_VPD_MSI);
	ck_assert_uint_eq(vrd(vc, 0x44 + PCI_MSI_FLAGS, 2), 3 << 1);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* And PCIe clamped before a hidden capability at 0x48. */
START_TEST(test_clamped_exp_leaves_hidden_neighbour)
{
	struct vconfig *vc;

	vc = create_strict(HOSTILE_OVERLAP, HOSTILE_OVERLAP_EXP_HIDDEN);
	ck_assert_uint_eq(vrd(vc, 0x48, 4), 0);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* ---- random configuration spaces ---- */

/* Random reads and writes: all succeed, effects stay bounded. */
static void hammer(struct vconfig *vc, unsigned int rounds)
{
	struct vconfig_effects fx;
	unsigned int i, size = vconfig_cfg_size(vc);
	u8 buf[16];

	for (i = 0; i < rounds; i++) {
		unsigned int off = rnd() % size;
		unsigned int len = 1 + rnd() % sizeof(buf);
		unsigned int b;

		if (off + len > size)
			len = size - off;
		for (b = 0; b < len; b++)
			buf[b] = rnd();
		if (rnd() % 2) {
			ck_assert_int_eq(vconfig_write(vc, off, len, buf, &fx), 0);
			ck_assert_uint_le(fx.count, VCONFIG_MAX_EFFECTS);
			if (!(rnd() % 16))
				vconfig_vpd_complete(vc, rnd(), rnd() % 2);
		} else {
			ck_assert_int_eq(vconfig_read(vc, off, len, buf), 0);
		}
	}
}

/* Fully random bytes behind a valid type-0 header. */
START_TEST(test_random_spaces)
{
	struct vconfig_msix_info msix;
	struct vconfig_config cfg;
	struct vconfig *vc;

	load(HOSTILE_RANDOM_BYTES, _i, 0, &cfg);
	vc = fake_create_cfg(&cfg);
	check_all(vc);
	hammer(vc, 2000);
	check_all(vc);
	vconfig_msix(vc, &msix);
	vconfig_reset(vc);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* Plausible chains of random capabilities with random contents. */
START_TEST(test_random_chains)
{
	struct vconfig_msix_info msix;
	struct vconfig_config cfg;
	struct vconfig *vc;

	load(HOSTILE_RANDOM_CHAINS, _i, 0, &cfg);
	vc = fake_create_cfg(&cfg);
	check_all(vc);
	hammer(vc, 3000);
	check_all(vc);
	vconfig_msix(vc, &msix);
	if (msix.valid) {
		ck_assert_uint_lt(msix.table_bar, VCONFIG_NR_BARS);
		ck_assert_uint_le((u64)msix.table_offset + msix.table_bytes,
				  vconfig_region_size(vc, msix.table_bar));
		ck_assert_uint_le((u64)msix.pba_offset + msix.pba_bytes,
				  vconfig_region_size(vc, msix.pba_bar));
	}
	vconfig_reset(vc);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* The rich device with random bytes of its capabilities corrupted. */
START_TEST(test_mutated_device)
{
	struct vconfig_config cfg;
	struct vconfig *vc;

	load(HOSTILE_MUTATED, _i, 0, &cfg);
	vc = fake_create_cfg(&cfg);
	check_all(vc);
	hammer(vc, 2000);
	check_all(vc);
	vconfig_reset(vc);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* A function whose registers change on every read (a flaky link). */
static int flaky_read(void *priv, unsigned int off, unsigned int size, u32 *val)
{
	int ret = fake_read(priv, off, size, val);

	if (!ret && off >= 0x40)
		*val ^= rnd();
	return ret;
}

static const struct vconfig_backend_ops flaky_ops = {
	.read = flaky_read,
	.write = fake_write,
};

START_TEST(test_flaky_backend)
{
	struct vconfig_config cfg;
	struct vconfig *vc;

	/* the even iterations of the unreliable case are the flaky ones */
	load(HOSTILE_UNRELIABLE, 2 * _i, 0, &cfg);
	ck_assert_int_eq(space.backend, HOSTILE_FLAKY);
	cfg.ops = &flaky_ops;
	vc = fake_create_cfg(&cfg);
	check_all(vc);
	hammer(vc, 2000);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* A backend failing at random: errors come back, nothing breaks. */
static bool failing;

static int failing_read(void *priv, unsigned int off, unsigned int size, u32 *val)
{
	if (failing && !(rnd() % 8))
		return -EIO;
	return fake_read(priv, off, size, val);
}

static int failing_write(void *priv, unsigned int off, unsigned int size, u32 val)
{
	if (failing && !(rnd() % 8))
		return -EIO;
	return fake_write(priv, off, size, val);
}

static const struct vconfig_backend_ops failing_ops = {
	.read = failing_read,
	.write = failing_write,
};

START_TEST(test_failing_backend)
{
	struct vconfig_config cfg;
	struct vconfig_effects fx;
	struct vconfig *vc = NULL;
	unsigned int i, ok = 0;
	int ret;
	u8 buf[8] = { 0 };

	load(HOSTILE_UNRELIABLE, 1, 0, &cfg);
	ck_assert_int_eq(space.backend, HOSTILE_FAILING);
	cfg.ops = &failing_ops;
	/* create itself fails cleanly when a read fails */
	failing = true;
	hostile_rnd_seed(3);
	ck_assert_int_eq(vconfig_create(&cfg, &vc), -EIO);
	ck_assert_ptr_null(vc);
	failing = false;
	vc = fake_create_cfg(&cfg);
	failing = true;
	for (i = 0; i < 2000; i++) {
		unsigned int off = rnd() % 0x1000, len = 1 + rnd() % 8;

		if (off + len > 0x1000)
			len = 0x1000 - off;
		ret = rnd() % 2 ? vconfig_read(vc, off, len, buf) :
				  vconfig_write(vc, off, len, buf, &fx);
		ck_assert(ret == 0 || ret == -EIO);
		ok += !ret;
	}
	ck_assert_uint_gt(ok, 0);
	failing = false;
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/*
 * Every case of the shared table, as the in-kernel test runs it: what the
 * case expects of the chains, capabilities and MSI-X, and the invariants
 * before and after random accesses and a reset. The unreliable backends
 * have their own tests above.
 */
START_TEST(test_case_table)
{
	const struct hostile_case *hc = &hostile_cases[_i];
	unsigned int i, n = hc->iterations ? hc->iterations : 8;
	struct vconfig_msix_info msix;
	struct vconfig_config cfg;
	struct vconfig *vc;

	for (i = 0; i < n; i++) {
		load(_i, i, 0x5eed, &cfg);
		if (space.backend != HOSTILE_RELIABLE)
			continue;
		vc = fake_create_cfg(&cfg);
		if (space.expect.std >= 0)
			ck_assert_msg(check_std_chain(vc) == (unsigned int)space.expect.std,
				      "%s #%u: standard chain", hc->name, i);
		if (space.expect.ext >= 0)
			ck_assert_msg(check_ext_chain(vc) == (unsigned int)space.expect.ext,
				      "%s #%u: extended chain", hc->name, i);
		if (space.expect.caps >= 0)
			ck_assert_msg(vconfig_nr_caps(vc) == (unsigned int)space.expect.caps,
				      "%s #%u: %u capabilities", hc->name, i,
				      vconfig_nr_caps(vc));
		if (space.expect.msix_invalid) {
			vconfig_msix(vc, &msix);
			ck_assert_msg(msix.present && !msix.valid,
				      "%s #%u: MSI-X present %d valid %d",
				      hc->name, i, msix.present, msix.valid);
		}
		check_all(vc);
		hammer(vc, 500);
		check_all(vc);
		vconfig_reset(vc);
		check_all(vc);
		vconfig_destroy(vc);
	}
}
END_TEST

static Suite *hostile_suite(void)
{
	Suite *s = suite_create("hostile");
	TCase *tc;

	tc = tcase_create("standard chain");
	tcase_add_test(tc, test_std_self_loop);
	tcase_add_test(tc, test_std_long_loop);
	tcase_add_test(tc, test_std_bad_pointers);
	tcase_add_test(tc, test_std_cap_at_end);
	tcase_add_test(tc, test_std_no_cap_list_bit);
	tcase_add_test(tc, test_std_full_chain);
	suite_add_tcase(s, tc);

	tc = tcase_create("extended chain");
	tcase_add_test(tc, test_ext_self_loop);
	tcase_add_test(tc, test_ext_long_loop);
	tcase_add_test(tc, test_ext_bad_pointers);
	tcase_add_test(tc, test_ext_all_ones);
	tcase_add_test(tc, test_ext_not_walked_in_pci_space);
	tcase_add_test(tc, test_ext_full_chain);
	suite_add_tcase(s, tc);

	tc = tcase_create("overlap");
	tcase_add_test(tc, test_overlap_clamped);
	tcase_add_test(tc, test_oversized_clamped);
	tcase_add_test(tc, test_clamped_pm_leaves_hidden_neighbour);
	tcase_add_test(tc, test_clamped_vpd_leaves_msi_neighbour);
	tcase_add_test(tc, test_clamped_exp_leaves_hidden_neighbour);
	suite_add_tcase(s, tc);

	tc = tcase_create("random");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_random_spaces, 0, 16);
	tcase_add_loop_test(tc, test_random_chains, 0, 24);
	tcase_add_loop_test(tc, test_mutated_device, 0, 24);
	tcase_add_loop_test(tc, test_flaky_backend, 0, 2);
	tcase_add_test(tc, test_failing_backend);
	suite_add_tcase(s, tc);

	tc = tcase_create("case table");
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, test_case_table, 0, HOSTILE_NR_CASES);
	suite_add_tcase(s, tc);
	return s;
}

VCONFIG_CHECK_MAIN(hostile_suite)
