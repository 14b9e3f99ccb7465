/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Hostile configuration spaces, written once for every test that needs
 * them: the unit test (tests/unit/test_hostile.c, over fake_hw.h) and the
 * in-kernel test (tests/guest/kmod/hostile.c) build this file unchanged,
 * over the engine's environment header only.
 *
 * A case lays out, for one iteration, the bytes of a function with its
 * writable and write-1-to-clear masks, the engine configuration (regions,
 * MSI vectors, flags) and what the engine must make of it. Each test runs
 * the cases through its own backend and checks.
 */
#ifndef VCONFIG_TESTS_HOSTILE_SPACES_H
#define VCONFIG_TESTS_HOSTILE_SPACES_H

#include <vconfig/vconfig.h>
#include "tests/hostile/image.h"

/* How the backend in front of the bytes behaves. */
enum hostile_backend {
	HOSTILE_RELIABLE,
	HOSTILE_FLAKY,		/* reads at 0x40 and above change every time */
	HOSTILE_FAILING,	/* accesses fail with -EIO at random */
};

/*
 * What the engine must see: visible standard and extended chain lengths
 * and capability count (-1: anything), and whether an MSI-X table present
 * in the space must be refused as outside its BARs.
 */
struct hostile_expect {
	int std;
	int ext;
	int caps;
	bool msix_invalid;
};

struct hostile_space {
	/* bytes, masks, chain tails: s->img, or s->cfg, s->wmask ... */
	CFG_IMAGE_GROUP(img);
	/* cfg_size, regions, MSI vectors, flags; the test sets ops and priv */
	struct vconfig_config config;
	enum hostile_backend backend;
	struct hostile_expect expect;
	unsigned int iteration;			/* of the case being built */
	u32 seed;				/* of the random cases */
};

enum hostile_case_id {
	HOSTILE_STD_SELF_LOOP,
	HOSTILE_STD_LONG_LOOP,
	HOSTILE_STD_BAD_HEAD,
	HOSTILE_STD_BAD_NEXT,
	HOSTILE_STD_CAP_AT_END,
	HOSTILE_STD_PAST_END,
	HOSTILE_STD_NO_CAP_LIST,
	HOSTILE_STD_FULL_CHAIN,
	HOSTILE_STD_ALL_ONES,
	HOSTILE_EXT_SELF_LOOP,
	HOSTILE_EXT_LONG_LOOP,
	HOSTILE_EXT_BAD_NEXT,
	HOSTILE_EXT_ALL_ONES,
	HOSTILE_EXT_IN_PCI_SPACE,
	HOSTILE_EXT_PAST_END,
	HOSTILE_EXT_FULL_CHAIN,
	HOSTILE_OVERLAP,
	HOSTILE_OVERSIZED,
	HOSTILE_MSIX_BAD_BAR,
	HOSTILE_BARS,
	HOSTILE_RANDOM_BYTES,
	HOSTILE_RANDOM_CHAINS,
	HOSTILE_MUTATED,
	HOSTILE_UNRELIABLE,
	HOSTILE_NR_CASES
};

/* Iterations of HOSTILE_OVERLAP, one layout each. */
enum hostile_overlap {
	HOSTILE_OVERLAP_PM_MSI,		/* PM (8 bytes), MSI at its 2nd dword */
	HOSTILE_OVERLAP_HIDDEN_PM,	/* hidden cap in front of PM */
	HOSTILE_OVERLAP_MSIX_IN_MSI,
	HOSTILE_OVERLAP_DSN_IN_AER,
	HOSTILE_OVERLAP_VPD_IN_EXP,
	HOSTILE_OVERLAP_VPD_MSI,	/* VPD in front of MSI */
	HOSTILE_OVERLAP_EXP_HIDDEN,	/* PCIe in front of a hidden cap */
	HOSTILE_OVERLAP_NR
};

struct hostile_case {
	const char *name;
	unsigned int iterations;	/* 0: random, as many as the test runs */
	void (*build)(struct hostile_space *s);
};

extern const struct hostile_case hostile_cases[HOSTILE_NR_CASES];

/*
 * Lay out iteration @i of case @id in @s; random cases draw from @seed.
 * The random generator is left where the layout stopped, so a test that
 * goes on drawing from it repeats itself for a given seed.
 */
void hostile_build(struct hostile_space *s, enum hostile_case_id id,
		   unsigned int i, u32 seed);

/* xorshift32: the same numbers on every run for a given seed. */
u32 hostile_rnd(void);
void hostile_rnd_seed(u32 seed);

#endif /* VCONFIG_TESTS_HOSTILE_SPACES_H */
