// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vconfig emu: a dump's function under the engine, printed or exercised
 * with a small access script.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli.h"

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
