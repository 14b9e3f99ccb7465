/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/* The vconfig command-line tool: shared pieces of its subcommands. */
#ifndef VCONFIG_CLI_H
#define VCONFIG_CLI_H

#include <vconfig/access.h>
#include <vconfig/emu.h>

/* Exit status for bad input of any kind. */
#define CLI_EXIT_USAGE	2

/* A function opened for a subcommand: its model and its virtual view. */
struct cli_device {
	struct vconfig_dump dump;
	struct vconfig_emu *emu;
	struct vconfig_readonly snapshot;
	struct vconfig_dump_device snap_dev;
	struct vconfig *vc;
	char address[64];
	char description[256];
};

struct cli_options {
	const char *file;
	const char *device;
	const char *exec;
	bool physical;
	bool doc;
	u32 engine_flags;
	struct vconfig_region_desc bar[VCONFIG_NR_REGIONS];
	bool bar_set[VCONFIG_NR_REGIONS];
};

/* options.c */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void cli_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int cli_parse_size(const char *s, u64 *out);
int cli_parse_bar_option(const char *arg, struct cli_options *opt);
int cli_parse_options(int argc, char **argv, struct cli_options *opt);

/* device.c */
int cli_open_emu(const struct cli_options *opt, struct cli_device *dev);
int cli_open_snapshot(const char *bdf, const struct cli_options *opt,
		      struct cli_device *dev);
void cli_close(struct cli_device *dev);
/* Print the virtual view (or, with @physical, the model) in lspci format. */
int cli_print_dump(struct cli_device *dev, bool physical);

/* exec.c: the access script of emu --exec */
int cli_exec(struct cli_device *dev, const char *script);
void cli_print_effect(const struct vconfig_effect *e);

/* One file per subcommand: <name>_cmd.c */
int cmd_emu(int argc, char **argv);
int cmd_perms(int argc, char **argv);
int cli_print_doc(void);
int cmd_snapshot(int argc, char **argv);
int cmd_ls(int argc, char **argv);
int cmd_fuzz(int argc, char **argv);

#endif /* VCONFIG_CLI_H */
