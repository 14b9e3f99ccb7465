// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: the modules of a program. module_init(), module_exit()
 * and module_param() fill sections, in link order; this walks them.
 */
#include <string.h>

#include <linux/module.h>
#include <linux/moduleparam.h>

#include "shim.h"

/* The sections that module_init(), module_exit(), module_param() and
 * MODULE_*() fill, in link order. */
extern const struct vcshim_module_call *__start_vcshim_init[] __attribute__((weak));
extern const struct vcshim_module_call *__stop_vcshim_init[] __attribute__((weak));
extern const struct vcshim_module_call *__start_vcshim_exit[] __attribute__((weak));
extern const struct vcshim_module_call *__stop_vcshim_exit[] __attribute__((weak));
extern const struct kernel_param *__start_vcshim_param[] __attribute__((weak));
extern const struct kernel_param *__stop_vcshim_param[] __attribute__((weak));

static const struct kernel_param *find_param(const char *name, size_t len)
{
	const struct kernel_param **p;

	for (p = __start_vcshim_param; p && p < __stop_vcshim_param; p++)
		if (strlen((*p)->name) == len && !strncmp((*p)->name, name, len))
			return *p;
	return NULL;
}

/**
 * vcshim_set_param() - apply "NAME=VALUE" or a bare "NAME" as insmod would
 * @arg: the command-line word
 *
 * Return: 0, -ENOENT when no parameter has that name, or the error of the
 * parameter's set().
 */
int vcshim_set_param(const char *arg)
{
	const char *eq = strchr(arg, '=');
	const struct kernel_param *kp = find_param(arg, eq ? (size_t)(eq - arg) : strlen(arg));

	if (!kp)
		return -ENOENT;
	if (!eq && !(kp->ops->flags & KERNEL_PARAM_OPS_FL_NOARG))
		return -EINVAL;
	return kp->ops->set(eq ? eq + 1 : NULL, kp);
}

bool vcshim_is_param(const char *arg)
{
	const char *eq = strchr(arg, '=');

	return eq || find_param(arg, strlen(arg));
}

static bool module_initialised(const char *modname, unsigned int nr_done)
{
	unsigned int i;

	for (i = 0; i < nr_done; i++)
		if (!strcmp(__start_vcshim_init[i]->modname, modname))
			return true;
	return false;
}

/* The exits, newest module first, of the modules whose init ran. */
void vcshim_exit_modules(unsigned int nr_done)
{
	const struct vcshim_module_call **c;

	for (c = __stop_vcshim_exit; __start_vcshim_exit && c-- > __start_vcshim_exit;)
		if (module_initialised((*c)->modname, nr_done))
			(*c)->exit();
}

/* Every module's init in link order; on a failure, the exits of those
 * already initialised, as unloading a half-loaded stack would run them. */
int vcshim_init_modules(unsigned int *nr_done)
{
	const struct vcshim_module_call **c;
	int ret;

	*nr_done = 0;
	for (c = __start_vcshim_init; c && c < __stop_vcshim_init; c++) {
		ret = (*c)->init();
		if (ret) {
			pr_err("%s: module init failed: %d\n", (*c)->modname, ret);
			vcshim_exit_modules(*nr_done);
			return ret;
		}
		(*nr_done)++;
	}
	return 0;
}

