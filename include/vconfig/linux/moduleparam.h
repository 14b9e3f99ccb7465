/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: module parameters, given on the command line as
 * NAME=VALUE, as to insmod.
 */
#ifndef VCONFIG_SHIM_LINUX_MODULEPARAM_H
#define VCONFIG_SHIM_LINUX_MODULEPARAM_H

#include <linux/types.h>

void vcshim_register_param(const char *name, const char *type, void *var);

/* Checks that the variable has the type the parameter is declared with. */
#define vcshim_param_check_int(name)	((void)sizeof(&(name) == (int *)0))
#define vcshim_param_check_uint(name)	((void)sizeof(&(name) == (unsigned int *)0))
#define vcshim_param_check_long(name)	((void)sizeof(&(name) == (long *)0))
#define vcshim_param_check_ulong(name)	((void)sizeof(&(name) == (unsigned long *)0))
#define vcshim_param_check_short(name)	((void)sizeof(&(name) == (short *)0))
#define vcshim_param_check_ushort(name)	((void)sizeof(&(name) == (unsigned short *)0))
#define vcshim_param_check_bool(name)	((void)sizeof(&(name) == (bool *)0))
#define vcshim_param_check_charp(name)	((void)sizeof(&(name) == (char **)0))

#define module_param_named(name, value, type, perm)			\
static void __attribute__((constructor)) vcshim_param_##name(void)	\
{									\
	vcshim_param_check_##type(value);				\
	vcshim_register_param(#name, #type, &(value));			\
}									\
extern int vcshim_param_perm_##name __attribute__((unused))

#define module_param(name, type, perm)	module_param_named(name, name, type, perm)
#define MODULE_PARM_DESC(name, desc)	extern int vcshim_param_desc_##name __attribute__((unused))

#endif /* VCONFIG_SHIM_LINUX_MODULEPARAM_H */
