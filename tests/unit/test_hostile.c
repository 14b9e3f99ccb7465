// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Hostile hardware: looping and bad capability pointers, all-ones
 * headers, overlapping capabilities and random configuration spaces.
 * Whatever the function holds, create must not fail unsafely and the
 * virtual view must have loop-free, in-bounds, aligned chains. Run under
 * `make check SANITIZE=1` to catch out-of-bounds accesses.
 */
#include "check_main.h"
#include "fake_hw.h"

static struct fake_hw hw;

/* xorshift32: deterministic random numbers per seed */
static u32 rnd_state;

static u32 rnd(void)
{
	u32 x = rnd_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	rnd_state = x;
	return x;
}

static void rnd_seed(u32 seed)
{
	rnd_state = seed * 2654435761u + 1;
	rnd();
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

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pm(&hw, 0x40, 3, 0);
	hw.cfg[0x41] = 0x40;
	vc = fake_create(&hw);
	ck_assert_uint_eq(check_std_chain(vc), 1);
	ck_assert_uint_eq(vrd(vc, 0x41, 1), 0);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_std_long_loop)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pm(&hw, 0x40, 3, 0);
	fake_msi(&hw, 0x50, 0);
	fake_vndr(&hw, 0x60, 8);
	hw.cfg[0x61] = 0x40;
	vc = fake_create(&hw);
	ck_assert_uint_eq(check_std_chain(vc), 3);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 3);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_std_bad_pointers)
{
	static const u8 bad[] = { 0x3c, 0x20, 0x41, 0x42, 0x43, 0xff, 0xfd };
	struct vconfig *vc;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		/* as the list head */
		fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
		hw.cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
		hw.cfg[PCI_CAPABILITY_LIST] = bad[i];
		vc = fake_create(&hw);
		ck_assert_uint_eq(check_std_chain(vc), 0);
		ck_assert_uint_eq(vconfig_nr_caps(vc), 0);
		check_all(vc);
		vconfig_destroy(vc);

		/* after a good capability */
		fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
		fake_pm(&hw, 0x80, 3, 0);
		hw.cfg[0x81] = bad[i];
		vc = fake_create(&hw);
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

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_pm(&hw, 0xfc, 3, 0);
	fake_aer(&hw, 0x100);
	vc = fake_create(&hw);
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

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pm(&hw, 0x40, 3, 0);
	hw.cfg[PCI_STATUS] &= ~PCI_STATUS_CAP_LIST;
	vc = fake_create(&hw);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 0);
	ck_assert_uint_eq(check_std_chain(vc), 0);
	vconfig_destroy(vc);
}
END_TEST

/* Every aligned position linked: 48 capabilities, the walk ends. */
START_TEST(test_std_full_chain)
{
	struct vconfig *vc;
	unsigned int p;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	for (p = 0x40; p < 0x100; p += 4)
		fake_cap(&hw, p, p % 8 ? PCI_CAP_ID_SLOTID : PCI_CAP_ID_VNDR);
	for (p = 0x40; p < 0x100; p += 8)
		hw.cfg[p + 2] = 4;
	hw.cfg[0xfd] = 0x40;
	vc = fake_create(&hw);
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

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_aer(&hw, 0x100);
	fake_set(&hw, 0x100, 4, fake_get(&hw, 0x100, 4) | (0x100u << 20));
	vc = fake_create(&hw);
	ck_assert_uint_eq(check_ext_chain(vc), 1);
	ck_assert_uint_eq(PCI_EXT_CAP_NEXT(vrd(vc, 0x100, 4)), 0);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_ext_long_loop)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_aer(&hw, 0x100);
	fake_ecap_body(&hw, 0x200, PCI_EXT_CAP_ID_DSN, 12);
	fake_ecap_body(&hw, 0x300, PCI_EXT_CAP_ID_ARI, 8);
	fake_set(&hw, 0x300, 4, fake_get(&hw, 0x300, 4) | (0x200u << 20));
	vc = fake_create(&hw);
	ck_assert_uint_eq(check_ext_chain(vc), 3);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_ext_bad_pointers)
{
	static const u16 bad[] = { 0x0fc, 0x040, 0x004 };
	struct vconfig *vc;
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
		fake_aer(&hw, 0x100);
		fake_set(&hw, 0x100, 4, fake_get(&hw, 0x100, 4) |
			 ((u32)bad[i] << 20));
		vc = fake_create(&hw);
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
	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	memset(hw.cfg + 0x100, 0xff, 0xf00);
	vc = fake_create_strict(&hw);
	ck_assert_uint_eq(vconfig_nr_caps(vc), 0);
	ck_assert_uint_eq(vrd(vc, 0x100, 4), 0);
	ck_assert_uint_eq(vrd(vc, 0xffc, 4), 0);
	check_all(vc);
	vconfig_destroy(vc);

	/* an all-ones header in the middle of the chain ends it */
	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_aer(&hw, 0x100);
	fake_ecap(&hw, 0x200, PCI_EXT_CAP_ID_DSN, 1);
	memset(hw.cfg + 0x200, 0xff, 4);
	vc = fake_create_strict(&hw);
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

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	vc = fake_create(&hw);
	ck_assert_uint_eq(check_ext_chain(vc), 0);
	ck_assert_int_eq(vconfig_read_reg(vc, 0x100, 4, &(u32){ 0 }), -EINVAL);
	vconfig_destroy(vc);
}
END_TEST

/* A capability in every dword of the extended space. */
START_TEST(test_ext_full_chain)
{
	struct vconfig *vc;
	unsigned int p;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	for (p = 0x100; p < 0x1000; p += 4)
		fake_ecap(&hw, p, p % 8 ? PCI_EXT_CAP_ID_DPC : PCI_EXT_CAP_ID_DSN, 1);
	vc = fake_create(&hw);
	ck_assert_uint_le(vconfig_nr_caps(vc), 250);
	ck_assert_uint_gt(vconfig_nr_caps(vc), 0);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* ---- overlapping and oversized capabilities ---- */

START_TEST(test_overlap_clamped)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pm(&hw, 0x40, 3, 0);		/* 8 bytes */
	fake_msi(&hw, 0x44, PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT);
	vc = fake_create(&hw);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_PM, false, &info), 0);
	ck_assert_uint_eq(info.length, 4);
	ck_assert_int_ge(find_cap(vc, PCI_CAP_ID_MSI, false, &info), 0);
	ck_assert_uint_eq(info.length, 24);
	ck_assert_uint_eq(check_std_chain(vc), 2);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

START_TEST(test_oversized_clamped)
{
	struct vconfig_cap_info info;
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	fake_vndr(&hw, 0xe0, 0xff);
	fake_aer(&hw, 0x100);
	/* VC with arbitration tables far beyond the space */
	fake_ecap(&hw, 0xf00, PCI_EXT_CAP_ID_VC, 1);
	fake_set(&hw, 0xf00 + PCI_VC_PORT_CAP1, 4, 7);
	fake_set(&hw, 0xf00 + PCI_VC_PORT_CAP2, 4, 0xff000000);
	vc = fake_create(&hw);
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
 * hidden capability, whose bytes must still read as zero.
 */
START_TEST(test_clamped_pm_leaves_hidden_neighbour)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_pm(&hw, 0x40, 3, 0);
	/* chain: 0x44 (hidden, ID 0x0b) -> 0x40 (PM, clamped to 4 bytes) */
	fake_set(&hw, 0x44, 4, 0xffff400b);
	hw.cfg[PCI_CAPABILITY_LIST] = 0x44;
	vc = fake_create_strict(&hw);
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

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_msi(&hw, 0x44, 3 << 1);
	fake_vpd(&hw, 0x40);
	vc = fake_create(&hw);
	ck_assert_uint_eq(vrd(vc, 0x44 + PCI_MSI_FLAGS, 2), 3 << 1);
	check_all(vc);
	vconfig_destroy(vc);
}
END_TEST

/* And PCIe clamped before a hidden capability. */
START_TEST(test_clamped_exp_leaves_hidden_neighbour)
{
	struct vconfig *vc;

	fake_init(&hw, VCONFIG_CFG_SIZE_PCI);
	fake_exp(&hw, 0x40, 2, PCI_EXP_DEVCAP_FLR);
	/* chain: 0x48 (hidden, ID 0x0b) -> 0x40 (PCIe, clamped to 8 bytes) */
	fake_set(&hw, 0x48, 4, 0xffff400b);
	hw.cfg[PCI_CAPABILITY_LIST] = 0x48;
	hw.cfg[0x41] = 0;
	vc = fake_create_strict(&hw);
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

static void random_region_config(struct vconfig_config *cfg)
{
	unsigned int i;

	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		cfg->region[i].size = rnd() % 3 ? (u64)1 << (rnd() % 40) : rnd();
		cfg->region[i].flags = rnd() & 7;
	}
	cfg->max_msi_vectors = rnd() % 33;
	cfg->flags = rnd() & 3;
}

/* Fully random bytes behind a valid type-0 header. */
START_TEST(test_random_spaces)
{
	struct vconfig_msix_info msix;
	struct vconfig_config cfg;
	struct vconfig *vc;
	unsigned int b;

	rnd_seed(_i);
	fake_init(&hw, _i % 4 ? VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI);
	for (b = 0; b < hw.size; b++) {
		hw.cfg[b] = rnd();
		hw.wmask[b] = rnd();
		hw.w1c[b] = rnd() & ~hw.wmask[b];
	}
	hw.cfg[PCI_HEADER_TYPE] &= 0x80;
	hw.cfg[PCI_VENDOR_ID] = 0x86;
	/* bias the pointers towards plausible values */
	if (_i % 2) {
		hw.cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
		hw.cfg[PCI_CAPABILITY_LIST] = 0x40 + 4 * (rnd() % 48);
	}
	fake_config(&hw, &cfg);
	random_region_config(&cfg);
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
	static const u8 std_ids[] = {
		PCI_CAP_ID_PM, PCI_CAP_ID_VPD, PCI_CAP_ID_MSI, PCI_CAP_ID_PCIX,
		PCI_CAP_ID_VNDR, PCI_CAP_ID_EXP, PCI_CAP_ID_MSIX, PCI_CAP_ID_AF,
		PCI_CAP_ID_AGP, PCI_CAP_ID_SATA, PCI_CAP_ID_HT, 0x00, 0xff,
	};
	static const u16 ext_ids[] = {
		PCI_EXT_CAP_ID_ERR, PCI_EXT_CAP_ID_VC, PCI_EXT_CAP_ID_DSN,
		PCI_EXT_CAP_ID_PWR, PCI_EXT_CAP_ID_VC9, PCI_EXT_CAP_ID_VNDR,
		PCI_EXT_CAP_ID_ACS, PCI_EXT_CAP_ID_ARI, PCI_EXT_CAP_ID_ATS,
		PCI_EXT_CAP_ID_SRIOV, PCI_EXT_CAP_ID_REBAR, PCI_EXT_CAP_ID_TPH,
		PCI_EXT_CAP_ID_LTR, PCI_EXT_CAP_ID_PASID, PCI_EXT_CAP_ID_PRI,
		PCI_EXT_CAP_ID_L1SS, PCI_EXT_CAP_ID_PTM, PCI_EXT_CAP_ID_DVSEC,
		PCI_EXT_CAP_ID_MCAST, PCI_EXT_CAP_ID_DPA, 0x0000, 0xffff,
	};
	struct vconfig_msix_info msix;
	struct vconfig_config cfg;
	struct vconfig *vc;
	unsigned int n, i, b;

	rnd_seed(1000 + _i);
	fake_init(&hw, VCONFIG_CFG_SIZE_PCIE);
	for (b = 0x40; b < hw.size; b++) {
		hw.cfg[b] = rnd();
		hw.wmask[b] = rnd();
	}
	for (i = 0; i < VCONFIG_NR_BARS; i++)
		fake_bar(&hw, i, rnd());
	n = 1 + rnd() % 10;
	for (i = 0; i < n; i++)
		fake_cap(&hw, 0x40 + 4 * (rnd() % 48),
			 std_ids[rnd() % ARRAY_SIZE(std_ids)]);
	hw.cfg[hw.last_std + 1] = rnd() % 4 ? 0 : rnd();
	n = 1 + rnd() % 20;
	for (i = 0; i < n; i++)
		fake_ecap(&hw, 0x100 + 4 * (rnd() % 960),
			  ext_ids[rnd() % ARRAY_SIZE(ext_ids)], rnd() % 16);
	fake_config(&hw, &cfg);
	random_region_config(&cfg);
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
	unsigned int i, n;

	rnd_seed(5000 + _i);
	fake_rich(&hw);
	n = 1 + rnd() % 12;
	for (i = 0; i < n; i++) {
		unsigned int off = PCI_CAPABILITY_LIST + rnd() % (0x160 - 0x34);

		hw.cfg[off] = rnd() % 4 ? rnd() : 0xff;
	}
	fake_rich_config(&hw, &cfg);
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

	rnd_seed(7 + _i);
	fake_rich(&hw);
	fake_rich_config(&hw, &cfg);
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

	fake_rich(&hw);
	fake_rich_config(&hw, &cfg);
	cfg.ops = &failing_ops;
	/* create itself fails cleanly when a read fails */
	failing = true;
	rnd_seed(3);
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
	return s;
}

VCONFIG_CHECK_MAIN(hostile_suite)
