// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: main() of kernel PCI drivers built as a program. It is
 * an object of its own (build/shim/main.o), linked into each program,
 * never part of a library.
 *
 *   PROGRAM [-v] [--once] [-t SECONDS] [BDF...] [PARAM[=VALUE]...]
 *
 * Opens the named functions (bound to vfio-vconfig or vfio-pci; also taken
 * from $VCONFIG_BDF), runs every module's init in link order -- a module
 * that registers a PCI driver probes the devices its ID table matches --
 * then waits, as loaded modules would, for SIGINT or SIGTERM (at most
 * SECONDS with -t; not at all with --once), runs the reboot notifiers and
 * every module's exit in reverse order. A fatal signal is a panic().
 * Exit status: 0 when every device was probed, 1 otherwise, 2 on usage.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <linux/module.h>
#include <linux/notifier.h>
#include <linux/pci.h>
#include <linux/reboot.h>

#include "shim.h"

#define MAX_DEVICES	32

extern const struct kernel_param *__start_vcshim_param[] __attribute__((weak));
extern const struct kernel_param *__stop_vcshim_param[] __attribute__((weak));
extern const char __start_vcshim_modinfo[] __attribute__((weak));
extern const char __stop_vcshim_modinfo[] __attribute__((weak));
extern struct blocking_notifier_head reboot_notifier_list;

static void usage(FILE *out, const char *prog)
{
	const struct kernel_param **p;
	const char *s;
	char val[4096];

	fprintf(out, "usage: %s [-v] [--once] [-t SECONDS] [BDF...] [PARAM[=VALUE]...]\n"
		"  Runs these kernel PCI drivers over the VFIO devices BDF (or $VCONFIG_BDF),\n"
		"  until SIGINT/SIGTERM, -t SECONDS, or at once with --once.\n", prog);
	for (s = __start_vcshim_modinfo; s && s < __stop_vcshim_modinfo; s += strlen(s) + 1)
		if (*s)
			fprintf(out, "  %s\n", s);
	for (p = __start_vcshim_param; p && p < __stop_vcshim_param; p++) {
		int n = (*p)->ops->get ? (*p)->ops->get(val, *p) : 0;

		if (n > 0 && val[n - 1] == '\n')
			val[n - 1] = 0;
		fprintf(out, "  parameter %s = %s\n", (*p)->name, n > 0 ? val : "");
	}
}

/* Wait for SIGINT or SIGTERM, or @seconds when positive. */
static void run(const sigset_t *stop, long seconds)
{
	struct timespec ts = { .tv_sec = seconds };

	while ((seconds > 0 ? sigtimedwait(stop, NULL, &ts) : sigwaitinfo(stop, NULL)) < 0 &&
	       errno == EINTR)
		;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "once", no_argument, NULL, '1' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct vcshim_pci *devs[MAX_DEVICES];
	const char *bdfs[MAX_DEVICES];
	unsigned int nr_bdfs = 0, nr_devs = 0, nr_modules, i;
	char *env, *tok, *save = NULL;
	bool once = false;
	long seconds = 0;
	sigset_t stop;
	int opt, status = 0, ret;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (!vcshim_zero_init_ok()) {
		fprintf(stderr, "%s: this libc's lock initialisers are not all-zero\n", argv[0]);
		return 1;
	}
	while ((opt = getopt_long(argc, argv, "1vht:", longopts, NULL)) != -1) {
		switch (opt) {
		case '1':
			once = true;
			break;
		case 'v':
			vcshim_verbose = true;
			break;
		case 't':
			seconds = strtol(optarg, NULL, 0);
			break;
		case 'h':
			usage(stdout, argv[0]);
			return 0;
		default:
			usage(stderr, argv[0]);
			return 2;
		}
	}
	for (i = optind; i < (unsigned int)argc; i++) {
		if (vcshim_is_param(argv[i])) {
			ret = vcshim_set_param(argv[i]);
			if (ret) {
				fprintf(stderr, "%s: %s: %s\n", argv[0], argv[i],
					ret == -ENOENT ? "no such parameter" : "bad value");
				return 2;
			}
		} else if (nr_bdfs < MAX_DEVICES) {
			bdfs[nr_bdfs++] = argv[i];
		}
	}
	env = getenv("VCONFIG_BDF");
	if (!nr_bdfs && env) {
		env = strdup(env);
		for (tok = strtok_r(env, ", ", &save); tok && nr_bdfs < MAX_DEVICES;
		     tok = strtok_r(NULL, ", ", &save))
			bdfs[nr_bdfs++] = tok;
	}
	if (!nr_bdfs) {
		usage(stderr, argv[0]);
		return 2;
	}

	/* Blocked before any thread starts, so that only run() takes them. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	sigprocmask(SIG_BLOCK, &stop, NULL);
	vcshim_catch_fatal_signals();

	for (i = 0; i < nr_bdfs; i++) {
		devs[nr_devs] = vcshim_pci_open(bdfs[i]);
		if (!devs[nr_devs]) {
			status = 1;
			goto close;
		}
		nr_devs++;
	}

	if (vcshim_init_modules(&nr_modules)) {
		status = 1;
		goto close;
	}
	for (i = 0; i < nr_devs; i++) {
		struct pci_dev *dev = &devs[i]->pdev;

		if (!dev->driver) {
			pr_err("%s: %04x:%04x: not probed by this driver\n",
			       dev->dev.name, dev->vendor, dev->device);
			status = 1;
		}
	}
	if (!once)
		run(&stop, seconds);
	blocking_notifier_call_chain(&reboot_notifier_list, SYS_HALT, NULL);
	vcshim_exit_modules(nr_modules);
close:
	for (i = 0; i < nr_devs; i++)
		vcshim_pci_close(devs[i]);
	return status;
}
