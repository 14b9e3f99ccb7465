/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: <linux/kernel.h>. The uapi header of the same name
 * comes first, as libc's <sys/sysinfo.h> expects it.
 */
#ifndef VCONFIG_SHIM_LINUX_KERNEL_H
#define VCONFIG_SHIM_LINUX_KERNEL_H

#include_next <linux/kernel.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/printk.h>
#include <linux/types.h>

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a)		(sizeof(a) / sizeof((a)[0]))
#endif
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#define min(x, y)	({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); _x < _y ? _x : _y; })
#define max(x, y)	({ __typeof__(x) _x = (x); __typeof__(y) _y = (y); _x > _y ? _x : _y; })
#define min_t(t, x, y)	min((t)(x), (t)(y))
#define max_t(t, x, y)	max((t)(x), (t)(y))
#define clamp(v, lo, hi)	min(max(v, lo), hi)

#define DIV_ROUND_UP(n, d)	(((n) + (d) - 1) / (d))
#define ALIGN(x, a)		(((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)
#define upper_32_bits(n)	((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n)	((u32)((n) & 0xffffffff))

#define BUG()			vcshim_bug(__FILE__, __LINE__)
#define BUG_ON(cond)		do { if (unlikely(cond)) BUG(); } while (0)
#define WARN_ON(cond)		({ int __c = !!(cond); \
				   if (unlikely(__c)) vcshim_warn(__FILE__, __LINE__); \
				   unlikely(__c); })
#define WARN_ON_ONCE(cond)	WARN_ON(cond)

__attribute__((noreturn)) void vcshim_bug(const char *file, int line);
void vcshim_warn(const char *file, int line);

#endif /* VCONFIG_SHIM_LINUX_KERNEL_H */
