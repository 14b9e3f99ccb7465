/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: <linux/stddef.h> over the uapi header of the same name. */
#ifndef _VCSHIM_LINUX_STDDEF_H
#define _VCSHIM_LINUX_STDDEF_H

#include_next <linux/stddef.h>

#ifndef VCSHIM_RUNTIME
#undef NULL
#define NULL ((void *)0)
enum {
	false	= 0,
	true	= 1
};
#undef offsetof
#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)
#else
#include <stdbool.h>
#include <stddef.h>
#endif

#define sizeof_field(TYPE, MEMBER)	sizeof((((TYPE *)0)->MEMBER))
#define offsetofend(TYPE, MEMBER)	(offsetof(TYPE, MEMBER) + sizeof_field(TYPE, MEMBER))
#ifdef __struct_group
#define struct_group(NAME, MEMBERS...) \
	__struct_group(/* no tag */, NAME, /* no attrs */, MEMBERS)
#define struct_group_tagged(TAG, NAME, MEMBERS...) \
	__struct_group(TAG, NAME, /* no attrs */, MEMBERS)
#endif
#ifdef __DECLARE_FLEX_ARRAY
#define DECLARE_FLEX_ARRAY(TYPE, NAME)	__DECLARE_FLEX_ARRAY(TYPE, NAME)
#endif

#endif /* _VCSHIM_LINUX_STDDEF_H */
