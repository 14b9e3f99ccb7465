// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vconfig snapshot: a host function read once through libpciaccess,
 * read-only, under the engine, printed in lspci dump format.
 */
#include <stdio.h>
#include "cli.h"

int cmd_snapshot(int argc, char **argv)
{
	struct cli_options opt;
	struct cli_device dev;
	int ret;

	if (cli_parse_options(argc, argv, &opt))
		return CLI_EXIT_USAGE;
	if (!opt.file) {
		cli_error("snapshot: missing BDF (e.g. 0000:00:1f.3)");
		return CLI_EXIT_USAGE;
	}
	ret = cli_open_snapshot(opt.file, &opt, &dev);
	if (!ret)
		ret = cli_print_dump(&dev, opt.physical);
	cli_close(&dev);
	return ret;
}
