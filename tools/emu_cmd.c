// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vconfig emu: a dump's function under the engine, printed or exercised
 * with a small access script.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

static int parse_common(int argc, char **argv, struct cli_options *opt,
			bool need_file)
{
	int i;

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
	if (need_file && !opt->file && !opt->doc) {
		cli_error("%s: missing FILE (an lspci -vvv -xxx dump)", argv[0]);
		return -EINVAL;
	}
	return 0;
}

int cli_parse_options(int argc, char **argv, struct cli_options *opt)
{
	memset(opt, 0, sizeof(*opt));
	return parse_common(argc, argv, opt, true);
}

int cmd_emu(int argc, char **argv)
{
	struct cli_options opt;
	struct cli_device dev;
	int ret;

	if (cli_parse_options(argc, argv, &opt))
		return CLI_EXIT_USAGE;
	ret = cli_open_emu(&opt, &dev);
	if (!ret)
		ret = opt.exec ? cli_exec(&dev, opt.exec) :
				 cli_print_dump(&dev, opt.physical);
	cli_close(&dev);
	return ret;
}

void cli_print_effect(const struct vconfig_effect *e)
{
	printf("effect: %s", vconfig_effect_name(e->type));
	switch (e->type) {
	case VCONFIG_EFFECT_INTX_MASK:
		printf(" masked=%d", e->intx.masked);
		break;
	case VCONFIG_EFFECT_DECODE:
		printf(" memory=%d io=%d", e->decode.memory, e->decode.io);
		break;
	case VCONFIG_EFFECT_BUS_MASTER:
		printf(" enable=%d", e->master.enable);
		break;
	case VCONFIG_EFFECT_MSI:
		printf(" enable=%d nvec=%u", e->msi.enable, e->msi.nvec);
		break;
	case VCONFIG_EFFECT_MSIX:
		printf(" enable=%d masked=%d", e->msix.enable, e->msix.masked);
		break;
	case VCONFIG_EFFECT_POWER_STATE:
		printf(" from=D%u to=D%u", e->power.from, e->power.to);
		break;
	case VCONFIG_EFFECT_VPD:
		printf(" %s addr=0x%x", e->vpd.write ? "write" : "read", e->vpd.addr);
		if (e->vpd.write)
			printf(" data=0x%08x", e->vpd.data);
		break;
	case VCONFIG_EFFECT_BAR:
		printf(" region=%u enabled=%d addr=0x%llx", e->bar.region,
		       e->bar.enabled, (unsigned long long)e->bar.addr);
		break;
	case VCONFIG_EFFECT_READRQ:
		printf(" bytes=%u", e->readrq.bytes);
		break;
	case VCONFIG_EFFECT_MSI_MASK:
		printf(" mask=0x%08x", e->msi_mask.mask);
		break;
	default:
		break;
	}
	putchar('\n');
}
