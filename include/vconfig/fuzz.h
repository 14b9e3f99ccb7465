/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * Config-space fuzzing: one invariant checker shared by the fuzz targets
 * (engine over the emu model, everything observable) and `vconfig fuzz`
 * (a VFIO device seen from outside, or an emu dump).
 *
 * A run is a sequence of operations. vconfig_fuzz_step() performs one
 * through the layer under test and checks every invariant that applies;
 * the first violation is a finding, described by vconfig_fuzz_finding().
 */
#ifndef VCONFIG_FUZZ_H
#define VCONFIG_FUZZ_H

#include <stdio.h>
#include "emu.h"

enum vconfig_fuzz_op_kind {
	VCONFIG_FUZZ_READ,		/* read size bytes at offset */
	VCONFIG_FUZZ_WRITE,		/* write size bytes of value at offset */
	VCONFIG_FUZZ_RESET,		/* vconfig_reset() (after an FLR) */
	VCONFIG_FUZZ_VPD_COMPLETE,	/* vconfig_vpd_complete(value, ok) */
	VCONFIG_FUZZ_SIZE_BAR,		/* size region offset (0-5, 6 = ROM), restore it */
	VCONFIG_FUZZ_POKE,		/* hardware changes byte offset by itself (emu only) */
	VCONFIG_FUZZ_NR_OPS,
};

struct vconfig_fuzz_op {
	enum vconfig_fuzz_op_kind kind;
	u16 offset;
	u8 size;		/* 1-8 bytes for reads and writes */
	bool ok;		/* VPD completion succeeded */
	u64 value;
};

/* The layer under test: the engine in process, or a device from outside. */
struct vconfig_fuzz_access {
	int (*read)(void *priv, unsigned int offset, unsigned int size, void *buf);
	/* fx may be left empty by layers that do not report effects */
	int (*write)(void *priv, unsigned int offset, unsigned int size,
		     const void *buf, struct vconfig_effects *fx);
	void (*reset)(void *priv);			/* NULL: not offered */
	void (*vpd_complete)(void *priv, u32 data, bool ok);	/* NULL: not offered */
	/*
	 * The layer's virtual copy (what a read serves besides hardware), or
	 * NULL. With it and an emu model, a step re-reads only the bytes it
	 * can have changed; without, every step reads the whole space.
	 */
	const u8 *(*virtual_copy)(void *priv);
	void *priv;
};

/*
 * @map describes the space: in process it is the engine under test; from
 * outside it is an engine built over the space the device presents, so
 * that its classes say which bits are virtual, writable or invariant.
 * @emu, when given, is the hardware behind the engine: every bit is then
 * deterministic and the write log is checked against the map.
 */
struct vconfig_fuzz_setup {
	struct vconfig_fuzz_access access;
	struct vconfig *map;
	struct vconfig_emu *emu;
	u32 engine_flags;		/* flags the layer was built with */
	unsigned int max_msi_vectors;	/* 0: 32 */
	/*
	 * Per byte, bits the layer is known to let the user write although
	 * @map keeps them read-only (vfio-pci virtualizes the MSI Message
	 * Address whole, its low two bits too); NULL: none.
	 */
	const u8 *extra_writable;
};

#define VCONFIG_FUZZ_FINDING_LEN	256

/* Incremental checking: every this many steps the whole space is checked. */
#define VCONFIG_FUZZ_SWEEP_STEPS	16

struct vconfig_fuzz_checker {
	struct vconfig_fuzz_setup s;
	unsigned int cfg_size;
	bool exact;				/* emu behind: all bits stable */
	u8 view[VCONFIG_CFG_SIZE_PCIE];		/* space as last read */
	u8 reset_view[VCONFIG_CFG_SIZE_PCIE];	/* space right after create */
	u8 hw[VCONFIG_CFG_SIZE_PCIE];		/* emu bytes as last seen */
	u8 hw_initial[VCONFIG_CFG_SIZE_PCIE];	/* emu bytes at create */
	/* the map, per byte: classes and owner kind, cached at init */
	u8 cls[VCONFIG_NR_CLASSES][VCONFIG_CFG_SIZE_PCIE];
	u8 owner[VCONFIG_CFG_SIZE_PCIE];
	/* derived per byte at init: bits that read 0, served from hardware, stable */
	u8 zero_bits[VCONFIG_CFG_SIZE_PCIE];
	u8 hw_bits[VCONFIG_CFG_SIZE_PCIE];
	u8 stable_bits[VCONFIG_CFG_SIZE_PCIE];
	u64 region_size[VCONFIG_NR_REGIONS];	/* sizes the BARs must report */
	unsigned int log_seen;			/* emu log entries checked */
	unsigned int steps;
	/*
	 * Incremental checking: the bytes a step can have changed are those
	 * it accessed, those hardware changed and those whose virtual copy
	 * changed; a read through the engine depends on nothing else, which
	 * the periodic sweeps verify.
	 */
	bool incremental;
	u8 virt_seen[VCONFIG_CFG_SIZE_PCIE];	/* virtual copy as last seen */
	u8 chain_byte[VCONFIG_CFG_SIZE_PCIE];	/* a byte the chain walks read */
	u8 dirty[VCONFIG_CFG_SIZE_PCIE];
	u16 dirty_list[VCONFIG_CFG_SIZE_PCIE];
	unsigned int nr_dirty;
	bool all;		/* this step checks every byte */
	FILE *trace;		/* when set, each access in `vconfig emu --exec` syntax, one a line */
	char finding[VCONFIG_FUZZ_FINDING_LEN];
};

/*
 * Take the first view of the space and check it; ck->trace is kept,
 * the rest of @ck is reset. Return: 0, 1 on a finding (the initial
 * space already violates an invariant), or a negative errno when the
 * space cannot be read.
 */
int vconfig_fuzz_init(struct vconfig_fuzz_checker *ck,
		      const struct vconfig_fuzz_setup *setup);

/* Perform @op and check it. Return: 0, 1 on a finding, negative errno. */
int vconfig_fuzz_step(struct vconfig_fuzz_checker *ck,
		      const struct vconfig_fuzz_op *op);

/*
 * Whole-space checks: chains, hidden bytes, idempotent reads. Call it
 * after the last step of a run: an incremental checker has then swept the
 * whole space once more.
 */
int vconfig_fuzz_check_space(struct vconfig_fuzz_checker *ck);

const char *vconfig_fuzz_finding(const struct vconfig_fuzz_checker *ck);

/*
 * Decode a binary fuzz input (the format of tests/fuzz/: a header with
 * engine options and region sizes, an initial config space, operations).
 */
struct vconfig_fuzz_input {
	unsigned int cfg_size;
	u32 engine_flags;
	unsigned int max_msi_vectors;
	bool raw_regions;	/* regions go to the engine as given, unprobed */
	struct vconfig_region_desc region[VCONFIG_NR_REGIONS];
	u8 config[VCONFIG_CFG_SIZE_PCIE];
	struct vconfig_fuzz_op *ops;
	unsigned int nr_ops;
};

#define VCONFIG_FUZZ_MAX_OPS	128

/* Return: 0 or -EINVAL when the input is too short to hold a header. */
int vconfig_fuzz_decode(const u8 *data, size_t len, struct vconfig_fuzz_input *in,
			struct vconfig_fuzz_op ops[VCONFIG_FUZZ_MAX_OPS]);
/* The inverse, for seed generation; returns the bytes written or -ENOSPC. */
long vconfig_fuzz_encode(const struct vconfig_fuzz_input *in, u8 *out, size_t cap);

#endif /* VCONFIG_FUZZ_H */
