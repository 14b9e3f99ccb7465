/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: a module is the program. module_init() and
 * module_exit() name what the runtime's main() calls first and last;
 * MODULE_*() strings land in a section the runtime prints with --help.
 */
#ifndef VCONFIG_SHIM_LINUX_MODULE_H
#define VCONFIG_SHIM_LINUX_MODULE_H

#include_next <linux/module.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>

struct module;
#define THIS_MODULE	((struct module *)0)

void vcshim_set_module_init(int (*fn)(void));
void vcshim_set_module_exit(void (*fn)(void));

#define module_init(fn)							\
static void __attribute__((constructor)) vcshim_module_init_##fn(void)	\
{									\
	vcshim_set_module_init(fn);					\
}

#define module_exit(fn)							\
static void __attribute__((constructor)) vcshim_module_exit_##fn(void)	\
{									\
	vcshim_set_module_exit(fn);					\
}

#define MODULE_LICENSE(l)	VCSHIM_MODINFO(license, l)
#define MODULE_AUTHOR(a)	VCSHIM_MODINFO(author, a)
#define MODULE_DESCRIPTION(d)	VCSHIM_MODINFO(description, d)
#define MODULE_VERSION(v)	VCSHIM_MODINFO(version, v)
#define MODULE_ALIAS(a)		VCSHIM_MODINFO(alias, a)
#define MODULE_IMPORT_NS(ns)	extern int vcshim_import_ns __attribute__((unused))
/* The runtime matches devices against the pci_driver's own table. */
#define MODULE_DEVICE_TABLE(type, name) \
	extern int vcshim_device_table_##type##_##name __attribute__((unused))

#endif /* VCONFIG_SHIM_LINUX_MODULE_H */
