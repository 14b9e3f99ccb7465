// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace PCI shim: main() of a kernel PCI driver built as a program.
 *
 *   DRIVER [-v] [--once] [-t SECONDS] [BDF...] [PARAM=VALUE...]
 *
 * Opens the named functions (bound to vfio-vconfig or vfio-pci; also taken
 * from $VCONFIG_BDF), runs the module's init, which registers the driver
 * and so probes the devices its ID table matches, then waits, as a loaded
 * module would, for SIGINT or SIGTERM (at most SECONDS with -t; not at all
 * with --once), and runs the module's exit, which removes them.
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
#include <linux/pci.h>

#include "shim.h"

#define MAX_DEVICES	32
#define MAX_PARAMS	64

static int (*module_init_fn)(void);
static void (*module_exit_fn)(void);

struct param {
	const char *name;
	const char *type;
	void *var;
};

static struct param params[MAX_PARAMS];
static unsigned int nr_params;

/* The strings of MODULE_LICENSE(), MODULE_DESCRIPTION(), ... */
extern const char __start_vcshim_modinfo[] __attribute__((weak));
extern const char __stop_vcshim_modinfo[] __attribute__((weak));

void vcshim_set_module_init(int (*fn)(void))
{
	module_init_fn = fn;
}

void vcshim_set_module_exit(void (*fn)(void))
{
	module_exit_fn = fn;
}

void vcshim_register_param(const char *name, const char *type, void *var)
{
	if (nr_params < MAX_PARAMS)
		params[nr_params++] = (struct param){ name, type, var };
}

static int set_param(const char *arg)
{
	const char *eq = strchr(arg, '=');
	const char *val = eq + 1;
	unsigned int i;
	char *end;
	long v;

	for (i = 0; i < nr_params; i++) {
		const struct param *p = &params[i];

		if (strlen(p->name) != (size_t)(eq - arg) ||
		    strncmp(p->name, arg, eq - arg))
			continue;
		if (!strcmp(p->type, "charp")) {
			*(const char **)p->var = val;
			return 0;
		}
		if (!strcmp(p->type, "bool")) {
			/* what the kernel's kstrtobool() takes */
			if (!val[0] || !strchr("yY1nN0", val[0]))
				return -EINVAL;
			*(bool *)p->var = strchr("yY1", val[0]) != NULL;
			return 0;
		}
		errno = 0;
		v = strtol(val, &end, 0);
		if (errno || end == val || *end)
			return -EINVAL;
		if (!strcmp(p->type, "int") || !strcmp(p->type, "uint"))
			*(int *)p->var = v;
		else if (!strcmp(p->type, "short") || !strcmp(p->type, "ushort"))
			*(short *)p->var = v;
		else
			*(long *)p->var = v;
		return 0;
	}
	return -ENOENT;
}

static void usage(FILE *out, const char *prog)
{
	const char *s = __start_vcshim_modinfo;
	unsigned int i;

	fprintf(out, "usage: %s [-v] [--once] [-t SECONDS] [BDF...] [PARAM=VALUE...]\n"
		"  Runs this kernel PCI driver over the VFIO devices BDF (or $VCONFIG_BDF),\n"
		"  until SIGINT/SIGTERM, -t SECONDS, or at once with --once.\n", prog);
	for (; s && s < __stop_vcshim_modinfo; s += strlen(s) + 1)
		if (*s)
			fprintf(out, "  %s\n", s);
	for (i = 0; i < nr_params; i++)
		fprintf(out, "  parameter %s (%s)\n", params[i].name, params[i].type);
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
	unsigned int nr_bdfs = 0, nr_devs = 0, i;
	char *env, *tok, *save = NULL;
	bool once = false;
	long seconds = 0;
	sigset_t stop;
	int opt, status = 0, ret;

	setvbuf(stdout, NULL, _IOLBF, 0);
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
		if (strchr(argv[i], '=')) {
			ret = set_param(argv[i]);
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

	for (i = 0; i < nr_bdfs; i++) {
		devs[nr_devs] = vcshim_pci_open(bdfs[i]);
		if (!devs[nr_devs]) {
			status = 1;
			goto close;
		}
		nr_devs++;
	}

	if (module_init_fn) {
		ret = module_init_fn();
		if (ret) {
			pr_err("module init failed: %d\n", ret);
			status = 1;
			goto close;
		}
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
	if (module_exit_fn)
		module_exit_fn();
close:
	for (i = 0; i < nr_devs; i++)
		vcshim_pci_close(devs[i]);
	return status;
}
