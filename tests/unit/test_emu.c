// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * emu: the model keeps read-only bits, takes read-write bits, clears
 * write-1-to-clear bits, sizes BARs like hardware, logs every write and
 * survives hostile capability chains. Also the read-only snapshot backend.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <vconfig/access.h>
#include <vconfig/emu.h>
#include "check_main.h"

#define PM	0x40
#define MSI	0x50
#define MSIX	0x70
#define EXP	0x80
#define VPD	0xc0
#define AF	0xd0
#define AER	0x100
#define ACS	0x140

/*
 * A PCIe endpoint: BAR0 32-bit 16K, BAR1 I/O 32, BAR2/3 64-bit prefetchable
 * 256M, BAR4 unimplemented (size 0), BAR5 a 64-bit BAR in the last slot,
 * ROM 128K; PM (D1 but not D2), MSI 64-bit maskable 8 vectors, MSI-X,
 * PCIe v2, VPD, AF, then AER (ECRC generation capable only) and ACS.
 */
static void build_device(u8 *c, struct vconfig_region_desc *region)
{
	memset(c, 0, VCONFIG_CFG_SIZE_PCIE);
	memset(region, 0, sizeof(*region) * VCONFIG_NR_REGIONS);
	vconfig_put32(c, 0x00, 0x56781234);
	vconfig_put16(c, PCI_STATUS, PCI_STATUS_CAP_LIST);
	vconfig_put32(c, 0x08, 0x02000001);
	vconfig_put32(c, 0x10, 0xfe000000);
	region[0].size = 16 << 10;
	vconfig_put32(c, 0x14, 0x0000e001);
	region[1].size = 32;
	vconfig_put32(c, 0x18, 0x0000000c);
	vconfig_put32(c, 0x1c, 0x00000008);
	region[2].size = 256 << 20;
	vconfig_put32(c, 0x20, 0xfd000000);
	vconfig_put32(c, 0x24, 0x00000004);
	region[5].size = 4096;
	vconfig_put32(c, 0x2c, 0xabcd1234);
	vconfig_put32(c, 0x30, 0xfe800000);
	region[VCONFIG_ROM_BAR].size = 128 << 10;
	c[0x34] = PM;
	c[0x3c] = 0x0b;
	c[0x3d] = 0x01;

	c[PM] = PCI_CAP_ID_PM;
	c[PM + 1] = MSI;
	vconfig_put16(c, PM + 2, 0x0003 | PCI_PM_CAP_D1);
	c[MSI] = PCI_CAP_ID_MSI;
	c[MSI + 1] = MSIX;
	vconfig_put16(c, MSI + 2, PCI_MSI_FLAGS_MASKBIT | PCI_MSI_FLAGS_64BIT | (3 << 1));
	vconfig_put32(c, MSI + 4, 0xfee00003);
	vconfig_put32(c, MSI + 0x14, 0x5);		/* pending */
	c[MSIX] = PCI_CAP_ID_MSIX;
	c[MSIX + 1] = EXP;
	vconfig_put16(c, MSIX + 2, 7);
	vconfig_put32(c, MSIX + 8, 0x800);
	c[EXP] = PCI_CAP_ID_EXP;
	c[EXP + 1] = VPD;
	vconfig_put16(c, EXP + 2, 0x0002);
	vconfig_put32(c, EXP + 4, PCI_EXP_DEVCAP_FLR);
	vconfig_put16(c, EXP + PCI_EXP_DEVCTL, 0x8010);	/* FLR bit as captured */
	c[VPD] = PCI_CAP_ID_VPD;
	c[VPD + 1] = AF;
	c[AF] = PCI_CAP_ID_AF;
	c[AF + 2] = 6;
	c[AF + 3] = PCI_AF_CAP_TP | PCI_AF_CAP_FLR;
	c[AF + 4] = PCI_AF_CTRL_FLR;

	vconfig_put32(c, AER, PCI_EXT_CAP_ID_ERR | 2 << 16 | (u32)ACS << 20);
	vconfig_put32(c, AER + PCI_ERR_CAP, PCI_ERR_CAP_ECRC_GENC);
	vconfig_put32(c, ACS, PCI_EXT_CAP_ID_ACS | 1 << 16);
	vconfig_put16(c, ACS + 4, 0x001f);
}

static struct vconfig_emu *emu;
static u8 cfg[VCONFIG_CFG_SIZE_PCIE];
static struct vconfig_region_desc regions[VCONFIG_NR_REGIONS];

static void setup(void)
{
	build_device(cfg, regions);
	ck_assert_int_eq(vconfig_emu_create(cfg, sizeof(cfg), regions, &emu), 0);
}

static void teardown(void)
{
	vconfig_emu_destroy(emu);
	emu = NULL;
}

static u32 rd(unsigned int off, unsigned int size)
{
	u32 val = 0xdeadbeef;

	ck_assert_int_eq(vconfig_emu_ops.read(emu, off, size, &val), 0);
	return val;
}

static void wr(unsigned int off, unsigned int size, u32 val)
{
	ck_assert_int_eq(vconfig_emu_ops.write(emu, off, size, val), 0);
}

/* Write @val and return what reads back. */
static u32 wr_rd(unsigned int off, unsigned int size, u32 val)
{
	wr(off, size, val);
	return rd(off, size);
}

START_TEST(test_create_arguments)
{
	struct vconfig_emu *e = (void *)1;

	ck_assert_int_eq(vconfig_emu_create(cfg, 100, regions, &e), -EINVAL);
	ck_assert_ptr_null(e);
	ck_assert_int_eq(vconfig_emu_create(NULL, 256, regions, &e), -EINVAL);
	ck_assert_int_eq(vconfig_emu_create(cfg, 256, regions, NULL), -EINVAL);
	/* A 32-bit BAR cannot decode 4G; a 64-bit one can. */
	regions[0].size = 1ULL << 32;
	ck_assert_int_eq(vconfig_emu_create(cfg, 256, regions, &e), -EINVAL);
	regions[0].size = 16 << 10;
	regions[2].size = 8ULL << 30;
	ck_assert_int_eq(vconfig_emu_create(cfg, 256, regions, &e), 0);
	ck_assert_uint_eq(vconfig_emu_cfg_size(e), 256);
	vconfig_emu_destroy(e);
	/* No regions: every BAR and the ROM unimplemented. */
	ck_assert_int_eq(vconfig_emu_create(cfg, 64, NULL, &e), 0);
	for (unsigned int off = 0x10; off < 0x28; off++)
		ck_assert_uint_eq(vconfig_emu_bytes(e)[off], 0);
	ck_assert_uint_eq(vconfig_emu_bytes(e)[0x32], 0);
	vconfig_emu_destroy(e);
}
END_TEST

START_TEST(test_access_rules)
{
	u32 val;

	ck_assert_int_eq(vconfig_emu_ops.read(emu, 1, 2, &val), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.read(emu, 2, 4, &val), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.read(emu, 0, 3, &val), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.read(emu, 0, 8, &val), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.read(emu, 4096, 1, &val), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.read(emu, 4092, 4, &val), 0);
	ck_assert_int_eq(vconfig_emu_ops.write(emu, 0x05, 2, 0), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.write(emu, 0x04, 0, 0), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.write(emu, 4096, 4, 0), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.write(emu, 0xfffffffc, 4, 0), -EINVAL);
	ck_assert_uint_eq(vconfig_emu_nr_writes(emu), 0);
}
END_TEST

/* read_bulk: whole dwords inside the space, the model's bytes as they are. */
START_TEST(test_read_bulk)
{
	u8 buf[VCONFIG_CFG_SIZE_PCIE];

	ck_assert_int_eq(vconfig_emu_ops.read_bulk(emu, 2, 4, buf), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.read_bulk(emu, 0, 6, buf), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.read_bulk(emu, 4092, 8, buf), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.read_bulk(emu, 0xfffffffc, 8, buf), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.read_bulk(emu, 0, sizeof(buf), buf), 0);
	ck_assert_mem_eq(buf, vconfig_emu_bytes(emu), sizeof(buf));
	ck_assert_int_eq(vconfig_emu_ops.read_bulk(emu, 0x40, 8, buf), 0);
	ck_assert_uint_eq(vconfig_get_le(buf + 4, 4), rd(0x44, 4));
}
END_TEST

START_TEST(test_small_space)
{
	struct vconfig_emu *e;
	u32 val;

	ck_assert_int_eq(vconfig_emu_create(cfg, 64, regions, &e), 0);
	ck_assert_int_eq(vconfig_emu_ops.read(e, 0x3c, 4, &val), 0);
	ck_assert_int_eq(vconfig_emu_ops.read(e, 0x40, 1, &val), -EINVAL);
	ck_assert_int_eq(vconfig_emu_ops.write(e, 0x40, 4, 0), -EINVAL);
	ck_assert_uint_eq(vconfig_emu_writable(e, 0x40), 0);
	vconfig_emu_destroy(e);
}
END_TEST

START_TEST(test_header_read_only)
{
	static const unsigned int ro[] = {
		0x00, 0x02, 0x08, 0x0a, 0x2c, 0x2e,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(ro); i++) {
		u32 before = rd(ro[i], 2);

		ck_assert_uint_eq(wr_rd(ro[i], 2, ~before & 0xffff), before);
	}
	ck_assert_uint_eq(wr_rd(0x0e, 1, 0xff), 0);	/* header type */
	ck_assert_uint_eq(wr_rd(0x0f, 1, 0xff), 0);	/* BIST */
	ck_assert_uint_eq(wr_rd(0x34, 1, 0x00), PM);
	ck_assert_uint_eq(wr_rd(0x3d, 1, 0x00), 1);	/* Interrupt Pin */
	ck_assert_uint_eq(wr_rd(0x3e, 2, 0xffff), 0);
}
END_TEST

START_TEST(test_command)
{
	ck_assert_uint_eq(wr_rd(PCI_COMMAND, 2, 0xffff), 0x0557);
	ck_assert_uint_eq(wr_rd(PCI_COMMAND, 2, 0x0000), 0);
	ck_assert_uint_eq(wr_rd(PCI_COMMAND, 2, PCI_COMMAND_INTX_DISABLE |
				PCI_COMMAND_SPECIAL | PCI_COMMAND_FAST_BACK),
			  PCI_COMMAND_INTX_DISABLE);
	ck_assert_uint_eq(wr_rd(PCI_COMMAND, 1, 0x07), 0x07);
	ck_assert_uint_eq(rd(PCI_COMMAND, 2), 0x0407);
	ck_assert_uint_eq(vconfig_emu_writable(emu, 0x04), 0x57);
	ck_assert_uint_eq(vconfig_emu_writable(emu, 0x05), 0x05);
}
END_TEST

START_TEST(test_status_rw1c)
{
	/* Hardware sets the error bits and the interrupt status. */
	vconfig_emu_poke(emu, 0x06, 0x18 | 0x01);
	vconfig_emu_poke(emu, 0x07, 0xf9);
	ck_assert_uint_eq(rd(PCI_STATUS, 2), 0xf919);
	ck_assert_uint_eq(wr_rd(PCI_STATUS, 2, 0x0000), 0xf919);
	ck_assert_uint_eq(wr_rd(PCI_STATUS, 2, PCI_STATUS_PARITY), 0xf819);
	ck_assert_uint_eq(wr_rd(PCI_STATUS, 2, 0x8000), 0x7819);
	/* RO bits (interrupt status, capability list, bit 0) stay. */
	ck_assert_uint_eq(wr_rd(PCI_STATUS, 2, 0xffff), 0x0019);
	ck_assert_uint_eq(vconfig_emu_rw1c(emu, 0x06), 0x00);
	ck_assert_uint_eq(vconfig_emu_rw1c(emu, 0x07), 0xf9);
	ck_assert_uint_eq(vconfig_emu_writable(emu, 0x07), 0xf9);
}
END_TEST

START_TEST(test_rw_bytes)
{
	ck_assert_uint_eq(wr_rd(PCI_CACHE_LINE_SIZE, 1, 0x10), 0x10);
	ck_assert_uint_eq(wr_rd(PCI_LATENCY_TIMER, 1, 0x40), 0x40);
	ck_assert_uint_eq(wr_rd(PCI_INTERRUPT_LINE, 1, 0x05), 0x05);
	ck_assert_uint_eq(wr_rd(0x0c, 4, 0xffffffff), 0x0000ffff);
	ck_assert_uint_eq(wr_rd(0x3c, 4, 0xffffffff), 0x000001ff);
}
END_TEST

START_TEST(test_bar_mem32)
{
	ck_assert_uint_eq(rd(0x10, 4), 0xfe000000);
	ck_assert_uint_eq(wr_rd(0x10, 4, 0xffffffff), 0xffffc000);
	ck_assert_uint_eq(wr_rd(0x10, 4, 0x12345678), 0x12344000);
	ck_assert_uint_eq(wr_rd(0x12, 2, 0xfedc), 0xfedc);
	ck_assert_uint_eq(rd(0x10, 4), 0xfedc4000);
	ck_assert_uint_eq(vconfig_emu_writable(emu, 0x10), 0x00);
	ck_assert_uint_eq(vconfig_emu_writable(emu, 0x11), 0xc0);
}
END_TEST

START_TEST(test_bar_io)
{
	ck_assert_uint_eq(rd(0x14, 4), 0x0000e001);
	ck_assert_uint_eq(wr_rd(0x14, 4, 0xffffffff), 0xffffffe1);
	ck_assert_uint_eq(wr_rd(0x14, 4, 0x00001234), 0x00001221);
	ck_assert_uint_eq(wr_rd(0x14, 4, 0), 0x00000001);
}
END_TEST

START_TEST(test_bar_mem64_prefetch)
{
	ck_assert_uint_eq(rd(0x18, 4), 0x0000000c);
	ck_assert_uint_eq(rd(0x1c, 4), 0x00000008);
	ck_assert_uint_eq(wr_rd(0x18, 4, 0xffffffff), 0xf000000c);
	ck_assert_uint_eq(wr_rd(0x1c, 4, 0xffffffff), 0xffffffff);
	ck_assert_uint_eq(wr_rd(0x18, 4, 0x2fffffff), 0x2000000c);
	ck_assert_uint_eq(wr_rd(0x1c, 4, 0x00000001), 0x00000001);
}
END_TEST

START_TEST(test_bar_mem64_large)
{
	struct vconfig_emu *e;
	u32 val;

	regions[2].size = 16ULL << 30;
	ck_assert_int_eq(vconfig_emu_create(cfg, 256, regions, &e), 0);
	ck_assert_int_eq(vconfig_emu_ops.write(e, 0x18, 4, 0xffffffff), 0);
	ck_assert_int_eq(vconfig_emu_ops.write(e, 0x1c, 4, 0xffffffff), 0);
	ck_assert_int_eq(vconfig_emu_ops.read(e, 0x18, 4, &val), 0);
	ck_assert_uint_eq(val, 0x0000000c);
	ck_assert_int_eq(vconfig_emu_ops.read(e, 0x1c, 4, &val), 0);
	ck_assert_uint_eq(val, 0xfffffffc);
	vconfig_emu_destroy(e);
}
END_TEST

START_TEST(test_bar_unimplemented)
{
	/* BAR4 had bytes but size 0; BAR5 is 64-bit in the last slot. */
	ck_assert_uint_eq(rd(0x20, 4), 0);
	ck_assert_uint_eq(rd(0x24, 4), 0);
	ck_assert_uint_eq(wr_rd(0x20, 4, 0xffffffff), 0);
	ck_assert_uint_eq(wr_rd(0x24, 4, 0xffffffff), 0);
	ck_assert_uint_eq(vconfig_emu_writable(emu, 0x23), 0);
	ck_assert_uint_eq(vconfig_emu_writable(emu, 0x27), 0);
}
END_TEST

START_TEST(test_bar_size_rounding)
{
	struct vconfig_emu *e;
	u32 val;

	regions[0].size = 5000;		/* decodes 8K */
	regions[1].size = 2;		/* I/O BARs decode at least 4 bytes */
	regions[VCONFIG_ROM_BAR].size = 100;	/* ROMs at least 2K */
	ck_assert_int_eq(vconfig_emu_create(cfg, 256, regions, &e), 0);
	vconfig_emu_ops.write(e, 0x10, 4, 0xffffffff);
	vconfig_emu_ops.read(e, 0x10, 4, &val);
	ck_assert_uint_eq(val, 0xffffe000);
	vconfig_emu_ops.write(e, 0x14, 4, 0xffffffff);
	vconfig_emu_ops.read(e, 0x14, 4, &val);
	ck_assert_uint_eq(val, 0xfffffffd);
	vconfig_emu_ops.write(e, 0x30, 4, 0xffffffff);
	vconfig_emu_ops.read(e, 0x30, 4, &val);
	ck_assert_uint_eq(val, 0xfffff801);
	vconfig_emu_destroy(e);
}
END_TEST

START_TEST(test_rom)
{
	ck_assert_uint_eq(rd(0x30, 4), 0xfe800000);
	ck_assert_uint_eq(wr_rd(0x30, 4, 0xffffffff), 0xfffe0001);
	ck_assert_uint_eq(wr_rd(0x30, 4, 0xfffffffe), 0xfffe0000);
	ck_assert_uint_eq(wr_rd(0x30, 4, 0xfe800001), 0xfe800001);
	ck_assert_uint_eq(wr_rd(0x30, 4, 0x000007fe), 0);
}
END_TEST

START_TEST(test_probe_regions)
{
	struct vconfig_region_desc found[VCONFIG_NR_REGIONS];
	u8 before[0x40];
	const struct vconfig_emu_write *w;

	wr(PCI_COMMAND, 2, PCI_COMMAND_MEMORY | PCI_COMMAND_IO | PCI_COMMAND_MASTER);
	wr(0x30, 4, 0xfe800001);
	memcpy(before, vconfig_emu_bytes(emu), sizeof(before));
	vconfig_emu_clear_log(emu);
	ck_assert_int_eq(vconfig_emu_probe_regions(emu, found), 0);

	ck_assert_uint_eq(found[0].size, 16 << 10);
	ck_assert_uint_eq(found[0].flags, 0);
	ck_assert_uint_eq(found[1].size, 32);
	ck_assert_uint_eq(found[1].flags, VCONFIG_REGION_IO);
	ck_assert_uint_eq(found[2].size, 256 << 20);
	ck_assert_uint_eq(found[2].flags,
			  VCONFIG_REGION_MEM64 | VCONFIG_REGION_PREFETCH);
	ck_assert_uint_eq(found[3].size, 0);
	ck_assert_uint_eq(found[4].size, 0);
	ck_assert_uint_eq(found[4].flags, 0);
	ck_assert_uint_eq(found[5].size, 0);
	ck_assert_uint_eq(found[VCONFIG_ROM_BAR].size, 128 << 10);

	/* Everything restored, decoding included. */
	ck_assert(!memcmp(before, vconfig_emu_bytes(emu), sizeof(before)));
	/* Decoding went off first and came back last. */
	w = vconfig_emu_write_at(emu, 0);
	ck_assert_uint_eq(w->offset, PCI_COMMAND);
	ck_assert_uint_eq(w->after, PCI_COMMAND_MASTER);
	w = vconfig_emu_write_at(emu, vconfig_emu_nr_writes(emu) - 1);
	ck_assert_uint_eq(w->offset, PCI_COMMAND);
	ck_assert_uint_eq(w->after, 0x0007);
	/* Command twice, BAR0, BAR1, BAR2+3, BAR4, BAR5, ROM: 2 writes each. */
	ck_assert_uint_eq(vconfig_emu_nr_writes(emu), 2 + 2 * 7);
}
END_TEST

/* The model of a corpus device sizes its BARs as the file says. */
static void check_corpus_probe(const char *file, const char *address)
{
	struct vconfig_region_desc found[VCONFIG_NR_REGIONS];
	const struct vconfig_dump_device *d;
	struct vconfig_dump dump;
	struct vconfig_emu *e;
	char path[512], err[256];
	unsigned int i;

	snprintf(path, sizeof(path), "%s/%s", corpus_dir(), file);
	ck_assert_int_eq(vconfig_dump_load(path, &dump, err, sizeof(err)), 0);
	d = vconfig_dump_find(&dump, address);
	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(vconfig_emu_create(d->config, d->cfg_size, d->region, &e), 0);
	ck_assert_int_eq(vconfig_emu_probe_regions(e, found), 0);
	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		ck_assert_uint_eq(found[i].size, d->region[i].size);
		if (i != VCONFIG_ROM_BAR && d->region[i].size)
			ck_assert_uint_eq(found[i].flags, d->region[i].flags);
	}
	ck_assert(!memcmp(vconfig_emu_bytes(e), d->config, 0x40));
	vconfig_emu_destroy(e);
	vconfig_dump_free(&dump);
}

START_TEST(test_probe_corpus_devices)
{
	check_corpus_probe("cap-pcie-2", "01:00.0");
	check_corpus_probe("cap-vendor-virtio", "00:09.0");
	check_corpus_probe("cap-vendor-virtio", "00:04.0");
	check_corpus_probe("cap-pasid-pri", "00:02.0");
}
END_TEST

START_TEST(test_pm)
{
	unsigned int ctrl = PM + PCI_PM_CTRL;

	ck_assert_uint_eq(wr_rd(ctrl, 2, 3), 3);	/* D3hot */
	ck_assert_uint_eq(wr_rd(ctrl, 2, 2), 3);	/* D2 not offered */
	ck_assert_uint_eq(wr_rd(ctrl, 2, 1), 1);	/* D1 offered */
	ck_assert_uint_eq(wr_rd(ctrl, 2, 0), 0);
	ck_assert_uint_eq(wr_rd(ctrl, 2, PCI_PM_CTRL_PME_ENABLE | 0x7e00),
			  PCI_PM_CTRL_PME_ENABLE);
	vconfig_emu_poke(emu, ctrl + 1, 0x81);
	ck_assert_uint_eq(wr_rd(ctrl, 2, PCI_PM_CTRL_PME_ENABLE), 0x8100);
	ck_assert_uint_eq(wr_rd(ctrl, 2, PCI_PM_CTRL_PME_STATUS), 0x0000);
	ck_assert_uint_eq(vconfig_emu_rw1c(emu, ctrl + 1), 0x80);
	ck_assert_uint_eq(wr_rd(PM + PCI_PM_PMC, 2, 0), rd(PM + 2, 2));
	ck_assert_uint_eq(rd(PM + PCI_PM_PMC, 2), 0x0203);
}
END_TEST

START_TEST(test_msi)
{
	/* 64-bit, maskable, MMC 3: mask bits for 8 vectors. */
	ck_assert_uint_eq(rd(MSI + 4, 4), 0xfee00000);
	ck_assert_uint_eq(wr_rd(MSI + 2, 2, 0xffff), 0x01f7);
	ck_assert_uint_eq(wr_rd(MSI + 2, 2, 0x0000), 0x0186);
	ck_assert_uint_eq(wr_rd(MSI + 4, 4, 0xfee01237), 0xfee01234);
	ck_assert_uint_eq(wr_rd(MSI + 8, 4, 0x12345678), 0x12345678);
	ck_assert_uint_eq(wr_rd(MSI + 0x0c, 4, 0xffffffff), 0x0000ffff);
	ck_assert_uint_eq(wr_rd(MSI + 0x10, 4, 0xffffffff), 0x000000ff);
	ck_assert_uint_eq(wr_rd(MSI + 0x14, 4, 0), 0x5);	/* pending RO */
	ck_assert_uint_eq(wr_rd(MSI, 2, 0), PCI_CAP_ID_MSI | MSIX << 8);
}
END_TEST

START_TEST(test_msi_32bit)
{
	struct vconfig_emu *e;
	u32 val;

	vconfig_put16(cfg, MSI + 2, PCI_MSI_FLAGS_MASKBIT);	/* 1 vector */
	ck_assert_int_eq(vconfig_emu_create(cfg, 256, regions, &e), 0);
	vconfig_emu_ops.write(e, MSI + 8, 4, 0xffffffff);	/* data */
	vconfig_emu_ops.read(e, MSI + 8, 4, &val);
	ck_assert_uint_eq(val, 0x0000ffff);
	vconfig_emu_ops.write(e, MSI + 0x0c, 4, 0xffffffff);	/* mask */
	vconfig_emu_ops.read(e, MSI + 0x0c, 4, &val);
	ck_assert_uint_eq(val, 0x1);
	ck_assert_uint_eq(vconfig_emu_writable(e, MSI + 0x14), 0);
	vconfig_emu_destroy(e);
}
END_TEST

START_TEST(test_msix)
{
	ck_assert_uint_eq(wr_rd(MSIX + 2, 2, 0xffff), 0xc007);
	ck_assert_uint_eq(wr_rd(MSIX + 2, 2, PCI_MSIX_FLAGS_ENABLE), 0x8007);
	ck_assert_uint_eq(wr_rd(MSIX + 4, 4, 0xffffffff), 0);
	ck_assert_uint_eq(wr_rd(MSIX + 8, 4, 0), 0x800);
}
END_TEST

START_TEST(test_pcie)
{
	/* Initiate FLR is taken but reads 0, as it did from create on. */
	ck_assert_uint_eq(rd(EXP + PCI_EXP_DEVCTL, 2), 0x0010);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_DEVCTL, 2, 0xffff), 0x7fff);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_DEVCTL, 2, 0x8000), 0x0000);
	vconfig_emu_poke(emu, EXP + PCI_EXP_DEVSTA, 0x3f);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_DEVSTA, 2, 0x0005), 0x003a);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_DEVSTA, 2, 0xffff), 0x0030);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_LNKCTL, 2, 0xffff), 0xcfdb);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_LNKCTL, 2, 0x0000), 0x0000);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_LNKSTA, 2, 0xffff), 0x0000);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_DEVCTL2, 2, 0xffff), 0xffff);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_LNKCTL2, 2, 0x1234), 0x1234);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_DEVCAP, 4, 0), PCI_EXP_DEVCAP_FLR);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_SLTCTL, 2, 0xffff), 0);
	ck_assert_uint_eq(wr_rd(EXP + PCI_EXP_DEVCAP2, 4, 0xffffffff), 0);
}
END_TEST

START_TEST(test_pcie_v1_bridge)
{
	struct vconfig_emu *e;
	u32 val;

	/* Version 1 has no DevCtl2; a PCIe-to-PCI bridge owns DevCtl bit 15. */
	vconfig_put16(cfg, EXP + 2, 0x0001 | PCI_EXP_TYPE_PCI_BRIDGE << 4);
	ck_assert_int_eq(vconfig_emu_create(cfg, 4096, regions, &e), 0);
	vconfig_emu_ops.read(e, EXP + PCI_EXP_DEVCTL, 2, &val);
	ck_assert_uint_eq(val, 0x8010);
	vconfig_emu_ops.write(e, EXP + PCI_EXP_DEVCTL2, 2, 0xffff);
	vconfig_emu_ops.read(e, EXP + PCI_EXP_DEVCTL2, 2, &val);
	ck_assert_uint_eq(val, 0);
	vconfig_emu_destroy(e);
}
END_TEST

START_TEST(test_aer)
{
	vconfig_emu_poke(emu, AER + PCI_ERR_UNCOR_STATUS, 0x30);
	vconfig_emu_poke(emu, AER + PCI_ERR_UNCOR_STATUS + 2, 0x10);
	ck_assert_uint_eq(wr_rd(AER + PCI_ERR_UNCOR_STATUS, 4, 0x10), 0x00100020);
	ck_assert_uint_eq(wr_rd(AER + PCI_ERR_UNCOR_STATUS, 4, ~0u), 0);
	vconfig_emu_poke(emu, AER + PCI_ERR_COR_STATUS, 0x41);
	ck_assert_uint_eq(wr_rd(AER + PCI_ERR_COR_STATUS, 4, 0x40), 0x01);
	ck_assert_uint_eq(wr_rd(AER + PCI_ERR_UNCOR_MASK, 4, 0x00400000), 0x00400000);
	ck_assert_uint_eq(wr_rd(AER + PCI_ERR_UNCOR_SEVER, 4, 0x00062030), 0x00062030);
	ck_assert_uint_eq(wr_rd(AER + PCI_ERR_COR_MASK, 4, 0x2000), 0x2000);
	/* Generation capable: its enable is RW; checking is not capable. */
	ck_assert_uint_eq(wr_rd(AER + PCI_ERR_CAP, 4, ~0u),
			  PCI_ERR_CAP_ECRC_GENC | PCI_ERR_CAP_ECRC_GENE);
	ck_assert_uint_eq(wr_rd(AER + PCI_ERR_CAP, 4, 0), PCI_ERR_CAP_ECRC_GENC);
	ck_assert_uint_eq(wr_rd(AER, 4, 0), rd(AER, 4));
	ck_assert_uint_eq(vconfig_emu_rw1c(emu, AER + PCI_ERR_UNCOR_STATUS), 0xff);
	ck_assert_uint_eq(vconfig_emu_rw1c(emu, AER + PCI_ERR_UNCOR_MASK), 0);
	/* ACS, next in the chain, is left read-only. */
	ck_assert_uint_eq(wr_rd(ACS + 6, 2, 0xffff), 0);
}
END_TEST

START_TEST(test_vpd)
{
	unsigned int addr = VPD + PCI_VPD_ADDR, data = VPD + PCI_VPD_DATA;

	/* Read request: completes at once, flag set, dword in data. */
	ck_assert_uint_eq(wr_rd(addr, 2, 0x0000), PCI_VPD_ADDR_F);
	ck_assert_uint_eq(rd(data, 4), 0x76000b82);	/* 82 0b 00 'v' */
	ck_assert_uint_eq(wr_rd(addr, 2, 0x0004), 0x8004);
	ck_assert_uint_eq(rd(data, 4), 0x666e6f63);	/* "conf" */
	/* Write request: data goes to VPD, flag clears. */
	wr(data, 4, 0xdeadbeef);
	ck_assert_uint_eq(wr_rd(addr, 2, 0x8100), 0x0100);
	wr(data, 4, 0);
	ck_assert_uint_eq(wr_rd(addr, 2, 0x0100), 0x8100);
	ck_assert_uint_eq(rd(data, 4), 0xdeadbeef);
	/* A dword write of header and address starts a read too. */
	ck_assert_uint_eq(wr_rd(VPD, 4, 0x00040000) >> 16, 0x8004);
	ck_assert_uint_eq(rd(VPD, 2), PCI_CAP_ID_VPD | AF << 8);
	/* Writing only the data register starts nothing. */
	wr(data, 4, 0x11111111);
	ck_assert_uint_eq(rd(addr, 2), 0x8004);
}
END_TEST

START_TEST(test_af_flr)
{
	ck_assert_uint_eq(rd(AF + PCI_AF_CTRL, 1), 0);
	ck_assert_uint_eq(wr_rd(AF + PCI_AF_CTRL, 1, PCI_AF_CTRL_FLR), 0);
	ck_assert_uint_eq(wr_rd(AF + PCI_AF_CAP, 1, 0), PCI_AF_CAP_TP | PCI_AF_CAP_FLR);
	ck_assert_uint_eq(vconfig_emu_nr_writes(emu), 2);
	ck_assert_uint_eq(vconfig_emu_write_at(emu, 0)->value, PCI_AF_CTRL_FLR);
}
END_TEST

START_TEST(test_write_log)
{
	const struct vconfig_emu_write *w;

	wr(PCI_COMMAND, 2, 0xffff);
	wr(0x10, 4, 0xffffffff);
	wr(PCI_INTERRUPT_LINE, 1, 0x1ff);
	ck_assert_uint_eq(vconfig_emu_nr_writes(emu), 3);
	w = vconfig_emu_write_at(emu, 0);
	ck_assert_uint_eq(w->offset, PCI_COMMAND);
	ck_assert_uint_eq(w->size, 2);
	ck_assert_uint_eq(w->value, 0xffff);
	ck_assert_uint_eq(w->before, 0);
	ck_assert_uint_eq(w->after, 0x0557);
	w = vconfig_emu_write_at(emu, 1);
	ck_assert_uint_eq(w->offset, 0x10);
	ck_assert_uint_eq(w->before, 0xfe000000);
	ck_assert_uint_eq(w->after, 0xffffc000);
	w = vconfig_emu_write_at(emu, 2);
	ck_assert_uint_eq(w->value, 0xff);	/* only the byte written */
	ck_assert_uint_eq(w->before, 0x0b);
	ck_assert_uint_eq(w->after, 0xff);
	ck_assert_ptr_null(vconfig_emu_write_at(emu, 3));
	vconfig_emu_clear_log(emu);
	ck_assert_uint_eq(vconfig_emu_nr_writes(emu), 0);
	ck_assert_ptr_null(vconfig_emu_write_at(emu, 0));
	/* Writes that change nothing are logged too. */
	wr(0x00, 4, 0);
	ck_assert_uint_eq(vconfig_emu_nr_writes(emu), 1);
	ck_assert_uint_eq(vconfig_emu_write_at(emu, 0)->after, 0x56781234);
}
END_TEST

START_TEST(test_masks_outside_caps)
{
	unsigned int off;

	for (off = 0xe0; off < 0x100; off++)
		ck_assert_uint_eq(vconfig_emu_writable(emu, off), 0);
	for (off = 0x180; off < 0x1000; off++)
		ck_assert_uint_eq(vconfig_emu_writable(emu, off), 0);
	ck_assert_uint_eq(vconfig_emu_writable(emu, 0x1000), 0);
	ck_assert_uint_eq(vconfig_emu_rw1c(emu, 0x5000), 0);
}
END_TEST

/* Create a model from @c and check no byte after 0x40 became writable. */
static void expect_no_caps(const u8 *c, unsigned int size)
{
	struct vconfig_emu *e;
	unsigned int off;

	ck_assert_int_eq(vconfig_emu_create(c, size, NULL, &e), 0);
	for (off = 0x40; off < size; off++)
		ck_assert_msg(!vconfig_emu_writable(e, off), "offset 0x%x", off);
	vconfig_emu_destroy(e);
}

START_TEST(test_hostile_chains)
{
	static u8 c[VCONFIG_CFG_SIZE_PCIE];
	struct vconfig_emu *e;

	memset(c, 0, sizeof(c));
	vconfig_put16(c, PCI_STATUS, PCI_STATUS_CAP_LIST);
	/* Pointers below 0x40, misaligned, and a status without Cap+. */
	c[0x34] = 0x3c;
	expect_no_caps(c, 256);
	c[0x34] = 0x41;
	c[0x41] = PCI_CAP_ID_MSIX;
	expect_no_caps(c, 256);
	c[0x34] = 0x40;
	c[0x40] = PCI_CAP_ID_MSIX;
	vconfig_put16(c, PCI_STATUS, 0);
	expect_no_caps(c, 256);
	vconfig_put16(c, PCI_STATUS, PCI_STATUS_CAP_LIST);

	/* A capability pointing at itself, and a two-node loop. */
	c[0x41] = 0x40;
	ck_assert_int_eq(vconfig_emu_create(c, 256, NULL, &e), 0);
	ck_assert_uint_eq(vconfig_emu_writable(e, 0x43), 0xc0);
	vconfig_emu_destroy(e);
	c[0x41] = 0x80;
	c[0x80] = PCI_CAP_ID_PM;
	c[0x81] = 0x40;
	ck_assert_int_eq(vconfig_emu_create(c, 256, NULL, &e), 0);
	ck_assert_uint_eq(vconfig_emu_rw1c(e, 0x85), 0x80);
	vconfig_emu_destroy(e);

	/* A capability at the very end of the space. */
	c[0x34] = 0xfc;
	c[0xfc] = PCI_CAP_ID_MSI;
	c[0xfd] = 0xfc;
	vconfig_put16(c, 0xfe, PCI_MSI_FLAGS_64BIT | PCI_MSI_FLAGS_MASKBIT);
	ck_assert_int_eq(vconfig_emu_create(c, 256, NULL, &e), 0);
	vconfig_emu_destroy(e);
	c[0xfc] = PCI_CAP_ID_VPD;
	ck_assert_int_eq(vconfig_emu_create(c, 256, NULL, &e), 0);
	ck_assert_int_eq(vconfig_emu_ops.write(e, 0xfc, 4, 0), 0);
	vconfig_emu_destroy(e);

	/* Extended: self loop, back pointer below 0x100, misaligned, all ones. */
	c[0x34] = 0;
	vconfig_put32(c, 0x100, PCI_EXT_CAP_ID_ERR | 1 << 16 | 0x100u << 20);
	ck_assert_int_eq(vconfig_emu_create(c, 4096, NULL, &e), 0);
	ck_assert_uint_eq(vconfig_emu_rw1c(e, 0x104), 0xff);
	vconfig_emu_destroy(e);
	vconfig_put32(c, 0x100, PCI_EXT_CAP_ID_ACS | 0x040u << 20);
	expect_no_caps(c, 4096);
	vconfig_put32(c, 0x100, PCI_EXT_CAP_ID_ACS | 0x202u << 20);
	vconfig_put32(c, 0x200, PCI_EXT_CAP_ID_ERR);
	expect_no_caps(c, 4096);
	vconfig_put32(c, 0x100, 0xffffffff);
	expect_no_caps(c, 4096);
	vconfig_put32(c, 0x100, PCI_EXT_CAP_ID_ACS | 0xffcu << 20);
	vconfig_put32(c, 0xffc, PCI_EXT_CAP_ID_ERR | 0x100u << 20);
	ck_assert_int_eq(vconfig_emu_create(c, 4096, NULL, &e), 0);
	vconfig_emu_destroy(e);
	/* No extended walk on a 256-byte space. */
	vconfig_put32(c, 0x100, PCI_EXT_CAP_ID_ERR);
	expect_no_caps(c, 256);
}
END_TEST

static unsigned int rng_state = 0x2545f491;

static u32 rng(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

/* Random spaces and writes: only writable bits change, RW1C bits never set. */
START_TEST(test_random_writes_respect_masks)
{
	static u8 c[VCONFIG_CFG_SIZE_PCIE];
	static const unsigned int sizes[] = { 64, 256, 4096 };
	unsigned int round, n, i;

	for (round = 0; round < 300; round++) {
		struct vconfig_region_desc r[VCONFIG_NR_REGIONS];
		unsigned int size = sizes[round % 3];
		struct vconfig_emu *e;

		for (i = 0; i < size; i++)
			c[i] = rng();
		if (round & 1)
			c[PCI_HEADER_TYPE] = 0;
		for (i = 0; i < VCONFIG_NR_REGIONS; i++)
			r[i].size = (rng() & 3) ? 1ULL << (rng() % 31) : 0;
		ck_assert_int_eq(vconfig_emu_create(c, size, r, &e), 0);
		for (n = 0; n < 400; n++) {
			unsigned int wsize = 1u << (rng() % 3);
			unsigned int off = (rng() % size) & ~(wsize - 1);
			u8 before[4], after[4];

			if (n % 4 == 0)	/* aim at the capability area */
				off = (0x40 + rng() % (size > 64 ? 0xc0 : 1)) & ~(wsize - 1);
			if (off + wsize > size)
				continue;
			memcpy(before, vconfig_emu_bytes(e) + off, wsize);
			ck_assert_int_eq(vconfig_emu_ops.write(e, off, wsize, rng()), 0);
			memcpy(after, vconfig_emu_bytes(e) + off, wsize);
			for (i = 0; i < wsize; i++) {
				u8 changed = before[i] ^ after[i];

				ck_assert_msg(!(changed & ~vconfig_emu_writable(e, off + i)),
					      "round %u offset 0x%x", round, off + i);
				ck_assert(!(after[i] & ~before[i] &
					    vconfig_emu_rw1c(e, off + i)));
			}
		}
		ck_assert_uint_gt(vconfig_emu_nr_writes(e), 0);
		vconfig_emu_destroy(e);
	}
}
END_TEST

START_TEST(test_corpus_models)
{
	DIR *dir = opendir(corpus_dir());
	struct dirent *de;
	unsigned int models = 0;

	ck_assert_ptr_nonnull(dir);
	while ((de = readdir(dir))) {
		struct vconfig_region_desc found[VCONFIG_NR_REGIONS];
		struct vconfig_dump dump;
		char path[512], err[256];
		unsigned int i;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", corpus_dir(), de->d_name);
		ck_assert_int_eq(vconfig_dump_load(path, &dump, err, sizeof(err)), 0);
		for (i = 0; i < dump.nr_dev; i++) {
			const struct vconfig_dump_device *d = &dump.dev[i];
			struct vconfig_emu *e;
			u8 saved[0x40];

			ck_assert_int_eq(vconfig_emu_create(d->config, d->cfg_size,
							    d->region, &e), 0);
			memcpy(saved, vconfig_emu_bytes(e), sizeof(saved));
			ck_assert_int_eq(vconfig_emu_probe_regions(e, found), 0);
			ck_assert(!memcmp(saved, vconfig_emu_bytes(e), sizeof(saved)));
			vconfig_emu_destroy(e);
			models++;
		}
		vconfig_dump_free(&dump);
	}
	closedir(dir);
	ck_assert_uint_ge(models, 50);
}
END_TEST

START_TEST(test_readonly_ops)
{
	struct vconfig_readonly ro = { .config = cfg, .cfg_size = 256 };
	u32 val;

	ck_assert_int_eq(vconfig_readonly_ops.read(&ro, 0, 4, &val), 0);
	ck_assert_uint_eq(val, 0x56781234);
	ck_assert_int_eq(vconfig_readonly_ops.read(&ro, 0x10, 2, &val), 0);
	ck_assert_uint_eq(val, 0);
	ck_assert_int_eq(vconfig_readonly_ops.read(&ro, 0x34, 1, &val), 0);
	ck_assert_uint_eq(val, PM);
	ck_assert_int_eq(vconfig_readonly_ops.read(&ro, 0x101, 1, &val), -EINVAL);
	ck_assert_int_eq(vconfig_readonly_ops.read(&ro, 0x02, 4, &val), -EINVAL);
	ck_assert_int_eq(vconfig_readonly_ops.write(&ro, 0x04, 2, 0x7), -EPERM);
	ck_assert_uint_eq(cfg[4], 0);
}
END_TEST

/* The first PCI function of the host, "DDDD:BB:DD.F", or false. */
static bool first_host_device(char *bdf, size_t len)
{
	DIR *dir = opendir("/sys/bus/pci/devices");
	struct dirent *de;
	bool found = false;

	if (!dir)
		return false;
	while (!found && (de = readdir(dir))) {
		if (de->d_name[0] != '.') {
			snprintf(bdf, len, "%s", de->d_name);
			found = true;
		}
	}
	closedir(dir);
	return found;
}

START_TEST(test_snapshot)
{
	struct vconfig_dump_device *d = malloc(sizeof(*d));
	char bdf[256], path[320], err[256];
	unsigned int vendor = 0;
	FILE *f;
	int ret;

	ck_assert_ptr_nonnull(d);
	ck_assert_int_eq(vconfig_snapshot_read("00:00", d, err, sizeof(err)), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, "00:00"));
	ck_assert_int_eq(vconfig_snapshot_read("00:1f.8", d, err, sizeof(err)), -EINVAL);
	if (!first_host_device(bdf, sizeof(bdf))) {
		free(d);
		return;		/* no PCI on this host */
	}
	ret = vconfig_snapshot_read("ffff:ff:1f.7", d, err, sizeof(err));
	ck_assert_msg(ret == -ENODEV, "%d %s", ret, err);
	ck_assert_ptr_nonnull(strstr(err, "ffff:ff:1f.7"));

	ret = vconfig_snapshot_read(bdf, d, err, sizeof(err));
	ck_assert_msg(ret == 0, "%s: %d %s", bdf, ret, err);
	ck_assert(d->cfg_size == 64 || d->cfg_size == 256 || d->cfg_size == 4096);
	ck_assert_str_eq(d->address, bdf);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/vendor", bdf);
	f = fopen(path, "r");
	if (f) {
		ck_assert_int_eq(fscanf(f, "%x", &vendor), 1);
		fclose(f);
		ck_assert_uint_eq(d->config[0] | d->config[1] << 8, vendor);
	}
	free(d);
}
END_TEST

static Suite *emu_suite(void)
{
	Suite *s = suite_create("emu");
	TCase *tc = tcase_create("model");
	TCase *other = tcase_create("other");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_create_arguments);
	tcase_add_test(tc, test_access_rules);
	tcase_add_test(tc, test_read_bulk);
	tcase_add_test(tc, test_small_space);
	tcase_add_test(tc, test_header_read_only);
	tcase_add_test(tc, test_command);
	tcase_add_test(tc, test_status_rw1c);
	tcase_add_test(tc, test_rw_bytes);
	tcase_add_test(tc, test_bar_mem32);
	tcase_add_test(tc, test_bar_io);
	tcase_add_test(tc, test_bar_mem64_prefetch);
	tcase_add_test(tc, test_bar_mem64_large);
	tcase_add_test(tc, test_bar_unimplemented);
	tcase_add_test(tc, test_bar_size_rounding);
	tcase_add_test(tc, test_rom);
	tcase_add_test(tc, test_probe_regions);
	tcase_add_test(tc, test_pm);
	tcase_add_test(tc, test_msi);
	tcase_add_test(tc, test_msi_32bit);
	tcase_add_test(tc, test_msix);
	tcase_add_test(tc, test_pcie);
	tcase_add_test(tc, test_pcie_v1_bridge);
	tcase_add_test(tc, test_aer);
	tcase_add_test(tc, test_vpd);
	tcase_add_test(tc, test_af_flr);
	tcase_add_test(tc, test_write_log);
	tcase_add_test(tc, test_masks_outside_caps);
	tcase_add_test(tc, test_readonly_ops);
	suite_add_tcase(s, tc);

	tcase_set_timeout(other, 60);
	tcase_add_test(other, test_probe_corpus_devices);
	tcase_add_test(other, test_hostile_chains);
	tcase_add_test(other, test_random_writes_respect_masks);
	tcase_add_test(other, test_corpus_models);
	tcase_add_test(other, test_snapshot);
	suite_add_tcase(s, other);
	return s;
}

VCONFIG_CHECK_MAIN(emu_suite)
