// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Hostile configuration spaces: looping and bad capability pointers,
 * capabilities running past their space, all-ones headers, overlapping
 * capabilities, broken MSI-X and BAR layouts, and seeded random spaces.
 * Portable C over <vconfig/env.h>: built into the unit test and into the
 * in-kernel test alike.
 */
#include "tests/hostile/spaces.h"

/* ---- random numbers ---- */

static u32 rnd_state;

u32 hostile_rnd(void)
{
	u32 x = rnd_state;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	rnd_state = x;
	return x;
}

void hostile_rnd_seed(u32 seed)
{
	rnd_state = seed * 2654435761u + 1;
	hostile_rnd();
}

/* ---- layout on the space's image ---- */

static void hs_init(struct hostile_space *s, unsigned int size)
{
	image_init(&s->img, size);
	s->config.cfg_size = size;
}

/* The rich function the corrupting cases start from (image.h). */
static void hs_rich(struct hostile_space *s)
{
	image_rich(&s->img);
	s->config.cfg_size = VCONFIG_CFG_SIZE_PCIE;
	image_rich_regions(s->config.region);
}

/* Random region sizes and kinds, MSI vector limit and engine flags. */
static void hs_random_config(struct hostile_space *s)
{
	struct vconfig_config *cfg = &s->config;
	unsigned int b;

	for (b = 0; b < VCONFIG_NR_REGIONS; b++) {
		cfg->region[b].size = hostile_rnd() % 3 ?
			(u64)1 << (hostile_rnd() % 40) : hostile_rnd();
		cfg->region[b].flags = hostile_rnd() & 7;
	}
	cfg->max_msi_vectors = hostile_rnd() % 33;
	cfg->flags = hostile_rnd() & 3;
}

/* ---- standard chain ---- */

static void build_std_self_loop(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCI);
	image_pm(&s->img, 0x40, 3, 0);
	s->cfg[0x41] = 0x40;
	s->expect.std = 1;
}

/* A chain looping back to its head (0), or to its second capability (1). */
static void build_std_long_loop(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCI);
	image_pm(&s->img, 0x40, 3, 0);
	image_msi(&s->img, 0x50, 0);
	image_vndr(&s->img, 0x60, 8);
	if (s->iteration == 0) {
		s->cfg[0x61] = 0x40;
		s->expect.std = 3;
	} else {
		image_exp(&s->img, 0x80, 2, PCI_EXP_DEVCAP_FLR | 2);
		s->cfg[0x81] = 0x50;
		s->expect.std = 4;
	}
	s->expect.caps = s->expect.std;
}

/* 0xff, unaligned and sub-0x40 pointers, as the head and after a cap. */
static const u8 bad_std_pointers[] = {
	0x3c, 0x20, 0x01, 0x3f, 0x41, 0x42, 0x43, 0xff, 0xfd, 0xfe,
};

static void build_std_bad_head(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCI);
	s->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
	s->cfg[PCI_CAPABILITY_LIST] = bad_std_pointers[s->iteration];
	s->expect.std = 0;
	s->expect.caps = 0;
}

static void build_std_bad_next(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCI);
	image_pm(&s->img, 0x80, 3, 0);
	s->cfg[0x81] = bad_std_pointers[s->iteration];
	s->expect.std = 1;
}

/* The last dword of the standard space can hold a capability. */
static void build_std_cap_at_end(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	image_pm(&s->img, 0xfc, 3, 0);
	image_aer(&s->img, 0x100);
	s->expect.std = 1;
	s->expect.ext = 1;
}

/* Capabilities at 0xfc whose registers would run past 0xff. */
static void build_std_past_end(struct hostile_space *s)
{
	static const u8 ids[] = {
		PCI_CAP_ID_PM, PCI_CAP_ID_MSI, PCI_CAP_ID_EXP, PCI_CAP_ID_MSIX,
		PCI_CAP_ID_VPD, PCI_CAP_ID_PCIX, PCI_CAP_ID_AF, PCI_CAP_ID_VNDR,
	};

	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	image_cap(&s->img, 0xfc, ids[s->iteration]);
	/* the most a capability can claim: 64-bit maskable MSI, vendor 0xff */
	s->cfg[0xfe] = 0xff;
	s->cfg[0xff] = 0xff;
	image_aer(&s->img, 0x100);
	s->expect.std = 1;
	s->expect.ext = 1;
}

/* The capability pointer counts only when Status says there is a list. */
static void build_std_no_cap_list(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCI);
	image_pm(&s->img, 0x40, 3, 0);
	s->cfg[PCI_STATUS] &= ~PCI_STATUS_CAP_LIST;
	s->expect.std = 0;
	s->expect.caps = 0;
}

/* Every dword of the standard space a capability, the last back to 0x40. */
static void build_std_full_chain(struct hostile_space *s)
{
	unsigned int p;

	hs_init(s, VCONFIG_CFG_SIZE_PCI);
	for (p = 0x40; p < 0x100; p += 4)
		image_cap(&s->img, p,
			  p % 8 ? PCI_CAP_ID_SLOTID : PCI_CAP_ID_VNDR);
	for (p = 0x40; p < 0x100; p += 8)
		s->cfg[p + 2] = 4;
	s->cfg[0xfd] = 0x40;
	s->expect.std = 24;
	s->expect.caps = 48;
}

/* The whole standard space after the header reads all ones. */
static void build_std_all_ones(struct hostile_space *s)
{
	hs_init(s, s->iteration ? VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI);
	memset(s->cfg + 0x40, 0xff, 0xc0);
	s->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
	s->cfg[PCI_CAPABILITY_LIST] = 0xff;
	s->expect.std = 0;
}

/* ---- extended chain ---- */

static void build_ext_self_loop(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	image_aer(&s->img, 0x100);
	image_ecap_next(&s->img, 0x100, 0x100);
	s->expect.ext = 1;
}

/* A chain looping back to its second capability, 3 (0) or 4 (1) long. */
static void build_ext_long_loop(struct hostile_space *s)
{
	unsigned int last = s->iteration ? 0xe00 : 0x300;

	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	image_aer(&s->img, 0x100);
	image_ecap_body(&s->img, 0x200, PCI_EXT_CAP_ID_DSN, 12);
	image_ecap_body(&s->img, 0x300, PCI_EXT_CAP_ID_ARI, 8);
	if (s->iteration)
		image_ecap_body(&s->img, 0xe00, PCI_EXT_CAP_ID_LTR, 8);
	image_ecap_next(&s->img, last, 0x200);
	s->expect.ext = s->iteration ? 4 : 3;
}

static const u16 bad_ext_pointers[] = {
	0x0fc, 0x040, 0x004, 0x101, 0xffe, 0xfff, 0xffd,
};

static void build_ext_bad_next(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	image_aer(&s->img, 0x100);
	image_ecap_next(&s->img, 0x100, bad_ext_pointers[s->iteration]);
	s->expect.ext = 1;
	s->expect.caps = 1;
}

/* All-ones extended headers: the whole space (0), or one in the chain (1). */
static void build_ext_all_ones(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	if (s->iteration == 0) {
		memset(s->cfg + 0x100, 0xff, 0xf00);
		s->expect.ext = 0;
		s->expect.caps = 0;
	} else {
		image_aer(&s->img, 0x100);
		image_ecap(&s->img, 0x200, PCI_EXT_CAP_ID_DSN, 1);
		memset(s->cfg + 0x200, 0xff, 4);
		s->expect.ext = 1;
		s->expect.caps = 1;
	}
}

/* A conventional function: 256 bytes, nothing to walk past them. */
static void build_ext_in_pci_space(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCI);
	s->expect.ext = 0;
}

/* A VC whose arbitration tables lie past 0xfff, and AER at 0xffc. */
static void build_ext_past_end(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	image_aer(&s->img, 0x100);
	image_ecap(&s->img, 0xf00, PCI_EXT_CAP_ID_VC, 1);
	image_set(&s->img, 0xf00 + PCI_VC_PORT_CAP1, 4, 7);
	image_set(&s->img, 0xf00 + PCI_VC_PORT_CAP2, 4, 0xff000000);
	image_aer(&s->img, 0xffc);
}

/* An extended capability in every dword. */
static void build_ext_full_chain(struct hostile_space *s)
{
	unsigned int p;

	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	for (p = 0x100; p < 0x1000; p += 4)
		image_ecap(&s->img, p,
			   p % 8 ? PCI_EXT_CAP_ID_DPC : PCI_EXT_CAP_ID_DSN, 1);
}

/* ---- overlapping and oversized capabilities ---- */

/* Capabilities overlapping their neighbours, one enum hostile_overlap each. */
static void build_overlap(struct hostile_space *s)
{
	switch (s->iteration) {
	case HOSTILE_OVERLAP_PM_MSI:
		hs_init(s, VCONFIG_CFG_SIZE_PCI);
		image_pm(&s->img, 0x40, 3, 0);
		image_msi(&s->img, 0x44,
			  PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT);
		s->expect.std = 2;
		break;
	case HOSTILE_OVERLAP_HIDDEN_PM:
		/* chain: 0x44 (hidden, ID 0x0b) -> 0x40 (PM, clamped to 4) */
		hs_init(s, VCONFIG_CFG_SIZE_PCI);
		image_pm(&s->img, 0x40, 3, 0);
		image_set(&s->img, 0x44, 4, 0xffff400b);
		s->cfg[PCI_CAPABILITY_LIST] = 0x44;
		break;
	case HOSTILE_OVERLAP_MSIX_IN_MSI:
		hs_init(s, VCONFIG_CFG_SIZE_PCIE);
		image_msi(&s->img, 0x40,
			  PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT);
		image_msix(&s->img, 0x4c, 7, 0, 0x800);
		s->config.region[0].size = 0x1000;
		break;
	case HOSTILE_OVERLAP_DSN_IN_AER:
		/* and an ARI inside the DSN */
		hs_init(s, VCONFIG_CFG_SIZE_PCIE);
		image_aer(&s->img, 0x100);
		image_ecap(&s->img, 0x110, PCI_EXT_CAP_ID_DSN, 1);
		image_ecap(&s->img, 0x114, PCI_EXT_CAP_ID_ARI, 1);
		break;
	case HOSTILE_OVERLAP_VPD_IN_EXP:
		hs_init(s, VCONFIG_CFG_SIZE_PCIE);
		image_exp(&s->img, 0x40, 2, PCI_EXP_DEVCAP_FLR | 2);
		image_cap(&s->img, 0x48, PCI_CAP_ID_VPD);
		image_vndr(&s->img, 0x50, 0x80);
		break;
	case HOSTILE_OVERLAP_VPD_MSI:
		/* chain: 0x44 (MSI) -> 0x40 (VPD, clamped to 4) */
		hs_init(s, VCONFIG_CFG_SIZE_PCI);
		image_msi(&s->img, 0x44, 3 << 1);
		image_vpd(&s->img, 0x40);
		break;
	case HOSTILE_OVERLAP_EXP_HIDDEN:
		/* chain: 0x48 (hidden, ID 0x0b) -> 0x40 (PCIe, clamped to 8) */
		hs_init(s, VCONFIG_CFG_SIZE_PCI);
		image_exp(&s->img, 0x40, 2, PCI_EXP_DEVCAP_FLR);
		image_set(&s->img, 0x48, 4, 0xffff400b);
		s->cfg[PCI_CAPABILITY_LIST] = 0x48;
		s->cfg[0x41] = 0;
		break;
	}
}

/* A vendor capability claiming 0xff bytes; a VC with tables past 0xfff. */
static void build_oversized(struct hostile_space *s)
{
	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	image_vndr(&s->img, 0xe0, 0xff);
	image_aer(&s->img, 0x100);
	image_ecap(&s->img, 0xf00, PCI_EXT_CAP_ID_VC, 1);
	image_set(&s->img, 0xf00 + PCI_VC_PORT_CAP1, 4, 7);
	image_set(&s->img, 0xf00 + PCI_VC_PORT_CAP2, 4, 0xff000000);
}

/* ---- MSI-X and BAR layouts ---- */

/* MSI-X tables and PBAs in places the BARs do not back. */
static void build_msix_bad_bar(struct hostile_space *s)
{
	static const struct {
		u32 table;
		u32 pba;
	} layouts[] = {
		{ 0x000 | 3, 0x800 | 2 },	/* table in unimplemented BAR3 */
		{ 0x000 | 7, 0x800 | 2 },	/* BIR 7 does not exist */
		{ 0x000 | 2, 0x800 | 5 },	/* PBA in unimplemented BAR5 */
		{ 0xff8 | 2, 0x800 | 2 },	/* table runs past BAR2 */
		{ 0x000 | 2, 0x2000 | 2 },	/* PBA past BAR2 */
		{ 0x000 | 1, 0x800 | 2 },	/* table in BAR0's upper half */
		{ 0xfffffff8 | 2, 0x800 | 2 },	/* offset wraps */
	};

	hs_rich(s);
	image_set(&s->img, RICH_MSIX + PCI_MSIX_TABLE, 4,
		  layouts[s->iteration].table);
	image_set(&s->img, RICH_MSIX + PCI_MSIX_PBA, 4,
		  layouts[s->iteration].pba);
	s->expect.msix_invalid = true;
}

/*
 * A 64-bit BAR in slot 5 (0), BARs of absurd sizes and kinds (1, 2), with
 * every BAR dword writable as hardware whose sizing is broken.
 */
static void build_bars(struct hostile_space *s)
{
	static const struct vconfig_region_desc absurd[][VCONFIG_NR_REGIONS] = {
		{ [5] = { 0x1000, VCONFIG_REGION_MEM64 } },
		{ [0] = { 1ull << 63, VCONFIG_REGION_MEM64 },
		  [2] = { ~0ull, 0 }, [3] = { 3, 0 }, [4] = { 1ull << 40, 0 },
		  [5] = { 1ull << 20, VCONFIG_REGION_IO },
		  [6] = { 1ull << 40, 0 } },
		{ [0] = { ~0ull, VCONFIG_REGION_MEM64 },
		  [2] = { 1, VCONFIG_REGION_IO }, [3] = { 0x80000001, 0 },
		  [4] = { ~0ull, VCONFIG_REGION_IO }, [5] = { 1, 0 },
		  [6] = { ~0ull, 0 } },
	};
	const struct vconfig_region_desc *want = absurd[s->iteration];
	unsigned int b;

	hs_init(s, VCONFIG_CFG_SIZE_PCI);
	for (b = 0; b < VCONFIG_NR_BARS; b++) {
		image_set_wmask(&s->img, PCI_BASE_ADDRESS_0 + 4 * b, 4,
				0xffffffff);
		if (want[b].flags & VCONFIG_REGION_IO)
			image_bar(&s->img, b, 0xc001);
		else if (want[b].flags & VCONFIG_REGION_MEM64)
			image_bar(&s->img, b,
				  0xe0000000 | PCI_BASE_ADDRESS_MEM_TYPE_64);
		else if (want[b].size)
			image_bar(&s->img, b, 0xd0000000);
	}
	image_set_wmask(&s->img, PCI_ROM_ADDRESS, 4, 0xffffffff);
	memcpy(s->config.region, want, sizeof(s->config.region));
}

/* ---- random spaces ---- */

/* Random bytes behind a valid type-0 header; every fourth is 256 bytes. */
static void build_random_bytes(struct hostile_space *s)
{
	unsigned int b;

	hostile_rnd_seed(s->seed + s->iteration);
	hs_init(s, s->iteration % 4 ? VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI);
	for (b = 0; b < s->size; b++) {
		s->cfg[b] = hostile_rnd();
		s->wmask[b] = hostile_rnd();
		s->w1c[b] = hostile_rnd() & ~s->wmask[b];
	}
	s->cfg[PCI_HEADER_TYPE] &= 0x80;
	s->cfg[PCI_VENDOR_ID] = 0x86;
	/* bias the pointers towards plausible values */
	if (s->iteration % 2) {
		s->cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
		s->cfg[PCI_CAPABILITY_LIST] = 0x40 + 4 * (hostile_rnd() % 48);
	}
	hs_random_config(s);
}

/* Plausible chains of random capabilities with random contents. */
static void build_random_chains(struct hostile_space *s)
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
	unsigned int n, k, b;

	hostile_rnd_seed(s->seed + 1000 + s->iteration);
	hs_init(s, VCONFIG_CFG_SIZE_PCIE);
	for (b = 0x40; b < s->size; b++) {
		s->cfg[b] = hostile_rnd();
		s->wmask[b] = hostile_rnd();
	}
	for (b = 0; b < VCONFIG_NR_BARS; b++)
		image_bar(&s->img, b, hostile_rnd());
	n = 1 + hostile_rnd() % 10;
	for (k = 0; k < n; k++)
		image_cap(&s->img, 0x40 + 4 * (hostile_rnd() % 48),
		       std_ids[hostile_rnd() % ARRAY_SIZE(std_ids)]);
	s->cfg[s->last_std + 1] = hostile_rnd() % 4 ? 0 : hostile_rnd();
	n = 1 + hostile_rnd() % 20;
	for (k = 0; k < n; k++)
		image_ecap(&s->img, 0x100 + 4 * (hostile_rnd() % 960),
			ext_ids[hostile_rnd() % ARRAY_SIZE(ext_ids)],
			hostile_rnd() % 16);
	hs_random_config(s);
}

/* The rich function with random bytes of its capabilities corrupted. */
static void build_mutated(struct hostile_space *s)
{
	unsigned int k, n;

	hostile_rnd_seed(s->seed + 5000 + s->iteration);
	hs_rich(s);
	n = 1 + hostile_rnd() % 12;
	for (k = 0; k < n; k++) {
		unsigned int off = PCI_CAPABILITY_LIST +
				   hostile_rnd() % (0x160 - 0x34);

		s->cfg[off] = hostile_rnd() % 4 ? hostile_rnd() : 0xff;
	}
}

/*
 * The rich function behind registers that change on every read (even
 * iterations) or a backend failing at random (odd ones).
 */
static void build_unreliable(struct hostile_space *s)
{
	hostile_rnd_seed(s->seed + 7 + s->iteration);
	hs_rich(s);
	s->backend = s->iteration % 2 ? HOSTILE_FAILING : HOSTILE_FLAKY;
}

const struct hostile_case hostile_cases[HOSTILE_NR_CASES] = {
	[HOSTILE_STD_SELF_LOOP] = { "std-self-loop", 1, build_std_self_loop },
	[HOSTILE_STD_LONG_LOOP] = { "std-long-loop", 2, build_std_long_loop },
	[HOSTILE_STD_BAD_HEAD] = { "std-bad-head-pointer",
		ARRAY_SIZE(bad_std_pointers), build_std_bad_head },
	[HOSTILE_STD_BAD_NEXT] = { "std-bad-next-pointer",
		ARRAY_SIZE(bad_std_pointers), build_std_bad_next },
	[HOSTILE_STD_CAP_AT_END] = { "std-cap-at-0xfc", 1,
		build_std_cap_at_end },
	[HOSTILE_STD_PAST_END] = { "std-cap-past-0xff", 8, build_std_past_end },
	[HOSTILE_STD_NO_CAP_LIST] = { "std-no-cap-list-bit", 1,
		build_std_no_cap_list },
	[HOSTILE_STD_FULL_CHAIN] = { "std-full-chain", 1, build_std_full_chain },
	[HOSTILE_STD_ALL_ONES] = { "std-all-ones", 2, build_std_all_ones },
	[HOSTILE_EXT_SELF_LOOP] = { "ext-self-loop", 1, build_ext_self_loop },
	[HOSTILE_EXT_LONG_LOOP] = { "ext-long-loop", 2, build_ext_long_loop },
	[HOSTILE_EXT_BAD_NEXT] = { "ext-bad-next-pointer",
		ARRAY_SIZE(bad_ext_pointers), build_ext_bad_next },
	[HOSTILE_EXT_ALL_ONES] = { "ext-all-ones-header", 2,
		build_ext_all_ones },
	[HOSTILE_EXT_IN_PCI_SPACE] = { "ext-in-256-byte-space", 1,
		build_ext_in_pci_space },
	[HOSTILE_EXT_PAST_END] = { "ext-cap-past-0xfff", 1, build_ext_past_end },
	[HOSTILE_EXT_FULL_CHAIN] = { "ext-full-chain", 1, build_ext_full_chain },
	[HOSTILE_OVERLAP] = { "overlapping-caps", HOSTILE_OVERLAP_NR,
		build_overlap },
	[HOSTILE_OVERSIZED] = { "oversized-caps", 1, build_oversized },
	[HOSTILE_MSIX_BAD_BAR] = { "msix-table-outside-bars", 7,
		build_msix_bad_bar },
	[HOSTILE_BARS] = { "bar64-slot5-absurd-sizes", 3, build_bars },
	[HOSTILE_RANDOM_BYTES] = { "random-bytes", 0, build_random_bytes },
	[HOSTILE_RANDOM_CHAINS] = { "random-chains", 0, build_random_chains },
	[HOSTILE_MUTATED] = { "mutated-function", 0, build_mutated },
	[HOSTILE_UNRELIABLE] = { "unreliable-backend", 4, build_unreliable },
};

void hostile_build(struct hostile_space *s, enum hostile_case_id id,
		   unsigned int i, u32 seed)
{
	memset(s, 0, sizeof(*s));
	s->expect.std = -1;
	s->expect.ext = -1;
	s->expect.caps = -1;
	s->iteration = i;
	s->seed = seed;
	hostile_cases[id].build(s);
}
