/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: module parameters, given on the command line as
 * NAME=VALUE, as to insmod.
 */
#ifndef VCONFIG_SHIM_LINUX_MODULEPARAM_H
#define VCONFIG_SHIM_LINUX_MODULEPARAM_H

#include <linux/types.h>

void vcshim_register_param(const char *name, const char *type, void *var);

/* "tag=info" strings in a section of their own, as the kernel's .modinfo. */
#define VCSHIM_CONCAT_(a, b)	a##b
#define VCSHIM_CONCAT(a, b)	VCSHIM_CONCAT_(a, b)
#define VCSHIM_MODINFO(tag, info)					\
	static const char VCSHIM_CONCAT(vcshim_modinfo_, __COUNTER__)[]	\
	__attribute__((used, section("vcshim_modinfo"), aligned(1))) = #tag "=" info

/* Checks that the variable has the type the parameter is declared with. */
#define vcshim_param_check_int(name)	((void)sizeof(&(name) == (int *)0))
#define vcshim_param_check_uint(name)	((void)sizeof(&(name) == (unsigned int *)0))
#define vcshim_param_check_long(name)	((void)sizeof(&(name) == (long *)0))
#define vcshim_param_check_ulong(name)	((void)sizeof(&(name) == (unsigned long *)0))
#define vcshim_param_check_short(name)	((void)sizeof(&(name) == (short *)0))
#define vcshim_param_check_ushort(name)	((void)sizeof(&(name) == (unsigned short *)0))
#define vcshim_param_check_bool(name)	((void)sizeof(&(name) == (bool *)0))
#define vcshim_param_check_charp(name)	((void)sizeof(&(name) == (char **)0))

/* The type is pasted here, not in a helper: "bool" is a macro of stdbool.h. */
#define module_param_named(name, value, type, perm) \
	vcshim_module_param(name, value, vcshim_param_check_##type, #type)
#define module_param(name, type, perm) \
	vcshim_module_param(name, name, vcshim_param_check_##type, #type)

#define vcshim_module_param(name, value, check, type_name)		\
static void __attribute__((constructor)) vcshim_param_##name(void)	\
{									\
	check(value);							\
	vcshim_register_param(#name, type_name, &(value));		\
}									\
extern int vcshim_param_##name##_declared __attribute__((unused))

#define MODULE_PARM_DESC(name, desc)	VCSHIM_MODINFO(parm, #name ":" desc)

#endif /* VCONFIG_SHIM_LINUX_MODULEPARAM_H */
