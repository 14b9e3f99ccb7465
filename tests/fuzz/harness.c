// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The engine over the emu model under the invariant checker, shared by
 * the fuzz targets and the standalone replay driver.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "harness.h"

static int engine_read(void *priv, unsigned int off, unsigned int size, void *buf)
{
	return vconfig_read(priv, off, size, buf);
}

/*
 * VCONFIG_FUZZ_SABOTAGE=1 makes every write also write the Revision ID
 * straight to the model: the self-test of `make check` expects the checker
 * to report that hardware write.
 */
static struct vconfig_emu *sabotage;

static int engine_write(void *priv, unsigned int off, unsigned int size,
			const void *buf, struct vconfig_effects *fx)
{
	int ret = vconfig_write(priv, off, size, buf, fx);

	if (sabotage)
		vconfig_emu_ops.write(sabotage, PCI_REVISION_ID, 1,
				      ~vconfig_emu_bytes(sabotage)[PCI_REVISION_ID] & 0xff);
	return ret;
}

static void engine_reset(void *priv)
{
	vconfig_reset(priv);
}

static void engine_vpd_complete(void *priv, u32 data, bool ok)
{
	vconfig_vpd_complete(priv, data, ok);
}

/* Lets the checker re-read only what a step can have changed. */
static const u8 *engine_virtual_copy(void *priv)
{
	return vconfig_virtual_copy(priv);
}

/* What vconfig_create() must answer for a space it refuses. */
static int check_refusal(struct harness *h, const struct vconfig_fuzz_input *in,
			 int ret)
{
	u16 vendor = in->config[0] | in->config[1] << 8;

	if (vendor == 0xffff && ret == -ENODEV)
		return 0;
	if (vendor != 0xffff && (in->config[PCI_HEADER_TYPE] & 0x7f) &&
	    ret == -EOPNOTSUPP)
		return 0;
	snprintf(h->ck.finding, sizeof(h->ck.finding),
		 "vconfig_create() refused the space: %d (vendor 0x%04x, header type 0x%02x)",
		 ret, vendor, in->config[PCI_HEADER_TYPE]);
	return 1;
}

int harness_run(struct harness *h, const struct vconfig_fuzz_input *in)
{
	struct vconfig_config cfg = { 0 };
	struct vconfig_fuzz_setup setup = { 0 };
	unsigned int i;
	int ret;

	h->emu = NULL;
	h->vc = NULL;
	h->ck.finding[0] = '\0';
	/*
	 * A region the model cannot decode: raw sizes still reach the engine
	 * (whose BARs are virtual), over a model without BARs.
	 */
	if (vconfig_emu_create(in->config, in->cfg_size, in->region, &h->emu) &&
	    (!in->raw_regions ||
	     vconfig_emu_create(in->config, in->cfg_size, NULL, &h->emu)))
		return 0;
	if (in->raw_regions)
		memcpy(cfg.region, in->region, sizeof(cfg.region));
	else if (vconfig_emu_probe_regions(h->emu, cfg.region))
		return 0;
	vconfig_emu_clear_log(h->emu);
	cfg.ops = &vconfig_emu_ops;
	cfg.priv = h->emu;
	cfg.cfg_size = in->cfg_size;
	cfg.flags = in->engine_flags;
	cfg.max_msi_vectors = in->max_msi_vectors;
	ret = vconfig_create(&cfg, &h->vc);
	if (ret == -EINVAL && in->max_msi_vectors > 32)
		return 0;
	if (ret)
		return check_refusal(h, in, ret);

	sabotage = getenv("VCONFIG_FUZZ_SABOTAGE") ? h->emu : NULL;
	setup.access.read = engine_read;
	setup.access.write = engine_write;
	setup.access.reset = engine_reset;
	setup.access.vpd_complete = engine_vpd_complete;
	setup.access.virtual_copy = engine_virtual_copy;
	setup.access.priv = h->vc;
	setup.map = h->vc;
	setup.emu = h->emu;
	setup.engine_flags = in->engine_flags;
	setup.max_msi_vectors = in->max_msi_vectors;
	ret = vconfig_fuzz_init(&h->ck, &setup);
	for (i = 0; !ret && i < in->nr_ops; i++)
		ret = vconfig_fuzz_step(&h->ck, &in->ops[i]);
	if (!ret)
		ret = vconfig_fuzz_check_space(&h->ck);
	if (ret < 0) {
		snprintf(h->ck.finding, sizeof(h->ck.finding),
			 "the engine failed an access: %d", ret);
		ret = 1;
	}
	return ret;
}

void harness_close(struct harness *h)
{
	vconfig_destroy(h->vc);
	vconfig_emu_destroy(h->emu);
	h->vc = NULL;
	h->emu = NULL;
}

void harness_abort(struct harness *h, const struct vconfig_fuzz_input *in)
{
	fprintf(stderr, "vconfig fuzz finding: %s\n", h->ck.finding);
	/* The same input again, this time printing every access. */
	harness_close(h);
	h->ck.trace = stderr;
	fprintf(stderr, "accesses (vconfig emu --exec syntax):\n");
	harness_run(h, in);
	fflush(stderr);
	abort();
}
