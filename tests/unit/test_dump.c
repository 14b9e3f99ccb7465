// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * lspci dump files: the corpus parses, known devices read as their files
 * say, malformed text is refused with its line number, and what the
 * writer produces parses back and decodes with lspci.
 */
#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <vconfig/emu.h>
#include "check_main.h"

static void load_corpus_file(const char *name, struct vconfig_dump *dump)
{
	char path[512], err[256];
	int ret;

	snprintf(path, sizeof(path), "%s/%s", corpus_dir(), name);
	ret = vconfig_dump_load(path, dump, err, sizeof(err));
	ck_assert_msg(ret == 0, "%s: %d %s", name, ret, err);
}

static int parse_text(const char *text, struct vconfig_dump *dump, char *err,
		      size_t errlen)
{
	return vconfig_dump_parse(text, strlen(text), dump, err, errlen);
}

/* Text of one device: @lines hex lines of 16 bytes each, byte = offset. */
static char *device_text(const char *address, unsigned int lines)
{
	size_t cap = 64 + lines * 64;
	char *text = malloc(cap);
	size_t len;
	unsigned int i, j;

	ck_assert_ptr_nonnull(text);
	len = snprintf(text, cap, "%s Class 0200: Device 1234:5678\n", address);
	for (i = 0; i < lines; i++) {
		len += snprintf(text + len, cap - len, "%02x:", i * 16);
		for (j = 0; j < 16; j++)
			len += snprintf(text + len, cap - len, " %02x",
					(i * 16 + j) & 0xff);
		len += snprintf(text + len, cap - len, "\n");
	}
	snprintf(text + len, cap - len, "\n");
	return text;
}

START_TEST(test_corpus_parses)
{
	DIR *dir = opendir(corpus_dir());
	struct dirent *de;
	unsigned int files = 0, i;

	ck_assert_msg(dir != NULL, "corpus %s missing", corpus_dir());
	while ((de = readdir(dir))) {
		struct vconfig_dump dump;

		if (de->d_name[0] == '.')
			continue;
		load_corpus_file(de->d_name, &dump);
		ck_assert_uint_ge(dump.nr_dev, 1);
		for (i = 0; i < dump.nr_dev; i++) {
			unsigned int size = dump.dev[i].cfg_size;

			ck_assert(size == 64 || size == 256 || size == 4096);
			ck_assert_uint_ne(dump.dev[i].config[0] |
					  dump.dev[i].config[1] << 8, 0xffff);
		}
		vconfig_dump_free(&dump);
		files++;
	}
	closedir(dir);
	ck_assert_uint_ge(files, 20);
}
END_TEST

START_TEST(test_domains_file)
{
	struct vconfig_dump dump;
	const struct vconfig_dump_device *d;

	load_corpus_file("PCI-X-bridges-and-domains", &dump);
	ck_assert_uint_eq(dump.nr_dev, 31);
	ck_assert_str_eq(dump.dev[0].address, "0000:00:01.0");
	ck_assert_str_eq(dump.dev[30].address, "0004:01:01.0");
	d = vconfig_dump_find(&dump, "0001:62:00.0");
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(d->description,
			 "VGA compatible controller: Matrox Graphics, Inc. G400/G450 (rev 85)");
	ck_assert_uint_eq(d->cfg_size, 256);
	/* Matrox vendor 102b */
	ck_assert_uint_eq(d->config[0], 0x2b);
	ck_assert_uint_eq(d->config[1], 0x10);
	ck_assert_ptr_eq(vconfig_dump_find(&dump, "00:01.0"), &dump.dev[0]);
	ck_assert_ptr_eq(vconfig_dump_find(&dump, NULL), &dump.dev[0]);
	ck_assert_ptr_null(vconfig_dump_find(&dump, "0005:00:00.0"));
	ck_assert_ptr_null(vconfig_dump_find(&dump, "01:62:00.0"));
	vconfig_dump_free(&dump);
	ck_assert_uint_eq(dump.nr_dev, 0);
}
END_TEST

START_TEST(test_pcie_2_regions)
{
	struct vconfig_dump dump;
	const struct vconfig_dump_device *d;

	load_corpus_file("cap-pcie-2", &dump);
	ck_assert_uint_eq(dump.nr_dev, 1);
	d = vconfig_dump_find(&dump, "0000:01:00.0");
	ck_assert_ptr_eq(d, &dump.dev[0]);
	ck_assert_str_eq(d->address, "01:00.0");
	ck_assert_uint_eq(d->cfg_size, 4096);
	/* "00: 86 80 c9 10 07 04 10 00" and "30: 00 00 80 c7 40" */
	ck_assert_uint_eq(d->config[0x00], 0x86);
	ck_assert_uint_eq(d->config[0x02], 0xc9);
	ck_assert_uint_eq(d->config[0x04], 0x07);
	ck_assert_uint_eq(d->config[0x33], 0xc7);
	ck_assert_uint_eq(d->config[0x34], 0x40);
	ck_assert(d->region_known[0] && d->region_known[1]);
	ck_assert_uint_eq(d->region[0].size, 128 << 10);
	ck_assert_uint_eq(d->region[0].flags, 0);
	ck_assert_uint_eq(d->region[1].size, 4 << 20);
	ck_assert_uint_eq(d->region[2].size, 32);
	ck_assert_uint_eq(d->region[2].flags, VCONFIG_REGION_IO);
	ck_assert_uint_eq(d->region[3].size, 16 << 10);
	ck_assert(!d->region_known[4] && !d->region_known[5]);
	ck_assert(d->region_known[VCONFIG_ROM_BAR]);
	ck_assert_uint_eq(d->region[VCONFIG_ROM_BAR].size, 4 << 20);
	vconfig_dump_free(&dump);
}
END_TEST

START_TEST(test_virtio_regions)
{
	struct vconfig_dump dump;
	const struct vconfig_dump_device *d;

	load_corpus_file("cap-vendor-virtio", &dump);
	ck_assert_uint_eq(dump.nr_dev, 2);
	ck_assert_str_eq(dump.dev[0].address, "00:09.0");
	ck_assert_uint_eq(dump.dev[0].cfg_size, 256);
	ck_assert_uint_eq(dump.dev[0].region[VCONFIG_ROM_BAR].size, 256 << 10);
	d = vconfig_dump_find(&dump, "00:04.0");
	ck_assert_ptr_nonnull(d);
	ck_assert_uint_eq(d->region[2].size, 1ULL << 30);
	ck_assert_uint_eq(d->region[2].flags,
			  VCONFIG_REGION_MEM64 | VCONFIG_REGION_PREFETCH);
	/* "10: 00 80 00 a0 00 00 00 00 0c 00 00 00 02": BAR2 64-bit prefetchable */
	ck_assert_uint_eq(d->config[0x18], 0x0c);
	ck_assert_uint_eq(d->config[0x1c], 0x02);
	vconfig_dump_free(&dump);
}
END_TEST

START_TEST(test_decoded_text_variants)
{
	struct vconfig_dump dump;
	const struct vconfig_dump_device *d;

	/* Regions inside a capability (deeper indentation) are not BARs. */
	load_corpus_file("cap-dvsec-cxl", &dump);
	ck_assert_uint_eq(dump.nr_dev, 2);
	d = &dump.dev[0];
	ck_assert_uint_eq(d->region[0].size, 1 << 20);
	ck_assert_uint_eq(d->region[2].size, 1024);
	ck_assert_uint_eq(d->region[2].flags, VCONFIG_REGION_IO);
	ck_assert_uint_eq(d->region[4].flags, VCONFIG_REGION_PREFETCH);
	for (int i = 0; i < VCONFIG_NR_REGIONS; i++)
		ck_assert(!dump.dev[1].region_known[i]);
	vconfig_dump_free(&dump);

	/* "[virtual]" before the kind; sizes in G and M. */
	load_corpus_file("cap-ea-1", &dump);
	ck_assert_str_eq(dump.dev[0].address, "0002:01:00.0");
	ck_assert_uint_eq(dump.dev[0].region[0].size, 1ULL << 30);
	ck_assert_uint_eq(dump.dev[0].region[4].size, 1 << 20);
	vconfig_dump_free(&dump);

	load_corpus_file("cap-ptm-1", &dump);
	ck_assert_uint_eq(dump.dev[0].region[VCONFIG_ROM_BAR].size, 2048);
	vconfig_dump_free(&dump);

	/* A region line without a size leaves the size unknown. */
	load_corpus_file("cap-doe", &dump);
	ck_assert(!dump.dev[0].region_known[0]);
	ck_assert_uint_eq(dump.dev[0].region[0].flags, VCONFIG_REGION_MEM64);
	vconfig_dump_free(&dump);
}
END_TEST

START_TEST(test_size_units_and_overflow)
{
	static const char *const lines[] = {
		"\tRegion 0: Memory at 1000 (32-bit, non-prefetchable) [size=16]\n",
		"\tRegion 1: Memory at 1000 (64-bit, prefetchable) [size=2T]\n",
		"\tRegion 3: Memory at 1000 [size=99999999999999999999T]\n",
		"\tRegion 4: Memory at 1000 [size=12Q]\n",
		"\tRegion 5: Memory at 1000 [size=\n",
		"\tRegion 9: Memory at 1000 [size=4K]\n",
	};
	char text[4096], err[256];
	struct vconfig_dump dump;
	char *dev = device_text("00:02.0", 4);
	size_t len, nl = strchr(dev, '\n') - dev + 1;
	unsigned int i;

	memcpy(text, dev, nl);
	len = nl;
	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		memcpy(text + len, lines[i], strlen(lines[i]));
		len += strlen(lines[i]);
	}
	memcpy(text + len, dev + nl, strlen(dev + nl) + 1);
	free(dev);
	ck_assert_int_eq(parse_text(text, &dump, err, sizeof(err)), 0);
	ck_assert_uint_eq(dump.dev[0].cfg_size, 64);
	ck_assert_uint_eq(dump.dev[0].region[0].size, 16);
	ck_assert_uint_eq(dump.dev[0].region[1].size, 2ULL << 40);
	ck_assert_uint_eq(dump.dev[0].region[1].flags,
			  VCONFIG_REGION_MEM64 | VCONFIG_REGION_PREFETCH);
	ck_assert(!dump.dev[0].region_known[2]);
	ck_assert(!dump.dev[0].region_known[3]);
	ck_assert(!dump.dev[0].region_known[4]);
	ck_assert(!dump.dev[0].region_known[5]);
	ck_assert_uint_eq(dump.dev[0].config[0x3f], 0x3f);
	vconfig_dump_free(&dump);
}
END_TEST

struct bad_dump {
	const char *text;
	const char *where;	/* expected in the error line */
};

START_TEST(test_malformed_rejected)
{
	static const struct bad_dump cases[] = {
		{ "00:01.0 X\n00: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee zz\n",
		  "line 2:" },
		{ "00:01.0 X\n00: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee\n",
		  "line 2:" },
		{ "00:01.0 X\n00: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff 00\n",
		  "line 2:" },
		{ "00:01.0 X\n00: 0 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff\n",
		  "line 2:" },
		{ "00:01.0 X\n10: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff\n",
		  "line 2:" },
		{ "00:01.0 X\n00: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff\n"
		  "00: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff\n",
		  "line 3:" },
		{ "00:01.0 X\n1000: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff\n",
		  "line 2:" },
		{ "00: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff\n",
		  "line 1:" },
		{ "00:01.0 X\n\tControl: I/O+\n\n", "line 3:" },
		{ "00:01.0 X\n", "line 1:" },
		{ "00:01.0 X\n00: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff\n\n",
		  "line 3:" },
		{ "hello world\n", "line 1:" },
		{ "", "line 0:" },
		{ "\n\n\n", "line 3:" },
		{ "\tindented only\n", "line 1:" },
		{ "00:01.0 X\n\n01:00.0 Y\n00: 00 11 22 33 44 55 66 77 88 99 aa bb cc dd ee ff\n",
		  "line 2:" },
	};
	struct vconfig_dump dump;
	char err[256];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		int ret = parse_text(cases[i].text, &dump, err, sizeof(err));

		ck_assert_msg(ret == -EINVAL, "case %u: %d", i, ret);
		ck_assert_msg(strstr(err, cases[i].where), "case %u: \"%s\"",
			      i, err);
		ck_assert_ptr_null(strchr(err, '\n'));
		ck_assert_uint_eq(dump.nr_dev, 0);
		ck_assert_ptr_null(dump.dev);
	}
}
END_TEST

START_TEST(test_truncated_device)
{
	char *text = device_text("00:01.0", 3);
	struct vconfig_dump dump;
	char err[256];

	ck_assert_int_eq(parse_text(text, &dump, err, sizeof(err)), -EINVAL);
	ck_assert_ptr_nonnull(strstr(err, "line 5:"));
	ck_assert_ptr_nonnull(strstr(err, "00:01.0"));
	free(text);
}
END_TEST

START_TEST(test_missing_file)
{
	struct vconfig_dump dump;
	char err[256];

	ck_assert_int_eq(vconfig_dump_load("/nonexistent/vconfig.dump", &dump,
					   err, sizeof(err)), -ENOENT);
	ck_assert_ptr_nonnull(strstr(err, "/nonexistent/vconfig.dump"));
	ck_assert_uint_eq(dump.nr_dev, 0);
}
END_TEST

START_TEST(test_error_buffer_small)
{
	struct vconfig_dump dump;
	char err[8];

	memset(err, 'x', sizeof(err));
	ck_assert_int_eq(parse_text("junk\n", &dump, err, sizeof(err)), -EINVAL);
	ck_assert_uint_lt(strlen(err), sizeof(err));
	ck_assert_int_eq(parse_text("junk\n", &dump, NULL, 0), -EINVAL);
}
END_TEST

START_TEST(test_crlf_and_sizes)
{
	char *text = device_text("0000:00:1f.3", 256);
	struct vconfig_dump dump;
	char err[256], *crlf;
	size_t len = strlen(text), i, j = 0;

	crlf = malloc(len * 2 + 1);
	ck_assert_ptr_nonnull(crlf);
	for (i = 0; i < len; i++) {
		if (text[i] == '\n')
			crlf[j++] = '\r';
		crlf[j++] = text[i];
	}
	crlf[j] = '\0';
	ck_assert_int_eq(parse_text(crlf, &dump, err, sizeof(err)), 0);
	ck_assert_uint_eq(dump.dev[0].cfg_size, 4096);
	ck_assert_uint_eq(dump.dev[0].config[0xfff], 0xff);
	ck_assert_str_eq(dump.dev[0].description, "Class 0200: Device 1234:5678");
	ck_assert_ptr_nonnull(vconfig_dump_find(&dump, "00:1f.3"));
	vconfig_dump_free(&dump);
	free(crlf);
	free(text);
}
END_TEST

START_TEST(test_device_line_ends_device)
{
	char *a = device_text("00:01.0", 4), *b = device_text("00:02.0", 16);
	struct vconfig_dump dump;
	char text[8192], err[256];

	/* No blank line between the two devices. */
	snprintf(text, sizeof(text), "%.*s%s", (int)strlen(a) - 1, a, b);
	ck_assert_int_eq(parse_text(text, &dump, err, sizeof(err)), 0);
	ck_assert_uint_eq(dump.nr_dev, 2);
	ck_assert_uint_eq(dump.dev[0].cfg_size, 64);
	ck_assert_uint_eq(dump.dev[1].cfg_size, 256);
	vconfig_dump_free(&dump);
	/* Without the final newline either. */
	ck_assert_int_eq(vconfig_dump_parse(b, strlen(b) - 2, &dump, err,
					    sizeof(err)), 0);
	ck_assert_uint_eq(dump.nr_dev, 1);
	vconfig_dump_free(&dump);
	free(a);
	free(b);
}
END_TEST

static char *write_to_string(const struct vconfig_dump_device *d, size_t *len)
{
	char *buf = NULL;
	FILE *f = open_memstream(&buf, len);

	ck_assert_ptr_nonnull(f);
	vconfig_dump_write(f, d->address, d->description, d->config, d->cfg_size);
	fclose(f);
	return buf;
}

START_TEST(test_writer_roundtrip_corpus)
{
	DIR *dir = opendir(corpus_dir());
	struct dirent *de;
	unsigned int devices = 0, i;

	ck_assert_ptr_nonnull(dir);
	while ((de = readdir(dir))) {
		struct vconfig_dump dump, again;
		char err[256];

		if (de->d_name[0] == '.')
			continue;
		load_corpus_file(de->d_name, &dump);
		for (i = 0; i < dump.nr_dev; i++) {
			const struct vconfig_dump_device *d = &dump.dev[i];
			size_t len;
			char *text = write_to_string(d, &len);

			ck_assert_int_eq(vconfig_dump_parse(text, len, &again, err,
							    sizeof(err)), 0);
			ck_assert_uint_eq(again.nr_dev, 1);
			ck_assert_str_eq(again.dev[0].address, d->address);
			ck_assert_str_eq(again.dev[0].description, d->description);
			ck_assert_uint_eq(again.dev[0].cfg_size, d->cfg_size);
			ck_assert(!memcmp(again.dev[0].config, d->config,
					  d->cfg_size));
			vconfig_dump_free(&again);
			free(text);
			devices++;
		}
		vconfig_dump_free(&dump);
	}
	closedir(dir);
	ck_assert_uint_ge(devices, 50);
}
END_TEST

START_TEST(test_writer_format)
{
	u8 config[64];
	char *buf = NULL;
	size_t len;
	FILE *f = open_memstream(&buf, &len);
	unsigned int i;

	for (i = 0; i < sizeof(config); i++)
		config[i] = i * 3;
	ck_assert_ptr_nonnull(f);
	vconfig_dump_write(f, "00:03.0", NULL, config, sizeof(config));
	fclose(f);
	ck_assert_ptr_nonnull(strstr(buf, "00:03.0 \n00: 00 03 06 09"));
	ck_assert_ptr_nonnull(strstr(buf, "\n30: 90 93 96"));
	ck_assert_uint_eq(buf[len - 1], '\n');
	ck_assert_uint_eq(buf[len - 2], '\n');
	free(buf);
}
END_TEST

/* Run lspci on @path with @args; NULL when lspci is not available. */
static char *run_lspci(const char *path, const char *args)
{
	char cmd[1024], *out = NULL;
	size_t cap = 0, len = 0, n;
	FILE *p;

	if (access("/usr/bin/lspci", X_OK) && access("/sbin/lspci", X_OK) &&
	    access("/usr/sbin/lspci", X_OK) && access("/bin/lspci", X_OK))
		return NULL;
	snprintf(cmd, sizeof(cmd), "lspci -F '%s' %s 2>/dev/null", path, args);
	p = popen(cmd, "r");
	if (!p)
		return NULL;
	do {
		if (cap - len < 4096) {
			cap += 65536;
			out = realloc(out, cap);
			ck_assert_ptr_nonnull(out);
		}
		n = fread(out + len, 1, cap - len - 1, p);
		len += n;
	} while (n);
	out[len] = '\0';
	ck_assert_int_eq(pclose(p), 0);
	return out;
}

static void write_file(const char *path, const struct vconfig_dump_device *d)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	vconfig_dump_write(f, d->address, d->description, d->config, d->cfg_size);
	ck_assert_int_eq(fclose(f), 0);
}

START_TEST(test_lspci_decodes_writer_output)
{
	char path[] = "/tmp/vconfig-dump-XXXXXX";
	struct vconfig_dump dump, again;
	char *out, err[256];
	int fd = mkstemp(path);

	ck_assert_int_ge(fd, 0);
	close(fd);
	load_corpus_file("cap-pcie-2", &dump);
	write_file(path, &dump.dev[0]);
	out = run_lspci(path, "-vvv");
	if (!out) {
		unlink(path);
		vconfig_dump_free(&dump);
		return;		/* lspci not installed */
	}
	ck_assert_msg(strstr(out, "01:00.0 ") == out, "%s", out);
	ck_assert_ptr_nonnull(strstr(out, "Capabilities: [40] Power Management"));
	ck_assert_ptr_nonnull(strstr(out, "Express (v2) Endpoint"));
	ck_assert_ptr_nonnull(strstr(out, "Advanced Error Reporting"));
	ck_assert_ptr_nonnull(strstr(out, "Region 2: I/O ports at 1020"));
	free(out);

	/* lspci's own hex output of our file parses back byte for byte. */
	out = run_lspci(path, "-xxxx");
	ck_assert_ptr_nonnull(out);
	ck_assert_int_eq(parse_text(out, &again, err, sizeof(err)), 0);
	ck_assert_uint_eq(again.dev[0].cfg_size, 4096);
	ck_assert(!memcmp(again.dev[0].config, dump.dev[0].config, 4096));
	vconfig_dump_free(&again);
	free(out);
	vconfig_dump_free(&dump);

	/* A domain address and a 256-byte space. */
	load_corpus_file("PCI-X-bridges-and-domains", &dump);
	write_file(path, &dump.dev[12]);
	out = run_lspci(path, "-xxx");
	ck_assert_ptr_nonnull(out);
	ck_assert_ptr_nonnull(strstr(out, "0001:62:00.0 "));
	ck_assert_int_eq(parse_text(out, &again, err, sizeof(err)), 0);
	ck_assert(!memcmp(again.dev[0].config, dump.dev[12].config, 256));
	vconfig_dump_free(&again);
	free(out);
	vconfig_dump_free(&dump);
	unlink(path);
}
END_TEST

/* Deterministic mutations of a real dump: any result, but no crash. */
START_TEST(test_mutations_never_crash)
{
	char path[512], err[128];
	struct vconfig_dump dump;
	char *text, *copy;
	size_t len, i;
	unsigned int seed = 12345, round;
	FILE *f;

	snprintf(path, sizeof(path), "%s/cap-vendor-virtio", corpus_dir());
	f = fopen(path, "rb");
	ck_assert_ptr_nonnull(f);
	text = malloc(1 << 20);
	ck_assert_ptr_nonnull(text);
	len = fread(text, 1, 1 << 20, f);
	fclose(f);
	copy = malloc(len);
	ck_assert_ptr_nonnull(copy);
	for (round = 0; round < 3000; round++) {
		size_t cut = len;

		memcpy(copy, text, len);
		for (i = 0; i < 1 + round % 8; i++) {
			seed = seed * 1103515245 + 12345;
			copy[(seed >> 8) % len] = (round & 1) ? (char)(seed >> 3) :
				"0123456789abcdef :\n\t.[]="[(seed >> 4) % 25];
		}
		if (round % 5 == 0)
			cut = (seed >> 5) % len;
		if (!vconfig_dump_parse(copy, cut, &dump, err, sizeof(err))) {
			ck_assert_uint_ge(dump.nr_dev, 1);
			vconfig_dump_free(&dump);
		} else {
			ck_assert_ptr_nonnull(strstr(err, "line "));
		}
	}
	free(copy);
	free(text);
}
END_TEST

static Suite *dump_suite(void)
{
	Suite *s = suite_create("dump");
	TCase *tc = tcase_create("dump");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_corpus_parses);
	tcase_add_test(tc, test_domains_file);
	tcase_add_test(tc, test_pcie_2_regions);
	tcase_add_test(tc, test_virtio_regions);
	tcase_add_test(tc, test_decoded_text_variants);
	tcase_add_test(tc, test_size_units_and_overflow);
	tcase_add_test(tc, test_malformed_rejected);
	tcase_add_test(tc, test_truncated_device);
	tcase_add_test(tc, test_missing_file);
	tcase_add_test(tc, test_error_buffer_small);
	tcase_add_test(tc, test_crlf_and_sizes);
	tcase_add_test(tc, test_device_line_ends_device);
	tcase_add_test(tc, test_writer_roundtrip_corpus);
	tcase_add_test(tc, test_writer_format);
	tcase_add_test(tc, test_lspci_decodes_writer_output);
	tcase_add_test(tc, test_mutations_never_crash);
	suite_add_tcase(s, tc);
	return s;
}

VCONFIG_CHECK_MAIN(dump_suite)
