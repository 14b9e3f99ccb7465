/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: a program is one or more modules. Each module_init()
 * and module_exit() adds an entry to a section the runtime's main() walks:
 * every init in link order, every exit in reverse, as the kernel would
 * load and unload the modules one after another. MODULE_*() strings land
 * in a section the runtime prints with --help.
 */
#ifndef _VCSHIM_LINUX_MODULE_H
#define _VCSHIM_LINUX_MODULE_H

#include_next <linux/module.h>
#include <linux/compiler.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/moduleparam.h>
#include <linux/stringify.h>
#include <linux/device.h>

struct module {
	const char *name;
};
#define THIS_MODULE	((struct module *)0)
#define MODULE_NAME_LEN	56
#define __MODULE_STRING(x)	__stringify(x)

struct vcshim_module_call {
	const char *modname;
	int (*init)(void);
	void (*exit)(void);
};

#define module_init(initfn)						\
	static const struct vcshim_module_call __PASTE(__vcshim_init_, initfn) = { \
		.modname = KBUILD_MODNAME, .init = initfn };		\
	static const struct vcshim_module_call *__PASTE(__vcshim_initp_, initfn) \
	__used __section("vcshim_init") __aligned(sizeof(void *)) =	\
		&__PASTE(__vcshim_init_, initfn)

#define module_exit(exitfn)						\
	static const struct vcshim_module_call __PASTE(__vcshim_exit_, exitfn) = { \
		.modname = KBUILD_MODNAME, .exit = exitfn };		\
	static const struct vcshim_module_call *__PASTE(__vcshim_exitp_, exitfn) \
	__used __section("vcshim_exit") __aligned(sizeof(void *)) =	\
		&__PASTE(__vcshim_exit_, exitfn)

#define MODULE_INFO(tag, info)	__MODULE_INFO(tag, tag, info)
#define MODULE_LICENSE(l)	MODULE_INFO(license, l)
#define MODULE_AUTHOR(a)	MODULE_INFO(author, a)
#define MODULE_DESCRIPTION(d)	MODULE_INFO(description, d)
#define MODULE_VERSION(v)	MODULE_INFO(version, v)
#define MODULE_ALIAS(a)		MODULE_INFO(alias, a)
#define MODULE_SOFTDEP(s)	MODULE_INFO(softdep, s)
#define MODULE_FIRMWARE(f)	MODULE_INFO(firmware, f)
#define MODULE_IMPORT_NS(ns)	MODULE_INFO(import_ns, __stringify(ns))
/* The runtime matches devices against the pci_driver's own table. */
#define MODULE_DEVICE_TABLE(type, name) \
	extern typeof(name) __mod_##type##__##name##_device_table __attribute__((unused))

static inline bool try_module_get(struct module *m)
{
	(void)m;
	return true;
}

static inline void module_put(struct module *m)
{
	(void)m;
}

#define __module_get(m)		do { } while (0)
#define module_name(m)		KBUILD_MODNAME

#endif /* _VCSHIM_LINUX_MODULE_H */
