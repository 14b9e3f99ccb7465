/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* The differential oracle: the engine against the model of vfio-pci. */
#ifndef VCONFIG_FUZZ_ORACLE_H
#define VCONFIG_FUZZ_ORACLE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <vconfig/access.h>
#include <vconfig/fuzz.h>
#include <vconfig/emu.h>
#include "vfio-model.h"

#define ORACLE_MAX_DEPARTURES	64

struct oracle {
	struct vconfig *vc;
	struct vconfig_emu *emu_e;	/* the engine's function */
	struct vconfig_emu *emu_m;	/* the model's copy of it */
	struct vfio_model vm;
	unsigned int cfg_size;
	u8 hw_initial[VCONFIG_CFG_SIZE_PCIE];
	unsigned int pm;		/* PM capability, 0 if none */
	unsigned int vpd;		/* first VPD capability, 0 if none */
	u8 power;			/* power state in force */
	bool skipped;
	bool one_piece;			/* the write is one aligned register */
	unsigned int wr_off, wr_len;	/* the write being compared */			/* a layout the departures exclude */
	bool dep_used[ORACLE_MAX_DEPARTURES];
	FILE *trace;
	char finding[256];
};

/*
 * Run the input through both. Return: 0 when it is rejected, excused or
 * runs the same, 1 on a difference no departure covers (in o->finding).
 */
int oracle_run(struct oracle *o, const struct vconfig_fuzz_input *in);
void oracle_close(struct oracle *o);
/* Names of the departures of Documentation/engine.md, NULL past the last. */
const char *oracle_departure_name(unsigned int i);

#endif /* VCONFIG_FUZZ_ORACLE_H */
