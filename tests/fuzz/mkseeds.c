// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Seed corpus of the engine fuzz target: every type-0 function of the
 * lspci dumps given, and crafted hostile spaces (capability loops, bad
 * pointers, capabilities past the end, broken extended headers, MSI-X in
 * missing BARs or over its PBA, a 64-bit BAR in slot 5, odd BAR sizes),
 * and spaces that reach engine paths the corpus does not (length rules of
 * every capability family, VPD handshakes, PM states, the ROM, BARs too
 * large for their kind). Each space gets a few access sequences. The
 * crafted spaces are laid out with the configuration images of
 * tests/hostile/image.h, then given the broken pointers they test.
 *
 *   mkseeds OUTDIR [DUMP...]
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vconfig/access.h>
#include <vconfig/fuzz.h>
#include "tests/hostile/image.h"

static const char *outdir;
static unsigned int nr_seeds;
static struct vconfig_fuzz_op ops[VCONFIG_FUZZ_MAX_OPS];

static void op(struct vconfig_fuzz_input *in, enum vconfig_fuzz_op_kind kind,
	       unsigned int off, unsigned int size, u64 value)
{
	struct vconfig_fuzz_op *o;

	if (in->nr_ops >= VCONFIG_FUZZ_MAX_OPS)
		return;
	o = &ops[in->nr_ops++];
	o->kind = kind;
	o->offset = off;
	o->size = size;
	o->value = value;
	o->ok = true;
}

/* Accesses: every BAR sized, all ones then zeros over the space, reset. */
static void ops_sweep(struct vconfig_fuzz_input *in, unsigned int start, u32 pattern)
{
	unsigned int r, off;

	in->ops = ops;
	in->nr_ops = 0;
	for (r = 0; r < VCONFIG_NR_REGIONS; r++)
		op(in, VCONFIG_FUZZ_SIZE_BAR, r, 0, 0);
	for (off = start; off < start + 0x100 && off < in->cfg_size; off += 4)
		op(in, VCONFIG_FUZZ_WRITE, off, 4, pattern);
	op(in, VCONFIG_FUZZ_VPD_COMPLETE, 0, 0, 0x12345678);
	op(in, VCONFIG_FUZZ_RESET, 0, 0, 0);
	op(in, VCONFIG_FUZZ_READ, 0, 8, 0);
}

/* Accesses: byte and word writes, pokes of status, reads past the end. */
static void ops_mixed(struct vconfig_fuzz_input *in)
{
	unsigned int off;

	in->ops = ops;
	in->nr_ops = 0;
	op(in, VCONFIG_FUZZ_WRITE, PCI_COMMAND, 2, 0x0547);
	op(in, VCONFIG_FUZZ_POKE, PCI_STATUS + 1, 0, 0xf9);
	op(in, VCONFIG_FUZZ_WRITE, PCI_STATUS, 2, 0x8100);
	op(in, VCONFIG_FUZZ_WRITE, PCI_BASE_ADDRESS_0, 4, 0xfebf0000);
	for (off = 0x40; off < 0x100 && in->nr_ops < 100; off += 2) {
		op(in, VCONFIG_FUZZ_WRITE, off, 2, 0xffff);
		op(in, VCONFIG_FUZZ_WRITE, off + 1, 1, 0x00);
	}
	op(in, VCONFIG_FUZZ_VPD_COMPLETE, 0, 0, 0xdeadbeef);
	op(in, VCONFIG_FUZZ_READ, in->cfg_size - 2, 4, 0);
	op(in, VCONFIG_FUZZ_WRITE, in->cfg_size - 1, 2, 0xffff);
	op(in, VCONFIG_FUZZ_READ, 0x3e, 6, 0);
	op(in, VCONFIG_FUZZ_RESET, 0, 0, 0);
}

static void emit(const char *name, const struct vconfig_fuzz_input *in)
{
	static u8 buf[65536];
	char path[1024];
	long n = vconfig_fuzz_encode(in, buf, sizeof(buf));
	FILE *f;

	if (n < 0) {
		fprintf(stderr, "mkseeds: %s does not fit\n", name);
		exit(1);
	}
	snprintf(path, sizeof(path), "%s/%s", outdir, name);
	f = fopen(path, "wb");
	if (!f || fwrite(buf, 1, n, f) != (size_t)n || fclose(f)) {
		perror(path);
		exit(1);
	}
	nr_seeds++;
}

static void emit_all(const char *name, struct vconfig_fuzz_input *in)
{
	char n[512];

	ops_sweep(in, 0, 0xffffffff);
	snprintf(n, sizeof(n), "%s.ones", name);
	emit(n, in);
	ops_mixed(in);
	snprintf(n, sizeof(n), "%s.mixed", name);
	emit(n, in);
	if (in->cfg_size == VCONFIG_CFG_SIZE_PCIE) {
		ops_sweep(in, 0x100, 0xffffffff);
		snprintf(n, sizeof(n), "%s.ext", name);
		emit(n, in);
	}
}

/* The crafted space being built; emit_space() hands it to the seed. */
static struct cfg_image img;

/*
 * A type-0 endpoint (image_init()) with BAR0 (16 KiB, 64-bit), BAR2 (I/O
 * 32 bytes) and a Status error bit to clear.
 */
static void base(struct vconfig_fuzz_input *in, unsigned int cfg_size)
{
	memset(in, 0, sizeof(*in));
	memset(&img, 0, sizeof(img));
	in->cfg_size = cfg_size;
	image_init(&img, cfg_size);
	image_set(&img, PCI_STATUS, 2,
		  image_get(&img, PCI_STATUS, 2) | PCI_STATUS_PARITY);
	image_bar(&img, 0, PCI_BASE_ADDRESS_MEM_TYPE_64);
	image_bar(&img, 2, PCI_BASE_ADDRESS_SPACE_IO);
	in->region[0].size = 0x4000;
	in->region[2].size = 32;
}

/* Point the next field of the standard capability at @pos to @next. */
static void cap_next(unsigned int pos, u8 next)
{
	img.cfg[pos + PCI_CAP_LIST_NEXT] = next;
}

/* A capability list whose pointer is @ptr, whatever lies there. */
static void cap_list(u8 ptr)
{
	img.cfg[PCI_CAPABILITY_LIST] = ptr;
	img.cfg[PCI_STATUS] |= PCI_STATUS_CAP_LIST;
}

static void msi64(unsigned int pos)
{
	image_msi(&img, pos, PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT | 0x0a);
}

/* PCI Express v2 with FLR and every Device Status error bit set. */
static void pcie(unsigned int pos)
{
	image_exp(&img, pos, 2, PCI_EXP_DEVCAP_FLR);
	image_set(&img, pos + PCI_EXP_DEVSTA, 2, 0xf);
}

/* The crafted space, with the usual access sequences. */
static void emit_space(const char *name, struct vconfig_fuzz_input *in)
{
	memcpy(in->config, img.cfg, sizeof(in->config));
	emit_all(name, in);
}

/* One space with a sequence of its own, besides the usual ones. */
static void emit_with(const char *name, struct vconfig_fuzz_input *in,
		      void (*sequence)(struct vconfig_fuzz_input *in))
{
	char n[512];

	emit_space(name, in);
	in->ops = ops;
	in->nr_ops = 0;
	sequence(in);
	snprintf(n, sizeof(n), "%s.seq", name);
	emit(n, in);
}

/* VPD at 0x48: read, write, a failed completion, one with none pending. */
static void seq_vpd(struct vconfig_fuzz_input *in)
{
	op(in, VCONFIG_FUZZ_VPD_COMPLETE, 0, 0, 0x11111111);
	op(in, VCONFIG_FUZZ_WRITE, 0x48 + PCI_VPD_ADDR, 2, 0x0010);
	op(in, VCONFIG_FUZZ_READ, 0x48, 8, 0);
	op(in, VCONFIG_FUZZ_VPD_COMPLETE, 0, 0, 0xcafef00d);
	op(in, VCONFIG_FUZZ_READ, 0x48, 8, 0);
	op(in, VCONFIG_FUZZ_WRITE, 0x48 + PCI_VPD_DATA, 4, 0x01020304);
	op(in, VCONFIG_FUZZ_WRITE, 0x48 + PCI_VPD_ADDR, 2, PCI_VPD_ADDR_F | 0x20);
	op(in, VCONFIG_FUZZ_VPD_COMPLETE, 0, 0, 0);
	op(in, VCONFIG_FUZZ_WRITE, 0x48 + PCI_VPD_ADDR, 2, PCI_VPD_ADDR_F | 0x24);
	ops[in->nr_ops - 1].ok = true;
	op(in, VCONFIG_FUZZ_VPD_COMPLETE, 0, 0, 0);
	ops[in->nr_ops - 1].ok = false;
	op(in, VCONFIG_FUZZ_WRITE, 0x48 + PCI_VPD_ADDR, 2, 0x7ffc);
	op(in, VCONFIG_FUZZ_RESET, 0, 0, 0);
	op(in, VCONFIG_FUZZ_VPD_COMPLETE, 0, 0, 0x22222222);
}

/* PM at 0x40 with D1 and D2: every state, back to D0, a reserved state. */
static void seq_pm(struct vconfig_fuzz_input *in)
{
	unsigned int state;

	for (state = 0; state < 4; state++) {
		op(in, VCONFIG_FUZZ_WRITE, 0x40 + PCI_PM_CTRL, 2, state);
		op(in, VCONFIG_FUZZ_WRITE, 0x40 + PCI_PM_CTRL, 2, 0);
	}
	op(in, VCONFIG_FUZZ_WRITE, 0x40 + PCI_PM_CTRL, 1, 2);
	op(in, VCONFIG_FUZZ_WRITE, 0x40 + PCI_PM_CTRL, 1, 1);
	op(in, VCONFIG_FUZZ_WRITE, 0x40 + PCI_PM_CTRL, 4, 0x8103);
	op(in, VCONFIG_FUZZ_WRITE, 0x40 + PCI_PM_PMC, 2, 0xffff);
	op(in, VCONFIG_FUZZ_RESET, 0, 0, 0);
}

/* The ROM and BARs moved with decoding off and on, the ROM enabled. */
static void seq_rom(struct vconfig_fuzz_input *in)
{
	op(in, VCONFIG_FUZZ_WRITE, PCI_ROM_ADDRESS, 4, 0xfff80000);
	op(in, VCONFIG_FUZZ_WRITE, PCI_COMMAND, 2, PCI_COMMAND_MEMORY);
	op(in, VCONFIG_FUZZ_WRITE, PCI_ROM_ADDRESS, 4, 0xfff80001);
	op(in, VCONFIG_FUZZ_SIZE_BAR, VCONFIG_ROM_BAR, 0, 0);
	op(in, VCONFIG_FUZZ_WRITE, PCI_ROM_ADDRESS, 4, 0xfff80000);
	op(in, VCONFIG_FUZZ_WRITE, PCI_BASE_ADDRESS_0, 4, 0xfe000000);
	op(in, VCONFIG_FUZZ_WRITE, PCI_BASE_ADDRESS_1, 4, 0x1);
	op(in, VCONFIG_FUZZ_WRITE, PCI_BASE_ADDRESS_2, 4, 0xe000);
	op(in, VCONFIG_FUZZ_WRITE, PCI_COMMAND, 2, PCI_COMMAND_IO);
	op(in, VCONFIG_FUZZ_WRITE, PCI_BASE_ADDRESS_2, 4, 0xe100);
	op(in, VCONFIG_FUZZ_WRITE, PCI_COMMAND, 2, 0);
	op(in, VCONFIG_FUZZ_WRITE, PCI_ROM_ADDRESS, 4, 0xfff00001);
	op(in, VCONFIG_FUZZ_RESET, 0, 0, 0);
}

static void crafted(void)
{
	struct vconfig_fuzz_input in;

	base(&in, 256);
	image_pm(&img, 0x40, 0, 0);
	cap_next(0x40, 0x40);
	emit_space("std-self-loop", &in);

	base(&in, 256);
	image_pm(&img, 0x40, 0, 0);
	msi64(0x50);
	pcie(0x70);
	cap_next(0x70, 0x50);
	emit_space("std-loop", &in);

	base(&in, 256);
	cap_list(0xff);
	emit_space("std-ptr-ff", &in);

	base(&in, 256);
	image_pm(&img, 0x40, 0, 0);
	cap_next(0x40, 0xff);
	emit_space("std-next-ff", &in);

	base(&in, 256);
	cap_list(0x20);
	emit_space("std-ptr-low", &in);

	base(&in, 256);
	image_vpd(&img, 0x40);
	cap_next(0x40, 0x3c);
	emit_space("std-next-low", &in);

	base(&in, 256);
	image_pm(&img, 0x40, 0, 0);
	cap_next(0x40, 0x42);
	emit_space("std-misaligned", &in);

	base(&in, 256);
	image_pm(&img, 0x40, 0, 0);
	msi64(0xf4);
	pcie(0xfc);
	emit_space("std-past-end", &in);

	base(&in, 256);
	image_cap(&img, 0x40, PCI_CAP_ID_VNDR);
	img.cfg[0x40 + PCI_CAP_FLAGS] = 0xf0;	/* a length running to 0x130 */
	image_vpd(&img, 0x48);
	emit_space("std-vendor-long", &in);

	base(&in, 4096);
	pcie(0x40);
	image_aer(&img, 0x100);
	image_ecap_next(&img, 0x100, 0x100);
	emit_space("ext-self-loop", &in);

	base(&in, 4096);
	pcie(0x40);
	image_aer(&img, 0x100);
	image_ecap(&img, 0x148, PCI_EXT_CAP_ID_DSN, 1);
	image_ecap(&img, 0x200, PCI_EXT_CAP_ID_MCAST, 1);
	image_ecap_next(&img, 0x200, 0x100);
	emit_space("ext-loop", &in);

	base(&in, 4096);
	pcie(0x40);
	image_set(&img, 0x100, 4, 0xffffffff);
	emit_space("ext-ones-head", &in);

	base(&in, 4096);
	pcie(0x40);
	image_ecap(&img, 0x100, PCI_EXT_CAP_ID_DSN, 1);
	image_ecap_next(&img, 0x100, 0x200);
	image_set(&img, 0x200, 4, 0xffffffff);
	emit_space("ext-ones-second", &in);

	base(&in, 4096);
	pcie(0x40);
	image_ecap(&img, 0x100, PCI_EXT_CAP_ID_MCAST, 1);
	image_ecap(&img, 0x180, PCI_EXT_CAP_ID_ERR, 1);
	image_ecap(&img, 0xffc, PCI_EXT_CAP_ID_DSN, 1);
	image_ecap_next(&img, 0xffc, 0x0f2);
	emit_space("ext-hidden-head", &in);

	/* AER at 0x104, inside the vendor-specific header at 0x100 */
	base(&in, 4096);
	pcie(0x40);
	image_ecap(&img, 0x100, PCI_EXT_CAP_ID_VNDR, 1);
	image_ecap(&img, 0x104, PCI_EXT_CAP_ID_ERR, 1);
	emit_space("ext-overlap", &in);

	base(&in, 256);
	image_msix(&img, 0x40, 7, 3, 3 | 0x800);
	emit_space("msix-missing-bar", &in);

	base(&in, 256);
	image_msix(&img, 0x40, 7, 0, 0x40);
	emit_space("msix-over-pba", &in);

	base(&in, 256);
	image_msix(&img, 0x40, 7, 7, 6);
	msi64(0x50);
	emit_space("msix-bir-7", &in);

	base(&in, 256);
	image_bar(&img, 5, PCI_BASE_ADDRESS_MEM_TYPE_64);
	in.region[5].size = 0x1000;
	emit_space("bar5-64bit", &in);

	base(&in, 256);
	in.region[0].size = 0x3000;
	in.region[2].size = 24;
	in.region[VCONFIG_ROM_BAR].size = 0x5000;
	emit_space("bar-odd-sizes", &in);

	base(&in, 256);
	in.raw_regions = true;
	in.region[0].flags = VCONFIG_REGION_IO;
	in.region[1].size = 0x1000;
	in.region[2].flags = VCONFIG_REGION_MEM64;
	image_bar(&img, 4, 0x6);
	in.region[4].size = 0x100;
	emit_space("bar-kind-mismatch", &in);

	base(&in, 256);
	image_pm(&img, 0x40, PCI_PM_CAP_D1 | PCI_PM_CAP_PME_MASK | 3, 0);
	image_vpd(&img, 0x48);
	image_af(&img, 0x50, PCI_AF_CAP_TP | PCI_AF_CAP_FLR);
	image_vpd(&img, 0x58);
	msi64(0x60);
	image_pcix(&img, 0x80, 0);
	emit_space("std-actions", &in);

	base(&in, 256);
	image_pm(&img, 0x40, PCI_PM_CAP_D1 | PCI_PM_CAP_D2 | 3, 0);
	image_vpd(&img, 0x48);
	emit_with("std-pm-vpd", &in, seq_vpd);
	in.ops = ops;
	in.nr_ops = 0;
	seq_pm(&in);
	emit("std-pm-vpd.pm", &in);
	vconfig_put16(in.config, 0x40 + PCI_PM_PMC, PCI_PM_CAP_D1 | 3);
	emit("std-pm-no-d2.pm", &in);

	base(&in, 256);
	in.region[VCONFIG_ROM_BAR].size = 0x80000;
	emit_with("rom", &in, seq_rom);

	/* MSI with the reserved Multiple Message Capable values 6 and 7. */
	base(&in, 256);
	image_msi(&img, 0x40, 7 << 1);
	image_msi(&img, 0x50, PCI_MSI_FLAGS_MASKBIT | 6 << 1);
	emit_space("msi-mmc-reserved", &in);

	/* Hidden standard capabilities of fixed, derived or unknown length. */
	base(&in, 256);
	image_cap(&img, 0x40, PCI_CAP_ID_SLOTID);
	image_cap(&img, 0x44, PCI_CAP_ID_CHSWP);
	image_cap(&img, 0x48, PCI_CAP_ID_DBG);
	image_cap(&img, 0x4c, PCI_CAP_ID_SHPC);
	image_cap(&img, 0x54, PCI_CAP_ID_SSVID);
	image_cap(&img, 0x5c, PCI_CAP_ID_SATA);
	img.cfg[0x5c + PCI_SATA_REGS] = PCI_SATA_REGS_INLINE;
	image_cap(&img, 0x70, PCI_CAP_ID_SATA);
	image_cap(&img, 0x80, PCI_CAP_ID_MSI);
	image_cap(&img, 0x90, 0x7f);	/* an ID no specification defines */
	emit_space("std-hidden-lengths", &in);

	/*
	 * Extended capabilities whose length a register gives: ACS with an
	 * egress control vector of 256 bits, TPH with its ST table inside,
	 * VC with VC and port arbitration tables, Resizable BAR, DPA.
	 */
	base(&in, 4096);
	pcie(0x40);
	image_ecap(&img, 0x100, PCI_EXT_CAP_ID_ACS, 1);
	image_set(&img, 0x100 + PCI_ACS_CAP, 2, PCI_ACS_EC);
	image_ecap(&img, 0x140, PCI_EXT_CAP_ID_TPH, 1);
	image_set(&img, 0x140 + PCI_TPH_CAP, 4, PCI_TPH_LOC_CAP | 7 << PCI_TPH_CAP_ST_SHIFT);
	image_ecap(&img, 0x180, PCI_EXT_CAP_ID_VC, 1);
	image_set(&img, 0x180 + PCI_VC_PORT_CAP1, 4, 1);
	image_set(&img, 0x180 + PCI_VC_PORT_CAP2, 4, 4u << 24);
	image_set(&img, 0x180 + PCI_VC_RES_CAP, 4, 8u << 24);
	image_ecap(&img, 0x400, PCI_EXT_CAP_ID_REBAR, 1);
	image_set(&img, 0x400 + PCI_REBAR_CTRL, 4, 2 << PCI_REBAR_CTRL_NBAR_SHIFT);
	image_ecap(&img, 0x440, PCI_EXT_CAP_ID_DPA, 1);
	image_set(&img, 0x440 + PCI_DPA_CAP, 4, 5);
	image_ecap(&img, 0x480, PCI_EXT_CAP_ID_ACS, 1);
	image_set(&img, 0x480 + PCI_ACS_CAP, 2, PCI_ACS_EC | 40 << 8);
	image_ecap(&img, 0x4c0, PCI_EXT_CAP_ID_TPH, 1);
	image_ecap(&img, 0x500, PCI_EXT_CAP_ID_ACS, 1);
	image_ecap(&img, 0x540, PCI_EXT_CAP_ID_REBAR, 1);
	image_set(&img, 0x540 + PCI_REBAR_CTRL, 4, 7 << PCI_REBAR_CTRL_NBAR_SHIFT);
	emit_space("ext-lengths", &in);

	base(&in, 256);
	in.engine_flags = VCONFIG_F_NO_INTX;
	emit_space("no-intx", &in);

	/* BARs too large for their kind, as a front-end might say. */
	base(&in, 256);
	in.raw_regions = true;
	in.region[0].size = 0x100000000ull;
	in.region[0].flags = VCONFIG_REGION_MEM64;
	in.region[2].size = 0x200000000ull;
	in.region[2].flags = VCONFIG_REGION_IO;
	in.region[3].size = 0x100000000ull;
	emit_space("bar-too-large", &in);

	base(&in, 256);
	image_set(&img, PCI_VENDOR_ID, 2, 0xffff);
	emit_space("absent", &in);

	base(&in, 256);
	img.cfg[PCI_HEADER_TYPE] = 1;
	emit_space("bridge", &in);
}

static void from_dump(const char *path)
{
	struct vconfig_fuzz_input in;
	struct vconfig_dump dump;
	const char *slash = strrchr(path, '/');
	unsigned int i;
	char err[256], name[512];

	if (vconfig_dump_load(path, &dump, err, sizeof(err))) {
		fprintf(stderr, "mkseeds: %s\n", err);
		return;
	}
	for (i = 0; i < dump.nr_dev; i++) {
		const struct vconfig_dump_device *d = &dump.dev[i];

		memset(&in, 0, sizeof(in));
		in.cfg_size = d->cfg_size >= VCONFIG_CFG_SIZE_PCIE ?
			      VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI;
		memcpy(in.config, d->config, d->cfg_size < in.cfg_size ?
		       d->cfg_size : in.cfg_size);
		memcpy(in.region, d->region, sizeof(in.region));
		snprintf(name, sizeof(name), "dump-%s-%u", slash ? slash + 1 : path, i);
		emit_all(name, &in);
	}
	vconfig_dump_free(&dump);
}

int main(int argc, char **argv)
{
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: mkseeds OUTDIR [DUMP...]\n");
		return 2;
	}
	outdir = argv[1];
	crafted();
	for (i = 2; i < argc; i++)
		from_dump(argv[i]);
	printf("%u seeds in %s\n", nr_seeds, outdir);
	return 0;
}
