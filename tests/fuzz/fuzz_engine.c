// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Fuzz target: a physical config space, a BAR layout and a sequence of
 * accesses (reads, writes, resets, VPD completions, BAR sizing, hardware
 * changing by itself), run through the engine over the emu model with
 * every invariant of invariants/invariants.c checked after every step.
 */
#include <stddef.h>
#include <stdint.h>
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vconfig_fuzz_op ops[VCONFIG_FUZZ_MAX_OPS];
	static struct vconfig_fuzz_input in;
	static struct harness h;

	if (vconfig_fuzz_decode(data, size, &in, ops))
		return 0;
	h.ck.trace = NULL;
	if (harness_run(&h, &in))
		harness_abort(&h, &in);
	harness_close(&h);
	return 0;
}
