/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* The engine over the emu model, as the fuzz targets and the replay build it. */
#ifndef VCONFIG_FUZZ_HARNESS_H
#define VCONFIG_FUZZ_HARNESS_H

#include <vconfig/fuzz.h>

struct harness {
	struct vconfig_emu *emu;
	struct vconfig *vc;
	struct vconfig_fuzz_checker ck;
};

/*
 * Build the model and the engine the input describes and run its
 * operations under the checker. Return: 0 when the input is rejected or
 * runs clean, 1 on a finding (in h->ck.finding).
 */
int harness_run(struct harness *h, const struct vconfig_fuzz_input *in);
void harness_close(struct harness *h);

/* Report a finding with the accesses that led to it, then abort(). */
void harness_abort(struct harness *h, const struct vconfig_fuzz_input *in);

#endif /* VCONFIG_FUZZ_HARNESS_H */
