/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: <linux/kernel.h>, with the kernel's transitive includes
 * (types, limits, bit operations, min/max, printk, kstrto*, ...). The uapi
 * header of the same name comes first, as the kernel's own does.
 */
#ifndef _VCSHIM_LINUX_KERNEL_H
#define _VCSHIM_LINUX_KERNEL_H

#include_next <linux/kernel.h>
#include <linux/stdarg.h>
#include <linux/align.h>
#include <linux/limits.h>
#ifdef VCSHIM_RUNTIME
/* libc first: the kernel's abs() and friends are macros. */
#include <limits.h>
#include <stdlib.h>
#endif
#include <linux/stddef.h>
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/bitops.h>
#include <linux/build_bug.h>
#include <linux/container_of.h>
#include <linux/err.h>
#include <linux/kstrtox.h>
#include <linux/log2.h>
#include <linux/math.h>
#include <linux/minmax.h>
#include <linux/typecheck.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/bug.h>

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]) + __must_be_array(arr))
#define upper_32_bits(n)	((u32)(((n) >> 16) >> 16))
#define lower_32_bits(n)	((u32)((n) & 0xffffffff))
#define upper_16_bits(n)	((u16)((n) >> 16))
#define lower_16_bits(n)	((u16)((n) & 0xffff))
#define u64_to_user_ptr(x)	((void __user *)(uintptr_t)(x))
#define REPEAT_BYTE(x)		((~0ul / 0xff) * (x))
#define STACK_MAGIC		0xdeadbeef

#define might_sleep()		do { } while (0)
#define might_sleep_if(cond)	do { } while (0)
#define cond_resched()		({ 0; })
#define cpu_relax()		__builtin_ia32_pause()
#define in_interrupt()		0
#define in_atomic()		0
#define in_task()		1
#define irqs_disabled()		0
#define num_online_cpus()	1U
#define num_possible_cpus()	1U
#define smp_processor_id()	0
#define raw_smp_processor_id()	0
#define nr_cpu_ids		1U

enum system_states {
	SYSTEM_BOOTING,
	SYSTEM_SCHEDULING,
	SYSTEM_FREEING_INITMEM,
	SYSTEM_RUNNING,
	SYSTEM_HALT,
	SYSTEM_POWER_OFF,
	SYSTEM_RESTART,
	SYSTEM_SUSPEND,
};
extern enum system_states system_state;	/* SYSTEM_RUNNING, SYSTEM_HALT at exit */

/* The kernel's formats (%pM, %pI4, ...) in driver code. */
__printf(3, 4) int vcshim_snprintf(char *buf, size_t size, const char *fmt, ...);
__printf(2, 3) int vcshim_sprintf(char *buf, const char *fmt, ...);
__printf(3, 0) int vcshim_vsnprintf(char *buf, size_t size, const char *fmt, va_list args);
#ifndef VCSHIM_RUNTIME
#define snprintf	vcshim_snprintf
#define sprintf		vcshim_sprintf
#define vsnprintf	vcshim_vsnprintf
#endif
__printf(3, 4) int scnprintf(char *buf, size_t size, const char *fmt, ...);
__printf(3, 0) int vscnprintf(char *buf, size_t size, const char *fmt, va_list args);
__printf(2, 3) __malloc char *kasprintf(gfp_t gfp, const char *fmt, ...);
__printf(2, 0) __malloc char *kvasprintf(gfp_t gfp, const char *fmt, va_list args);
int sscanf(const char *buf, const char *fmt, ...);

#endif /* _VCSHIM_LINUX_KERNEL_H */
