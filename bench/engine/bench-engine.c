// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * bench-engine: the vconfig engine in-process, over a backend that costs
 * nothing (a plain array), next to the memcpy of the same bytes.
 *
 *   bench-engine [LSPCI-FILE]     (default samples/intel-82576.lspci)
 *
 * Prints nanoseconds per operation for 4-byte reads and writes of a
 * virtual, a hardware-backed, an invariant and a mixed register, and for a
 * full 256-byte and 4 KiB read, each under the default and the strict
 * profile, with the memcpy of the same bytes and the ratio to it. The
 * backend has read_bulk; the full reads are timed again over the same
 * backend without it (one call per dword, as vfio-vconfig's). The figure
 * is the best of several rounds, each the mean over many calls.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <vconfig/vconfig.h>
#include <vconfig/emu.h>

#define ROUNDS	25

static u8 hw[VCONFIG_CFG_SIZE_PCIE];

static int array_read(void *priv, unsigned int off, unsigned int size, u32 *val)
{
	const u8 *p = priv;

	*val = 0;
	memcpy(val, p + off, size);	/* little-endian host */
	return 0;
}

static int array_write(void *priv, unsigned int off, unsigned int size, u32 val)
{
	memcpy((u8 *)priv + off, &val, size);
	return 0;
}

static int array_read_bulk(void *priv, unsigned int off, unsigned int size,
			   void *buf)
{
	memcpy(buf, (const u8 *)priv + off, size);
	return 0;
}

static const struct vconfig_backend_ops array_ops = {
	.read = array_read,
	.write = array_write,
	.read_bulk = array_read_bulk,
};

/* The same backend without read_bulk. */
static const struct vconfig_backend_ops array_dword_ops = {
	.read = array_read,
	.write = array_write,
};

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/* Keeps the compiler from dropping the work. */
static volatile u32 sink;

enum op { OP_READ4, OP_WRITE4, OP_READ_ALL };

static double time_op(struct vconfig *vc, enum op op, unsigned int off,
		      unsigned int len, unsigned long iters)
{
	static u8 buf[VCONFIG_CFG_SIZE_PCIE];
	double best = 1e30;
	unsigned int r;

	for (r = 0; r < ROUNDS; r++) {
		double t0 = now_ns();
		unsigned long i;
		u32 v = 0;

		for (i = 0; i < iters; i++) {
			switch (op) {
			case OP_READ4:
				vconfig_read_reg(vc, off, 4, &v);
				sink += v;
				break;
			case OP_WRITE4:
				/* Two values in turn: every write changes the register. */
				vconfig_write_reg(vc, off, 4, (i & 1) ? 0x00000055u : 0x000000aau,
						  NULL);
				break;
			case OP_READ_ALL:
				vconfig_read(vc, 0, len, buf);
				sink += buf[len - 1];
				break;
			}
		}
		best = best < (now_ns() - t0) / iters ? best : (now_ns() - t0) / iters;
	}
	return best;
}

static double time_memcpy(unsigned int len, unsigned long iters)
{
	static u8 dst[VCONFIG_CFG_SIZE_PCIE];
	double best = 1e30;
	unsigned int r;

	for (r = 0; r < ROUNDS; r++) {
		double t0 = now_ns(), t;
		unsigned long i;

		for (i = 0; i < iters; i++) {
			memcpy(dst, hw, len);
			__asm__ volatile("" : : "r"(dst) : "memory");
		}
		t = (now_ns() - t0) / iters;
		best = best < t ? best : t;
	}
	return best;
}

/* The first 4-byte register of @vc whose bits all are of the wanted kind. */
static int find_reg(struct vconfig *vc, const char *kind)
{
	unsigned int off, b;

	for (off = 0; off < vconfig_cfg_size(vc); off += 4) {
		unsigned int virt = 0, inv = 0, wr = 0, own;
		int idx, first;

		vconfig_owner(vc, off, &first);
		own = vconfig_owner(vc, off, NULL);
		for (b = 0; b < 4; b++) {
			vconfig_owner(vc, off + b, &idx);
			if (idx != first)
				break;
			virt += __builtin_popcount(vconfig_class_mask(vc, VCONFIG_CLASS_VIRT, off + b));
			inv += __builtin_popcount(vconfig_class_mask(vc, VCONFIG_CLASS_INVARIANT, off + b));
			wr += __builtin_popcount(vconfig_class_mask(vc, VCONFIG_CLASS_WRITE, off + b));
		}
		if (b < 4 || own == VCONFIG_OWNER_HIDDEN)
			continue;
		if (!strcmp(kind, "virtual") && virt == 32 && wr == 32 &&
		    own == VCONFIG_OWNER_CAP)
			return off;
		if (!strcmp(kind, "hardware") && !virt && !inv && wr &&
		    own == VCONFIG_OWNER_CAP)
			return off;
		if (!strcmp(kind, "invariant") && inv == 32)
			return off;
		if (!strcmp(kind, "mixed") && virt && virt < 32 && wr && off >= 0x40)
			return off;
	}
	return -1;
}

static void row(const char *profile, const char *figure, int off, double ns,
		double limit)
{
	char where[16] = "";

	if (off >= 0)
		snprintf(where, sizeof(where), "0x%03x", off);
	printf("%-8s %-22s %-6s %10.1f %10.1f %8.1f\n", profile, figure, where, ns,
	       limit, ns / limit);
}

static struct vconfig *bench_create(const struct vconfig_dump_device *dev,
				     u32 flags,
				     const struct vconfig_backend_ops *ops)
{
	struct vconfig_config cfg = { 0 };
	struct vconfig *vc;
	int ret;

	memset(hw, 0, sizeof(hw));
	memcpy(hw, dev->config, dev->cfg_size);
	cfg.ops = ops;
	cfg.priv = hw;
	cfg.cfg_size = dev->cfg_size > VCONFIG_CFG_SIZE_PCI ? VCONFIG_CFG_SIZE_PCIE :
							      VCONFIG_CFG_SIZE_PCI;
	memcpy(cfg.region, dev->region, sizeof(cfg.region));
	cfg.flags = flags;
	ret = vconfig_create(&cfg, &vc);
	if (ret) {
		fprintf(stderr, "bench-engine: vconfig_create: %d\n", ret);
		return NULL;
	}
	return vc;
}

/* The full reads: 256 bytes, and 4 KiB for an extended space. */
static void bench_full_reads(struct vconfig *vc, const char *profile,
			     const char *suffix)
{
	char figure[32];

	snprintf(figure, sizeof(figure), "read-256%s", suffix);
	row(profile, figure, -1, time_op(vc, OP_READ_ALL, 0, 256, 20000),
	    time_memcpy(256, 200000));
	if (vconfig_cfg_size(vc) != VCONFIG_CFG_SIZE_PCIE)
		return;
	snprintf(figure, sizeof(figure), "read-4096%s", suffix);
	row(profile, figure, -1, time_op(vc, OP_READ_ALL, 0, 4096, 2000),
	    time_memcpy(4096, 20000));
}

static int bench_profile(const struct vconfig_dump_device *dev, u32 flags,
			 const char *profile)
{
	static const char *const kinds[] = { "virtual", "hardware", "invariant", "mixed" };
	struct vconfig *vc;
	unsigned int k;
	char figure[32];
	double m4 = time_memcpy(4, 2000000);

	vc = bench_create(dev, flags, &array_ops);
	if (!vc)
		return 1;
	for (k = 0; k < 4; k++) {
		int off = find_reg(vc, kinds[k]);

		if (off < 0) {
			printf("%-8s %-22s (no such register)\n", profile, kinds[k]);
			continue;
		}
		snprintf(figure, sizeof(figure), "read-%s", kinds[k]);
		row(profile, figure, off, time_op(vc, OP_READ4, off, 4, 200000), m4);
		if (!strcmp(kinds[k], "invariant"))
			continue;
		snprintf(figure, sizeof(figure), "write-%s", kinds[k]);
		row(profile, figure, off, time_op(vc, OP_WRITE4, off, 4, 200000), m4);
	}
	bench_full_reads(vc, profile, "");
	vconfig_destroy(vc);

	vc = bench_create(dev, flags, &array_dword_ops);
	if (!vc)
		return 1;
	bench_full_reads(vc, profile, "-dwords");
	vconfig_destroy(vc);
	return 0;
}

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : "samples/intel-82576.lspci";
	struct vconfig_dump dump;
	char err[256];
	int ret;

	if (vconfig_dump_load(path, &dump, err, sizeof(err))) {
		fprintf(stderr, "bench-engine: %s\n", err);
		return 1;
	}
	if (!dump.nr_dev) {
		fprintf(stderr, "bench-engine: %s: no device\n", path);
		return 1;
	}
	printf("%-8s %-22s %-6s %10s %10s %8s\n", "profile", "figure", "offset",
	       "engine ns", "memcpy ns", "ratio");
	ret = bench_profile(&dump.dev[0], 0, "default");
	ret |= bench_profile(&dump.dev[0], VCONFIG_F_STRICT, "strict");
	vconfig_dump_free(&dump);
	return ret;
}
