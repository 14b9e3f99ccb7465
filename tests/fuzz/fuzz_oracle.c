// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Fuzz target: the engine (default profile) against the model of vfio-pci
 * on the same function and accesses (tests/fuzz/oracle.c). A difference
 * that no departure of Documentation/engine.md covers aborts.
 */
#include <stdint.h>
#include <stdlib.h>
#include "oracle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vconfig_fuzz_op ops[VCONFIG_FUZZ_MAX_OPS];
	static struct vconfig_fuzz_input in;
	static struct oracle o;

	if (vconfig_fuzz_decode(data, size, &in, ops))
		return 0;
	if (oracle_run(&o, &in)) {
		fprintf(stderr, "vconfig oracle finding: %s\n", o.finding);
		/* the same input again, printing every access */
		oracle_close(&o);
		o.trace = stderr;
		oracle_run(&o, &in);
		abort();
	}
	/* VCONFIG_ORACLE_VERBOSE=1: whether each input was compared */
	if (getenv("VCONFIG_ORACLE_VERBOSE"))
		fprintf(stderr, "oracle: %s, %u operations\n",
			!o.vc ? "rejected" : o.skipped ? "layout excused" : "compared",
			in.nr_ops);
	oracle_close(&o);
	return 0;
}
