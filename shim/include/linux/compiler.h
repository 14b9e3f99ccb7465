/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: <linux/compiler.h>. */
#ifndef _VCSHIM_LINUX_COMPILER_H
#define _VCSHIM_LINUX_COMPILER_H

#include <linux/compiler_types.h>

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define likely_notrace(x)	likely(x)
#define unlikely_notrace(x)	unlikely(x)

#define barrier()		__asm__ __volatile__("" : : : "memory")
#define barrier_data(ptr)	__asm__ __volatile__("" : : "r"(ptr) : "memory")
#define unreachable()		__builtin_unreachable()
#define OPTIMIZER_HIDE_VAR(var)	__asm__ ("" : "=r" (var) : "0" (var))
#define data_race(expr)		(expr)
#define is_signed_type(type)	(((type)(-1)) < (__force type)1)
#define statically_true(x)	(__builtin_constant_p(x) && (x))
#define absolute_pointer(val)	((void *)(val))
#define RELOC_HIDE(ptr, off)	((typeof(ptr))((unsigned long)(ptr) + (off)))
#define __ADDRESSABLE(sym)
#define __must_be_array(a)	BUILD_BUG_ON_ZERO(__same_type((a), &(a)[0]))

#define READ_ONCE(x)		(*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val)	do { *(volatile typeof(x) *)&(x) = (val); } while (0)

#endif /* _VCSHIM_LINUX_COMPILER_H */
