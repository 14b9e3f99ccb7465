// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Fuzz target: lspci dump text, as `vconfig emu` and the corpus read it.
 * Every type-0 function parsed is modelled and put under the engine; its
 * virtual space must pass the whole-space checks and every BAR must size
 * correctly.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct vconfig_fuzz_op ops[VCONFIG_NR_REGIONS];
	static struct vconfig_fuzz_input in;
	static struct harness h;
	struct vconfig_dump dump;
	unsigned int i, r;
	char err[128];

	if (vconfig_dump_parse((const char *)data, size, &dump, err, sizeof(err)))
		return 0;
	for (i = 0; i < dump.nr_dev && i < 4; i++) {
		const struct vconfig_dump_device *d = &dump.dev[i];

		memset(&in, 0, sizeof(in));
		in.cfg_size = d->cfg_size >= VCONFIG_CFG_SIZE_PCIE ?
			      VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI;
		memcpy(in.config, d->config, d->cfg_size < in.cfg_size ?
		       d->cfg_size : in.cfg_size);
		memcpy(in.region, d->region, sizeof(in.region));
		for (r = 0; r < VCONFIG_NR_REGIONS; r++) {
			ops[r].kind = VCONFIG_FUZZ_SIZE_BAR;
			ops[r].offset = r;
		}
		in.ops = ops;
		in.nr_ops = VCONFIG_NR_REGIONS;
		h.ck.trace = NULL;
		if (harness_run(&h, &in))
			harness_abort(&h, &in);
		harness_close(&h);
	}
	vconfig_dump_free(&dump);
	return 0;
}
