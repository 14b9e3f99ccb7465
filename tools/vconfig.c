// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * vconfig: inspect and exercise virtual PCI configuration spaces.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "cli.h"

static void usage(FILE *out)
{
	fputs("usage: vconfig COMMAND [ARGS]\n"
	      "\n"
	      "  emu FILE [--device ADDR] [--bar N=SIZE]... [--exec CMDS] [--physical]\n"
	      "      Model the function of an lspci -vvv -xxx[x] dump and print its\n"
	      "      virtual config space in lspci dump format, or run CMDS against it:\n"
	      "      \"r OFF SIZE; w OFF SIZE VAL; reset; vpd-complete DATA\".\n"
	      "  perms FILE [--device ADDR] [--bar N=SIZE]...\n"
	      "      Print the permission map of the function: owner and\n"
	      "      virtual/writable/RW1C/invariant bits per register.\n"
	      "  perms --doc\n"
	      "      Print the permission tables of the engine as Markdown.\n"
	      "  snapshot BDF [--physical]\n"
	      "      Read a host device (read-only, through libpciaccess) and print\n"
	      "      its virtual config space in lspci dump format.\n"
	      "  ls [-s BDF] [-x|-xxx|-xxxx] [-n]\n"
	      "      List the VFIO devices with regions, interrupts and capabilities (lsvfio).\n"
	      "  fuzz (FILE | --vfio BDF) [--seed N] [--count M] [--actions] [--repro PATH]\n"
	      "      Random config accesses through the layer under the fuzzing invariants.\n"
	      "\n"
	      "Options common to emu and perms:\n"
	      "  --strict                  the engine's strict profile (unassigned bytes and\n"
	      "                            vendor capabilities read-only, MSI masks virtual)\n"
	      "  --passthrough-unassigned  with --strict: unassigned bytes reach hardware\n",
	      out);
}

int main(int argc, char **argv)
{
	if (strstr(argv[0], "lsvfio"))
		return cmd_ls(argc, argv);
	if (argc < 2) {
		usage(stderr);
		return CLI_EXIT_USAGE;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	if (!strcmp(argv[1], "emu"))
		return cmd_emu(argc - 1, argv + 1);
	if (!strcmp(argv[1], "perms"))
		return cmd_perms(argc - 1, argv + 1);
	if (!strcmp(argv[1], "snapshot"))
		return cmd_snapshot(argc - 1, argv + 1);
	if (!strcmp(argv[1], "ls"))
		return cmd_ls(argc - 1, argv + 1);
	if (!strcmp(argv[1], "fuzz"))
		return cmd_fuzz(argc - 1, argv + 1);
	cli_error("unknown command '%s' (try 'vconfig --help')", argv[1]);
	return CLI_EXIT_USAGE;
}
