// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Every function of every real device in the corpus, under the engine:
 * type-0 functions keep their IDs, expose only allowed capabilities in
 * loop-free chains, size their BARs as recorded, and decode with
 * `lspci -F` without chain errors; every other header type is refused.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <vconfig/access.h>
#include <vconfig/emu.h>
#include "check_main.h"

static const u16 allowed_std[] = {
	PCI_CAP_ID_PM, PCI_CAP_ID_VPD, PCI_CAP_ID_MSI, PCI_CAP_ID_PCIX,
	PCI_CAP_ID_VNDR, PCI_CAP_ID_EXP, PCI_CAP_ID_MSIX, PCI_CAP_ID_AF,
};

static const u16 allowed_ext[] = {
	PCI_EXT_CAP_ID_ERR, PCI_EXT_CAP_ID_VC, PCI_EXT_CAP_ID_DSN,
	PCI_EXT_CAP_ID_PWR, PCI_EXT_CAP_ID_VC9, PCI_EXT_CAP_ID_VNDR,
	PCI_EXT_CAP_ID_ACS, PCI_EXT_CAP_ID_ARI, PCI_EXT_CAP_ID_ATS,
	PCI_EXT_CAP_ID_SRIOV, PCI_EXT_CAP_ID_REBAR, PCI_EXT_CAP_ID_TPH,
	PCI_EXT_CAP_ID_LTR, PCI_EXT_CAP_ID_PASID, PCI_EXT_CAP_ID_PRI,
	PCI_EXT_CAP_ID_L1SS, PCI_EXT_CAP_ID_PTM, PCI_EXT_CAP_ID_DVSEC,
};

static bool in_list(const u16 *list, unsigned int nr, u16 id)
{
	unsigned int i;

	for (i = 0; i < nr; i++)
		if (list[i] == id)
			return true;
	return false;
}

static u32 rd(struct vconfig *vc, unsigned int off, unsigned int size)
{
	u32 v = 0;

	ck_assert_int_eq(vconfig_read_reg(vc, off, size, &v), 0);
	return v;
}

/* Walk the virtual chains as a user would; they must be clean. */
static void check_chains(struct vconfig *vc, const char *who)
{
	u8 seen[VCONFIG_CFG_SIZE_PCIE / 4] = { 0 };
	unsigned int pos, steps = 0;
	u32 header;

	pos = (rd(vc, PCI_STATUS, 2) & PCI_STATUS_CAP_LIST) ?
	      rd(vc, PCI_CAPABILITY_LIST, 1) : 0;
	while (pos) {
		ck_assert_msg(pos >= 0x40 && pos % 4 == 0 && pos < 0x100,
			      "%s: bad standard pointer 0x%x", who, pos);
		ck_assert_msg(!seen[pos / 4]++, "%s: standard loop at 0x%x", who, pos);
		ck_assert_msg(in_list(allowed_std, ARRAY_SIZE(allowed_std),
				      rd(vc, pos, 1)),
			      "%s: capability 0x%02x at 0x%x must be hidden", who,
			      rd(vc, pos, 1), pos);
		ck_assert(++steps < 64);
		pos = rd(vc, pos + 1, 1);
	}
	if (vconfig_cfg_size(vc) < VCONFIG_CFG_SIZE_PCIE)
		return;
	pos = 0x100;
	while (pos) {
		header = rd(vc, pos, 4);
		if (!header)
			break;
		ck_assert_msg(header != 0xffffffff, "%s: all-ones header at 0x%x",
			      who, pos);
		ck_assert_msg(!seen[pos / 4]++, "%s: extended loop at 0x%x", who, pos);
		ck_assert_msg(in_list(allowed_ext, ARRAY_SIZE(allowed_ext),
				      PCI_EXT_CAP_ID(header)) ||
			      (pos == 0x100 && PCI_EXT_CAP_ID(header) == 0),
			      "%s: extended capability 0x%04x at 0x%x must be hidden",
			      who, PCI_EXT_CAP_ID(header), pos);
		ck_assert(++steps < 1024);
		pos = PCI_EXT_CAP_NEXT(header);
		ck_assert_msg(!pos || (pos >= 0x100 && pos % 4 == 0 && pos < 0x1000),
			      "%s: bad extended pointer 0x%x", who, pos);
	}
}

/* Sizing through the virtual BAR gives the size the dump recorded. */
static void check_bars(struct vconfig *vc, const struct vconfig_dump_device *d,
		       const char *who)
{
	unsigned int i;

	for (i = 0; i < VCONFIG_NR_REGIONS; i++) {
		unsigned int off = i == VCONFIG_ROM_BAR ? PCI_ROM_ADDRESS :
				   PCI_BASE_ADDRESS_0 + 4 * i;
		u32 saved = rd(vc, off, 4), mask, lo_mask;
		u64 size, recorded = d->region_known[i] ? d->region[i].size : 0;

		if (!recorded || vconfig_region_size(vc, i) == 0) {
			ck_assert_msg(vconfig_region_size(vc, i) == 0 || recorded,
				      "%s: region %u sized without a record", who, i);
			continue;
		}
		ck_assert_int_eq(vconfig_write_reg(vc, off, 4, 0xffffffff, NULL), 0);
		mask = rd(vc, off, 4);
		if (i == VCONFIG_ROM_BAR)
			lo_mask = mask & PCI_ROM_ADDRESS_MASK;
		else if (mask & PCI_BASE_ADDRESS_SPACE_IO)
			lo_mask = mask & PCI_BASE_ADDRESS_IO_MASK;
		else
			lo_mask = mask & PCI_BASE_ADDRESS_MEM_MASK;
		size = (u32)(~lo_mask + 1);
		if (i < VCONFIG_NR_BARS && !(mask & PCI_BASE_ADDRESS_SPACE_IO) &&
		    (mask & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
		    PCI_BASE_ADDRESS_MEM_TYPE_64) {
			u32 hi_saved = rd(vc, off + 4, 4), hi;

			ck_assert_int_eq(vconfig_write_reg(vc, off + 4, 4,
							   0xffffffff, NULL), 0);
			hi = rd(vc, off + 4, 4);
			size = ~(((u64)hi << 32) | lo_mask) + 1;
			vconfig_write_reg(vc, off + 4, 4, hi_saved, NULL);
		}
		vconfig_write_reg(vc, off, 4, saved, NULL);
		ck_assert_msg(size == recorded || (size > recorded &&
						   (recorded & (recorded - 1))),
			      "%s: region %u sizes to 0x%llx, recorded 0x%llx", who,
			      i, (unsigned long long)size,
			      (unsigned long long)recorded);
		ck_assert_int_eq(rd(vc, off, 4), saved);
	}
}

/* lspci must decode the virtual view without complaining about chains. */
static void check_lspci(struct vconfig *vc, const struct vconfig_dump_device *d,
			const char *who)
{
	char path[] = "/tmp/vconfig-corpus-XXXXXX", cmd[256], line[512];
	u8 buf[VCONFIG_CFG_SIZE_PCIE];
	FILE *f, *p;
	int fd, lines = 0;

	if (access("/usr/bin/lspci", X_OK))
		return;
	ck_assert_int_eq(vconfig_read(vc, 0, vconfig_cfg_size(vc), buf), 0);
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	f = fdopen(fd, "w");
	vconfig_dump_write(f, d->address, d->description, buf, vconfig_cfg_size(vc));
	fclose(f);
	snprintf(cmd, sizeof(cmd), "lspci -F %s -vvv 2>&1", path);
	p = popen(cmd, "r");
	ck_assert_ptr_nonnull(p);
	while (fgets(line, sizeof(line), p)) {
		lines++;
		ck_assert_msg(!strstr(line, "<chain broken>") &&
			      !strstr(line, "<chain looped>") &&
			      !strstr(line, "<BAD") && !strstr(line, "<unreadable>"),
			      "%s: lspci: %s", who, line);
	}
	pclose(p);
	unlink(path);
	ck_assert_msg(lines > 3, "%s: lspci decoded nothing", who);
}

#define MAX_FILES	256

static char *corpus_files[MAX_FILES];
static unsigned int nr_corpus_files;
static unsigned int endpoints, refused;

static void check_device(const char *file, const struct vconfig_dump_device *d)
{
	struct vconfig_region_desc region[VCONFIG_NR_REGIONS] = { { 0 } };
	struct vconfig_config cfg = { .ops = &vconfig_emu_ops };
	struct vconfig_emu *emu;
	struct vconfig *vc = NULL;
	unsigned int i, cfg_size;
	char who[256];
	int ret;

	snprintf(who, sizeof(who), "%s %s", file, d->address);
	cfg_size = d->cfg_size >= VCONFIG_CFG_SIZE_PCIE ? VCONFIG_CFG_SIZE_PCIE :
						       VCONFIG_CFG_SIZE_PCI;
	for (i = 0; i < VCONFIG_NR_REGIONS; i++)
		if (d->region_known[i])
			region[i] = d->region[i];
	ck_assert_int_eq(vconfig_emu_create(d->config, cfg_size, region, &emu), 0);
	ck_assert_int_eq(vconfig_emu_probe_regions(emu, cfg.region), 0);
	cfg.priv = emu;
	cfg.cfg_size = cfg_size;
	ret = vconfig_create(&cfg, &vc);

	if ((d->config[PCI_HEADER_TYPE] & 0x7f) != PCI_HEADER_TYPE_NORMAL) {
		ck_assert_msg(ret == -EOPNOTSUPP, "%s: non-endpoint not refused (%d)",
			      who, ret);
		refused++;
		vconfig_emu_destroy(emu);
		return;
	}
	ck_assert_msg(ret == 0, "%s: create failed: %d", who, ret);
	endpoints++;
	ck_assert_int_eq(rd(vc, 0, 4), vconfig_get_le(d->config, 4));
	ck_assert_int_eq(rd(vc, PCI_CLASS_REVISION, 4),
			 vconfig_get_le(&d->config[PCI_CLASS_REVISION], 4));
	ck_assert_int_eq(rd(vc, PCI_SUBSYSTEM_VENDOR_ID, 4),
			 vconfig_get_le(&d->config[PCI_SUBSYSTEM_VENDOR_ID], 4));
	check_chains(vc, who);
	check_bars(vc, d, who);
	check_lspci(vc, d, who);
	vconfig_destroy(vc);
	vconfig_emu_destroy(emu);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list_corpus(void)
{
	DIR *dp = opendir(corpus_dir());
	struct dirent *e;

	if (!dp)
		return;
	while ((e = readdir(dp)) && nr_corpus_files < MAX_FILES) {
		if (e->d_name[0] == '.' || !strcmp(e->d_name, "README.md"))
			continue;
		corpus_files[nr_corpus_files++] = strdup(e->d_name);
	}
	closedir(dp);
	qsort(corpus_files, nr_corpus_files, sizeof(char *), cmp_names);
}

/* One test per corpus file: every function in it. */
START_TEST(corpus_file)
{
	const char *name = corpus_files[_i];
	struct vconfig_dump dump;
	char path[1024], err[256];
	unsigned int i;

	snprintf(path, sizeof(path), "%s/%s", corpus_dir(), name);
	ck_assert_msg(!vconfig_dump_load(path, &dump, err, sizeof(err)), "%s", err);
	ck_assert_uint_ge(dump.nr_dev, 1);
	for (i = 0; i < dump.nr_dev; i++)
		check_device(name, &dump.dev[i]);
	vconfig_dump_free(&dump);
}
END_TEST

/* The corpus is there and holds both endpoints and other header types. */
START_TEST(corpus_coverage)
{
	unsigned int i;

	ck_assert_msg(nr_corpus_files >= 20, "corpus %s not found or too small "
		      "(set VCONFIG_CORPUS)", corpus_dir());
	endpoints = refused = 0;
	for (i = 0; i < nr_corpus_files; i++) {
		struct vconfig_dump dump;
		char path[1024], err[256];
		unsigned int j;

		snprintf(path, sizeof(path), "%s/%s", corpus_dir(), corpus_files[i]);
		ck_assert(!vconfig_dump_load(path, &dump, err, sizeof(err)));
		for (j = 0; j < dump.nr_dev; j++)
			check_device(corpus_files[i], &dump.dev[j]);
		vconfig_dump_free(&dump);
	}
	ck_assert_uint_ge(endpoints, 15);
	ck_assert_uint_ge(refused, 3);
}
END_TEST

static Suite *corpus_suite(void)
{
	Suite *s = suite_create("corpus");
	TCase *tc = tcase_create("corpus");

	list_corpus();
	tcase_set_timeout(tc, 120);
	tcase_add_loop_test(tc, corpus_file, 0, nr_corpus_files);
	tcase_add_test(tc, corpus_coverage);
	suite_add_tcase(s, tc);
	return s;
}

VCONFIG_CHECK_MAIN(corpus_suite)
