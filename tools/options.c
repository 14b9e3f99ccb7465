// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The command line of the vconfig tool: messages, sizes, BAR sizes and the
 * options that emu, perms and snapshot share.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

void cli_error(const char *fmt, ...)
{
	va_list ap;

	fputs("vconfig: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_warn(const char *fmt, ...)
{
	va_list ap;

	fputs("vconfig: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* "4096", "0x1000", "4K", "16M", "2G" */
int cli_parse_size(const char *s, u64 *out)
{
	unsigned long long v;
	char *end;

	if (!s || !*s || *s == '-')
		return -EINVAL;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s)
		return -EINVAL;
	switch (toupper((unsigned char)*end)) {
	case 'K':
		v <<= 10;
		end++;
		break;
	case 'M':
		v <<= 20;
		end++;
		break;
	case 'G':
		v <<= 30;
		end++;
		break;
	case 'T':
		v <<= 40;
		end++;
		break;
	}
	if (*end == 'B' || *end == 'b')
		end++;
	if (*end)
		return -EINVAL;
	*out = v;
	return 0;
}

int cli_parse_bar_option(const char *arg, struct cli_options *opt)
{
	const char *eq = strchr(arg, '=');
	unsigned int index;
	u64 size;

	if (!eq)
		goto bad;
	if (!strncmp(arg, "rom", 3) && eq == arg + 3)
		index = VCONFIG_ROM_BAR;
	else if (eq == arg + 1 && arg[0] >= '0' && arg[0] <= '6')
		index = arg[0] - '0';
	else
		goto bad;
	if (cli_parse_size(eq + 1, &size))
		goto bad;
	opt->bar[index].size = size;
	opt->bar_set[index] = true;
	return 0;
bad:
	cli_error("--bar '%s': expected N=SIZE with N 0-5, 6 or rom (e.g. 0=16K)", arg);
	return -EINVAL;
}

/* The options of emu, perms and snapshot; FILE is the one operand. */
int cli_parse_options(int argc, char **argv, struct cli_options *opt)
{
	int i;

	memset(opt, 0, sizeof(*opt));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--device") && i + 1 < argc) {
			opt->device = argv[++i];
		} else if (!strcmp(a, "--bar") && i + 1 < argc) {
			if (cli_parse_bar_option(argv[++i], opt))
				return -EINVAL;
		} else if (!strcmp(a, "--exec") && i + 1 < argc) {
			opt->exec = argv[++i];
		} else if (!strcmp(a, "--physical")) {
			opt->physical = true;
		} else if (!strcmp(a, "--doc")) {
			opt->doc = true;
		} else if (!strcmp(a, "--passthrough-unassigned")) {
			opt->engine_flags |= VCONFIG_F_UNASSIGNED_PASSTHROUGH;
		} else if (!strcmp(a, "--strict")) {
			opt->engine_flags |= VCONFIG_F_STRICT;
		} else if (a[0] == '-' && a[1]) {
			cli_error("%s: unknown option '%s' or missing value", argv[0], a);
			return -EINVAL;
		} else if (!opt->file) {
			opt->file = a;
		} else {
			cli_error("%s: unexpected argument '%s'", argv[0], a);
			return -EINVAL;
		}
	}
	if (!opt->file && !opt->doc) {
		cli_error("%s: missing FILE (an lspci -vvv -xxx dump)", argv[0]);
		return -EINVAL;
	}
	return 0;
}
