// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vconfig fuzz: a reproducible random sequence of config accesses through
 * the layer, checked by the invariant checker of the fuzz targets.
 *
 *   vconfig fuzz FILE [--device ADDR] [--bar N=SIZE]...  an emu dump
 *   vconfig fuzz --vfio BDF                             a VFIO device
 *   options: --seed N --count M --actions --repro PATH
 *
 * From outside (VFIO) only bits the map serves from a virtual copy or
 * marks invariant are stable; the map is an engine built over the space
 * the device presents. Only config space is touched; action bits (FLR,
 * power state, MSI/MSI-X enable, bus master, VPD) are left alone unless
 * --actions; the device's config space is restored at the end. A finding
 * is minimised and written as a `vconfig emu --exec` reproducer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vconfig/fuzz.h>
#include "cli.h"
#include "fuzz_vfio.h"

#define MAX_REPLAYS	400

struct fuzz_opts {
	struct cli_options cli;
	const char *vfio;
	const char *repro;
	unsigned long long seed;
	unsigned int count;
	bool actions;
};

struct fuzz_target {
	const struct fuzz_opts *o;
	/* emu */
	struct cli_device dev;
	/* vfio */
	struct fuzz_vfio vfio;
	struct vconfig *map;
	struct vconfig_readonly snapshot;
	u8 original[VCONFIG_CFG_SIZE_PCIE];
	unsigned int cfg_size;
	u8 action[VCONFIG_CFG_SIZE_PCIE];	/* bits left alone without --actions */
	bool vfio_pci;				/* bound to vfio-pci, not vfio-vconfig */
	u8 extra_writable[VCONFIG_CFG_SIZE_PCIE];	/* see vconfig_fuzz_setup */
	u8 target_bytes[VCONFIG_CFG_SIZE_PCIE];	/* bytes worth writing */
	unsigned int nr_targets;
	u16 targets[VCONFIG_CFG_SIZE_PCIE];
};

static struct vconfig_fuzz_checker checker;

/* ---- the layer ---- */

static int emu_read(void *priv, unsigned int off, unsigned int size, void *buf)
{
	return vconfig_read(priv, off, size, buf);
}

static int emu_write(void *priv, unsigned int off, unsigned int size,
		     const void *buf, struct vconfig_effects *fx)
{
	return vconfig_write(priv, off, size, buf, fx);
}

static void emu_reset(void *priv)
{
	vconfig_reset(priv);
}

static void emu_vpd_complete(void *priv, u32 data, bool ok)
{
	vconfig_vpd_complete(priv, data, ok);
}

static int vfio_read(void *priv, unsigned int off, unsigned int size, void *buf)
{
	return fuzz_vfio_read(priv, off, size, buf);
}

static int vfio_write(void *priv, unsigned int off, unsigned int size,
		      const void *buf, struct vconfig_effects *fx)
{
	(void)fx;
	return fuzz_vfio_write(priv, off, size, buf);
}

static void vfio_reset(void *priv)
{
	fuzz_vfio_reset(priv);
}

/* ---- opening, the map, restoring ---- */

/* Size the BARs from outside, as a PCI core does, restoring each. */
static int vfio_regions(struct fuzz_target *t, struct vconfig_region_desc *region)
{
	unsigned int i;

	memset(region, 0, sizeof(*region) * VCONFIG_NR_REGIONS);
	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		unsigned int off = vconfig_bar_offset(i);
		u32 orig = vconfig_get_le(t->original + off, 4), ones = 0xffffffff, sz;
		u32 hi_orig = 0, hi_sz = 0xffffffff;
		bool io = i != VCONFIG_ROM_BAR && (orig & PCI_BASE_ADDRESS_SPACE_IO);
		bool mem64 = i < VCONFIG_NR_BARS - 1 && !io && i != VCONFIG_ROM_BAR &&
			     (orig & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
			     PCI_BASE_ADDRESS_MEM_TYPE_64;
		u64 mask;

		if (fuzz_vfio_write(&t->vfio, off, 4, &ones) ||
		    fuzz_vfio_read(&t->vfio, off, 4, &sz) ||
		    fuzz_vfio_write(&t->vfio, off, 4, &orig))
			return -EIO;
		if (mem64) {
			hi_orig = vconfig_get_le(t->original + off + 4, 4);
			if (fuzz_vfio_write(&t->vfio, off + 4, 4, &ones) ||
			    fuzz_vfio_read(&t->vfio, off + 4, 4, &hi_sz) ||
			    fuzz_vfio_write(&t->vfio, off + 4, 4, &hi_orig))
				return -EIO;
		}
		sz &= i == VCONFIG_ROM_BAR ? PCI_ROM_ADDRESS_MASK :
		      io ? PCI_BASE_ADDRESS_IO_MASK : PCI_BASE_ADDRESS_MEM_MASK;
		if (!sz)
			continue;
		mask = (u64)hi_sz << 32 | sz;
		region[i].size = ~mask + 1;
		region[i].flags = (io ? VCONFIG_REGION_IO : 0) |
				  (mem64 ? VCONFIG_REGION_MEM64 : 0);
		if (mem64)
			i++;
	}
	return 0;
}

/* Whether @bdf (with or without its domain) is bound to vfio-pci. */
static bool bound_to_vfio_pci(const char *bdf)
{
	static const char *const formats[] = {
		"/sys/bus/pci/devices/%s/driver", "/sys/bus/pci/devices/0000:%s/driver",
	};
	char path[256], target[256];
	unsigned int i;
	ssize_t n;

	for (i = 0; i < 2; i++) {
		snprintf(path, sizeof(path), formats[i], bdf);
		n = readlink(path, target, sizeof(target) - 1);
		if (n < 0)
			continue;
		target[n] = '\0';
		return !strcmp(strrchr(target, '/') ? strrchr(target, '/') + 1 : target,
			       "vfio-pci");
	}
	return false;
}

static int open_vfio(struct fuzz_target *t)
{
	struct vconfig_config cfg = { 0 };
	char err[512];
	int ret;

	ret = fuzz_vfio_open(t->o->vfio, &t->vfio, err, sizeof(err));
	if (ret) {
		cli_error("%s", err);
		return ret;
	}
	t->cfg_size = t->vfio.cfg_size;
	t->vfio_pci = bound_to_vfio_pci(t->o->vfio);
	if (fuzz_vfio_read(&t->vfio, 0, t->cfg_size, t->original)) {
		cli_error("%s: reading the config region failed", t->o->vfio);
		return -EIO;
	}
	ret = vfio_regions(t, cfg.region);
	if (ret) {
		cli_error("%s: sizing the BARs failed", t->o->vfio);
		return ret;
	}
	t->snapshot.config = t->original;
	t->snapshot.cfg_size = t->cfg_size;
	cfg.ops = &vconfig_readonly_ops;
	cfg.priv = &t->snapshot;
	cfg.cfg_size = t->cfg_size;
	/* Unassigned bytes may be raw on either driver: never judge them. */
	cfg.flags = VCONFIG_F_UNASSIGNED_PASSTHROUGH;
	ret = vconfig_create(&cfg, &t->map);
	if (ret)
		cli_error("%s: the space the device presents is not a type-0 function: %s",
			  t->o->vfio, strerror(-ret));
	return ret;
}

static int open_target(struct fuzz_target *t)
{
	memset(&t->dev, 0, sizeof(t->dev));
	if (t->o->vfio)
		return open_vfio(t);
	if (cli_open_emu(&t->o->cli, &t->dev))
		return -EINVAL;
	t->map = t->dev.vc;
	t->cfg_size = vconfig_cfg_size(t->map);
	return 0;
}

static void close_target(struct fuzz_target *t)
{
	if (t->o->vfio) {
		vconfig_destroy(t->map);
		fuzz_vfio_close(&t->vfio);
	} else {
		cli_close(&t->dev);
	}
	t->map = NULL;
}

/*
 * Write back every dword that differs from the saved space, Command last
 * so that BARs are in place before decoding returns. RW1C bits are written
 * as 0 so that restoring never clears status.
 */
static int restore(struct fuzz_target *t, unsigned int *left)
{
	u8 now[VCONFIG_CFG_SIZE_PCIE];
	unsigned int pass, off, b;

	*left = 0;
	for (pass = 0; pass < 2; pass++) {
		if (fuzz_vfio_read(&t->vfio, 0, t->cfg_size, now))
			return -EIO;
		for (off = 0; off < t->cfg_size; off += 4) {
			u8 val[4];
			bool differs = false;

			if ((off == PCI_COMMAND) != (pass == 1))
				continue;
			for (b = 0; b < 4; b++) {
				u8 wr = vconfig_class_mask(t->map, VCONFIG_CLASS_WRITE, off + b) |
					t->extra_writable[off + b];
				u8 w1c = vconfig_class_mask(t->map, VCONFIG_CLASS_RW1C, off + b);

				val[b] = t->original[off + b] & ~w1c;
				differs |= ((now[off + b] ^ t->original[off + b]) & wr & ~w1c) != 0;
			}
			if (differs && fuzz_vfio_write(&t->vfio, off, 4, val))
				return -EIO;
		}
	}
	if (fuzz_vfio_read(&t->vfio, 0, t->cfg_size, now))
		return -EIO;
	for (b = 0; b < t->cfg_size; b++) {
		u8 st = vconfig_class_mask(t->map, VCONFIG_CLASS_VIRT, b) |
			vconfig_class_mask(t->map, VCONFIG_CLASS_INVARIANT, b);

		if ((now[b] ^ t->original[b]) & st & ~vconfig_class_mask(t->map, VCONFIG_CLASS_RW1C, b))
			(*left)++;
	}
	return 0;
}

/* ---- the random sequence ---- */

static u64 next_rand(u64 *s)
{
	/* xorshift64*: small, and the same sequence everywhere for a seed */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dull;
}

static void mark_action(struct fuzz_target *t, unsigned int pos, u8 bits)
{
	if (pos < t->cfg_size)
		t->action[pos] |= bits;
}

/* Bits that ask the device to do something, and the bytes worth writing. */
static void classify(struct fuzz_target *t)
{
	unsigned int i, b;

	memset(t->action, 0, sizeof(t->action));
	memset(t->target_bytes, 0, sizeof(t->target_bytes));
	memset(t->extra_writable, 0, sizeof(t->extra_writable));
	mark_action(t, PCI_COMMAND, PCI_COMMAND_MASTER);
	for (i = 0; i < vconfig_nr_caps(t->map); i++) {
		struct vconfig_cap_info c;

		vconfig_cap(t->map, i, &c);
		if (c.hidden || c.extended)
			continue;
		switch (c.id) {
		case PCI_CAP_ID_PM:
			mark_action(t, c.offset + PCI_PM_CTRL, PCI_PM_CTRL_STATE_MASK);
			break;
		case PCI_CAP_ID_MSI:
			mark_action(t, c.offset + PCI_MSI_FLAGS, PCI_MSI_FLAGS_ENABLE);
			/*
			 * vfio-pci virtualizes the low byte of Message
			 * Control and the address dword whole, and lets the
			 * user write all of them.
			 */
			if (t->vfio_pci && (unsigned int)c.offset + PCI_MSI_ADDRESS_LO < t->cfg_size) {
				t->extra_writable[c.offset + PCI_MSI_FLAGS] = 0xff;
				t->extra_writable[c.offset + PCI_MSI_ADDRESS_LO] = 0x03;
			}
			break;
		case PCI_CAP_ID_MSIX:
			mark_action(t, c.offset + PCI_MSIX_FLAGS + 1,
				    (PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL) >> 8);
			break;
		case PCI_CAP_ID_EXP:
			mark_action(t, c.offset + PCI_EXP_DEVCTL + 1, PCI_EXP_DEVCTL_BCR_FLR >> 8);
			mark_action(t, c.offset + PCI_EXP_LNKCTL,
				    PCI_EXP_LNKCTL_LD | PCI_EXP_LNKCTL_RL);
			break;
		case PCI_CAP_ID_AF:
			mark_action(t, c.offset + PCI_AF_CTRL, PCI_AF_CTRL_FLR);
			break;
		case PCI_CAP_ID_VPD:
			for (b = 0; b < 2; b++)
				mark_action(t, c.offset + PCI_VPD_ADDR + b, 0xff);
			break;
		}
	}
	if (t->o->actions)
		memset(t->action, 0, sizeof(t->action));
	t->nr_targets = 0;
	for (b = 0; b < t->cfg_size; b++) {
		enum vconfig_owner_kind k = vconfig_owner(t->map, b, NULL);

		if (k == VCONFIG_OWNER_HEADER || k == VCONFIG_OWNER_CAP ||
		    k == VCONFIG_OWNER_HIDDEN || (b < 0x100 && !t->o->vfio))
			t->targets[t->nr_targets++] = b;
	}
}

static void random_op(struct fuzz_target *t, u64 *s, struct vconfig_fuzz_op *op,
		      const u8 *view)
{
	unsigned int r = next_rand(s) % 100, b;
	static const u8 sizes[] = { 1, 2, 4, 4 };

	memset(op, 0, sizeof(*op));
	op->ok = true;
	if (r < 40 || !t->nr_targets) {
		op->kind = VCONFIG_FUZZ_READ;
		op->size = sizes[next_rand(s) % 4];
		op->offset = (next_rand(s) % t->cfg_size) & ~(op->size - 1);
		if (!(next_rand(s) % 8)) {	/* unaligned, up to 8 bytes */
			op->size = next_rand(s) % 8 + 1;
			op->offset = next_rand(s) % (t->cfg_size - op->size + 1);
		}
		return;
	}
	if (r < 85) {
		u64 v;

		op->kind = VCONFIG_FUZZ_WRITE;
		op->size = sizes[next_rand(s) % 4];
		op->offset = t->targets[next_rand(s) % t->nr_targets] & ~(op->size - 1);
		switch (next_rand(s) % 4) {
		case 0:
			v = ~0ull;
			break;
		case 1:
			v = 0;
			break;
		case 2:
			v = ~vconfig_get_le(view + op->offset, 4);
			break;
		default:
			v = next_rand(s);
		}
		if (op->size < 8)
			v &= (1ull << (8 * op->size)) - 1;
		/* Action bits keep the value they have. */
		for (b = 0; b < op->size; b++) {
			u8 keep = t->action[op->offset + b];

			v &= ~((u64)keep << (8 * b));
			v |= (u64)(view[op->offset + b] & keep) << (8 * b);
		}
		op->value = v;
		return;
	}
	if (r < 95) {
		op->kind = VCONFIG_FUZZ_SIZE_BAR;
		op->offset = next_rand(s) % VCONFIG_NR_REGIONS;
		return;
	}
	if (!t->o->vfio && r < 98) {
		op->kind = VCONFIG_FUZZ_VPD_COMPLETE;
		op->value = (u32)next_rand(s);
		op->ok = next_rand(s) % 4;
		return;
	}
	op->kind = VCONFIG_FUZZ_RESET;	/* virtual reset; a device reset needs --actions */
}

static void setup_checker(struct fuzz_target *t, struct vconfig_fuzz_setup *s)
{
	memset(s, 0, sizeof(*s));
	s->map = t->map;
	if (t->o->vfio) {
		s->access.read = vfio_read;
		s->access.write = vfio_write;
		s->access.reset = t->o->actions && t->vfio.can_reset ? vfio_reset : NULL;
		s->access.priv = &t->vfio;
		s->engine_flags = VCONFIG_F_UNASSIGNED_PASSTHROUGH;
		s->extra_writable = t->extra_writable;
		return;
	}
	s->access.read = emu_read;
	s->access.write = emu_write;
	s->access.reset = emu_reset;
	s->access.vpd_complete = emu_vpd_complete;
	s->access.priv = t->dev.vc;
	s->emu = t->dev.emu;
	s->engine_flags = t->o->cli.engine_flags;
}

/*
 * Run @ops (a fresh target for an emu dump; the restored device for VFIO).
 * Return: 1 when a finding occurs, 0 when not, negative on error.
 */
static int replay(struct fuzz_target *t, const struct vconfig_fuzz_op *ops,
		  unsigned int n, FILE *trace)
{
	struct vconfig_fuzz_setup s;
	unsigned int i, left;
	int ret;

	if (!t->o->vfio) {
		close_target(t);
		if (open_target(t))
			return -EINVAL;
	} else if (restore(t, &left)) {
		return -EIO;
	}
	setup_checker(t, &s);
	checker.trace = trace;
	ret = vconfig_fuzz_init(&checker, &s);
	for (i = 0; !ret && i < n; i++)
		ret = vconfig_fuzz_step(&checker, &ops[i]);
	checker.trace = NULL;
	return ret;
}

/* Drop chunks of operations while the finding stays (bounded). */
static unsigned int minimise(struct fuzz_target *t, struct vconfig_fuzz_op *ops,
			     unsigned int n)
{
	static struct vconfig_fuzz_op trial[1 << 16];
	unsigned int chunk, start, replays = 0;

	for (chunk = n / 2; chunk >= 1 && replays < MAX_REPLAYS; chunk /= 2) {
		for (start = 0; start + chunk < n && replays < MAX_REPLAYS;) {
			unsigned int m = 0, i;

			for (i = 0; i < n; i++)
				if (i < start || i >= start + chunk)
					trial[m++] = ops[i];
			replays++;
			if (replay(t, trial, m, NULL) == 1) {
				memcpy(ops, trial, m * sizeof(*ops));
				n = m;
			} else {
				start += chunk;
			}
		}
	}
	return n;
}

/* The reproducer: the space as a dump (VFIO) and the accesses. */
static int write_repro(struct fuzz_target *t, const struct vconfig_fuzz_op *ops,
		       unsigned int n, const char *finding)
{
	const char *path = t->o->repro;
	char *text = NULL, *line, *save = NULL, dump_path[4096];
	size_t len = 0;
	FILE *trace = open_memstream(&text, &len), *out;
	bool first = true;
	int ret;

	if (!trace)
		return -ENOMEM;
	ret = replay(t, ops, n, trace);
	fclose(trace);
	out = path ? fopen(path, "w") : stdout;
	if (!out) {
		free(text);
		cli_error("%s: cannot write the reproducer", path);
		return -EIO;
	}
	fprintf(out, "# vconfig fuzz finding (seed %llu): %s\n", t->o->seed, finding);
	if (ret != 1)
		fprintf(out, "# note: the minimal sequence did not reproduce on replay\n");
	if (t->o->vfio) {
		snprintf(dump_path, sizeof(dump_path), "%s.lspci", path ? path : "vconfig-fuzz");
		FILE *d = fopen(dump_path, "w");

		if (d) {
			vconfig_dump_write(d, "00:00.0", "fuzzed VFIO device", t->original,
					   t->cfg_size);
			fclose(d);
		}
		fprintf(out, "vconfig emu %s", dump_path);
		for (unsigned int i = 0; i < VCONFIG_NR_REGIONS; i++)
			if (vconfig_region_size(t->map, i))
				fprintf(out, " --bar %u=0x%llx", i,
					(unsigned long long)vconfig_region_size(t->map, i));
	} else {
		fprintf(out, "vconfig emu %s", t->o->cli.file);
		if (t->o->cli.device)
			fprintf(out, " --device %s", t->o->cli.device);
		for (unsigned int i = 0; i < VCONFIG_NR_REGIONS; i++)
			if (t->o->cli.bar_set[i])
				fprintf(out, " --bar %u=0x%llx", i,
					(unsigned long long)t->o->cli.bar[i].size);
		if (t->o->cli.engine_flags & VCONFIG_F_STRICT)
			fprintf(out, " --strict");
		if (t->o->cli.engine_flags & VCONFIG_F_UNASSIGNED_PASSTHROUGH)
			fprintf(out, " --passthrough-unassigned");
	}
	fprintf(out, " --exec '");
	for (line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#')
			continue;
		fprintf(out, "%s%s", first ? "" : "; ", line);
		first = false;
	}
	fprintf(out, "'\n");
	if (path)
		fclose(out);
	free(text);
	return 0;
}

static int parse(int argc, char **argv, struct fuzz_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->seed = 1;
	o->count = 10000;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		char *end;

		if (!strcmp(a, "--vfio") && i + 1 < argc) {
			o->vfio = argv[++i];
		} else if (!strcmp(a, "--seed") && i + 1 < argc) {
			o->seed = strtoull(argv[++i], &end, 0);
			if (*end)
				goto bad;
		} else if (!strcmp(a, "--count") && i + 1 < argc) {
			o->count = strtoul(argv[++i], &end, 0);
			if (*end || !o->count || o->count > 1u << 16)
				goto bad;
		} else if (!strcmp(a, "--actions")) {
			o->actions = true;
		} else if (!strcmp(a, "--repro") && i + 1 < argc) {
			o->repro = argv[++i];
		} else if (!strcmp(a, "--device") && i + 1 < argc) {
			o->cli.device = argv[++i];
		} else if (!strcmp(a, "--bar") && i + 1 < argc) {
			if (cli_parse_bar_option(argv[++i], &o->cli))
				return -EINVAL;
		} else if (!strcmp(a, "--passthrough-unassigned")) {
			o->cli.engine_flags |= VCONFIG_F_UNASSIGNED_PASSTHROUGH;
		} else if (!strcmp(a, "--strict")) {
			o->cli.engine_flags |= VCONFIG_F_STRICT;
		} else if (a[0] != '-' && !o->cli.file) {
			o->cli.file = a;
		} else {
			goto bad;
		}
	}
	if (!o->vfio == !o->cli.file) {
		cli_error("fuzz: give an lspci dump FILE or --vfio BDF");
		return -EINVAL;
	}
	return 0;
bad:
	cli_error("fuzz: bad or unknown option '%s' (--seed N, --count 1-65536, "
		  "--actions, --repro PATH, --vfio BDF)", argv[i]);
	return -EINVAL;
}

int cmd_fuzz(int argc, char **argv);

int cmd_fuzz(int argc, char **argv)
{
	static struct vconfig_fuzz_op ops[1 << 16];
	static struct fuzz_target t;
	struct vconfig_fuzz_setup s;
	struct fuzz_opts o;
	unsigned int i, n = 0, left = 0;
	u64 state;
	int ret;

	if (parse(argc, argv, &o))
		return CLI_EXIT_USAGE;
	memset(&t, 0, sizeof(t));
	t.o = &o;
	if (open_target(&t)) {
		close_target(&t);
		return CLI_EXIT_USAGE;
	}
	classify(&t);
	state = o.seed * 0x9e3779b97f4a7c15ull + 1;
	setup_checker(&t, &s);
	ret = vconfig_fuzz_init(&checker, &s);
	for (i = 0; !ret && i < o.count; i++) {
		random_op(&t, &state, &ops[n], checker.view);
		ret = vconfig_fuzz_step(&checker, &ops[n++]);
	}
	if (ret < 0) {
		cli_error("fuzz: access %u failed: %s", n, strerror(-ret));
	} else if (ret) {
		char finding[VCONFIG_FUZZ_FINDING_LEN];

		snprintf(finding, sizeof(finding), "%s", vconfig_fuzz_finding(&checker));
		printf("FINDING after %u accesses: %s\n", n, finding);
		n = minimise(&t, ops, n);
		printf("minimal reproducer: %u accesses%s%s\n", n,
		       o.repro ? " in " : "", o.repro ? o.repro : "");
		write_repro(&t, ops, n, finding);
	}
	if (o.vfio && restore(&t, &left)) {
		cli_error("fuzz: %s: restoring the config space failed", o.vfio);
		ret = ret ?: -EIO;
	} else if (o.vfio && left) {
		cli_error("fuzz: %s: %u bytes differ from the saved config space after restoring",
			  o.vfio, left);
		ret = ret ?: -EIO;
	}
	if (!ret)
		printf("fuzz: seed %llu, %u accesses, no finding%s\n", o.seed, n,
		       o.vfio ? "; config space restored" : "");
	close_target(&t);
	return ret < 0 ? CLI_EXIT_USAGE : ret ? 1 : 0;
}
