/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: module parameters, given on the program's command line
 * as to insmod: NAME=VALUE, or a bare NAME for a boolean. The model is the
 * kernel's: each parameter is a struct kernel_param with its ops (the
 * standard param_ops_* or a driver's own), collected in a section the
 * runtime walks; arrays take comma-separated values.
 */
#ifndef _VCSHIM_LINUX_MODULEPARAM_H
#define _VCSHIM_LINUX_MODULEPARAM_H

#include <linux/compiler.h>
#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/types.h>

#ifndef KBUILD_MODNAME
#define KBUILD_MODNAME "unnamed"
#endif
#define MODULE_PARAM_PREFIX	/* empty: a program has one namespace */

struct module;
struct kernel_param;

#define KERNEL_PARAM_OPS_FL_NOARG	(1 << 0)

struct kernel_param_ops {
	unsigned int flags;
	int (*set)(const char *val, const struct kernel_param *kp);
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

struct kparam_string {
	unsigned int maxlen;
	char *string;
};

struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

/* "tag=info" strings in a section of their own, as the kernel's .modinfo. */
#define __MODULE_INFO(tag, name, info)					\
	static const char __UNIQUE_ID(name)[]				\
	__used __section("vcshim_modinfo") __aligned(1) = __stringify(tag) "=" info
#define __MODULE_PARM_TYPE(name, _type) \
	__MODULE_INFO(parmtype, name##type, #name ":" _type)
#define MODULE_PARM_DESC(_parm, desc) \
	__MODULE_INFO(parm, _parm, #_parm ":" desc)

#define __module_param_call(prefix, name, ops, arg, perm, level, flags)	\
	static const char __param_str_##name[] = prefix #name;		\
	static const struct kernel_param __param_##name = {		\
		__param_str_##name, NULL, ops, perm, level, flags, { arg } \
	};								\
	static const struct kernel_param *__param_ptr_##name		\
	__used __section("vcshim_param") __aligned(sizeof(void *)) = &__param_##name

#define module_param_cb(name, ops, arg, perm) \
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)
#define module_param_cb_unsafe(name, ops, arg, perm) module_param_cb(name, ops, arg, perm)
#define module_param_call(name, _set, _get, arg, perm)			\
	static const struct kernel_param_ops __param_ops_##name = {	\
		.set = _set, .get = _get };				\
	__module_param_call(MODULE_PARAM_PREFIX, name, &__param_ops_##name, arg, perm, -1, 0)

/* The type check of the kernel: the variable has the parameter's type. */
#define __param_check(name, p, type) \
	static inline type __always_unused *__check_##name(void) { return (p); }
#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_ullong(name, p)	__param_check(name, p, unsigned long long)
#define param_check_hexint(name, p)	__param_check(name, p, unsigned int)
#define param_check_charp(name, p)	__param_check(name, p, char *)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)
#define param_check_bool_enable_only	param_check_bool

#define module_param_named(name, value, type, perm)			\
	param_check_##type(name, &(value));				\
	module_param_cb(name, &param_ops_##type, &value, perm);		\
	__MODULE_PARM_TYPE(name, #type)
#define module_param(name, type, perm)	module_param_named(name, name, type, perm)
#define module_param_unsafe(name, type, perm) module_param(name, type, perm)
#define module_param_named_unsafe(name, value, type, perm) \
	module_param_named(name, value, type, perm)

#define module_param_string(name, string, len, perm)			\
	static const struct kparam_string __param_string_##name		\
		= { len, string };					\
	__module_param_call(MODULE_PARAM_PREFIX, name,			\
			    &param_ops_string,				\
			    .str = &__param_string_##name, perm, -1, 0); \
	__MODULE_PARM_TYPE(name, "string")

#define module_param_array_named(name, array, type, nump, perm)	\
	param_check_##type(name, &(array)[0]);				\
	static const struct kparam_array __param_arr_##name		\
	= { .max = ARRAY_SIZE(array), .num = nump,			\
	    .ops = &param_ops_##type,					\
	    .elemsize = sizeof(array[0]), .elem = array };		\
	__module_param_call(MODULE_PARAM_PREFIX, name,			\
			    &param_array_ops,				\
			    .arr = &__param_arr_##name,			\
			    perm, -1, 0);				\
	__MODULE_PARM_TYPE(name, "array of " #type)
#define module_param_array(name, type, nump, perm) \
	module_param_array_named(name, name, type, nump, perm)

#define VCSHIM_PARAM_TYPE(type)						\
	extern const struct kernel_param_ops param_ops_##type;		\
	int param_set_##type(const char *val, const struct kernel_param *kp); \
	int param_get_##type(char *buffer, const struct kernel_param *kp)
VCSHIM_PARAM_TYPE(byte);
VCSHIM_PARAM_TYPE(short);
VCSHIM_PARAM_TYPE(ushort);
VCSHIM_PARAM_TYPE(int);
VCSHIM_PARAM_TYPE(uint);
VCSHIM_PARAM_TYPE(long);
VCSHIM_PARAM_TYPE(ulong);
VCSHIM_PARAM_TYPE(ullong);
VCSHIM_PARAM_TYPE(hexint);
VCSHIM_PARAM_TYPE(charp);
VCSHIM_PARAM_TYPE(bool);
VCSHIM_PARAM_TYPE(invbool);
VCSHIM_PARAM_TYPE(string);
extern const struct kernel_param_ops param_ops_bool_enable_only;

#ifdef VCSHIM_RUNTIME
/* Outside a driver "bool" is stdbool's macro for _Bool. */
#define param_check__Bool	param_check_bool
#define param_ops__Bool		param_ops_bool
#endif
extern const struct kernel_param_ops param_array_ops;

#endif /* _VCSHIM_LINUX_MODULEPARAM_H */
