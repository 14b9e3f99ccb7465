/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: <linux/types.h> over its uapi half, as the kernel's. In
 * a driver it defines what the kernel's does; in the shim's (VCSHIM_RUNTIME)
 * own sources libc defines the C types and only the kernel's are added.
 */
#ifndef _VCSHIM_LINUX_TYPES_H
#define _VCSHIM_LINUX_TYPES_H

#include_next <linux/types.h>
#include <linux/stddef.h>

#ifndef VCSHIM_RUNTIME
typedef _Bool			bool;
typedef __kernel_size_t		size_t;
typedef __kernel_ssize_t	ssize_t;
typedef __kernel_ptrdiff_t	ptrdiff_t;
typedef __kernel_loff_t		loff_t;
typedef __kernel_off_t		off_t;
typedef __kernel_pid_t		pid_t;
typedef __kernel_uid32_t	uid_t;
typedef __kernel_gid32_t	gid_t;
typedef __kernel_mode_t		mode_t;
typedef __kernel_time64_t	time64_t;
typedef __kernel_clockid_t	clockid_t;
typedef unsigned long		uintptr_t;
typedef long			intptr_t;
typedef unsigned char		u_char;
typedef unsigned short		u_short;
typedef unsigned int		u_int;
typedef unsigned long		u_long;
typedef unsigned char		unchar;
typedef unsigned short		ushort;
typedef unsigned int		uint;
typedef unsigned long		ulong;
typedef __u8			u_int8_t;
typedef __s8			int8_t;
typedef __u16			u_int16_t;
typedef __s16			int16_t;
typedef __u32			u_int32_t;
typedef __s32			int32_t;
typedef __u8			uint8_t;
typedef __u16			uint16_t;
typedef __u32			uint32_t;
typedef __u64			uint64_t;
typedef __u64			u_int64_t;
typedef __s64			int64_t;
#else
#include <stdint.h>
#include <sys/types.h>
#endif

typedef __u8	u8;
typedef __s8	s8;
typedef __u16	u16;
typedef __s16	s16;
typedef __u32	u32;
typedef __s32	s32;
typedef __u64	u64;
typedef __s64	s64;

typedef unsigned short	umode_t;
typedef u64		dma_addr_t;
typedef u64		phys_addr_t;
typedef phys_addr_t	resource_size_t;
typedef unsigned int	gfp_t;
typedef unsigned int	slab_flags_t;
typedef unsigned int	fmode_t;
typedef unsigned long	irq_hw_number_t;
typedef unsigned long	kernel_ulong_t;
typedef unsigned long	pgoff_t;
typedef u64		sector_t;
typedef s64		ktime_t;
typedef unsigned int	__poll_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

typedef atomic64_t atomic_long_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

struct hlist_node {
	struct hlist_node *next, **pprev;
};

struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

#endif /* _VCSHIM_LINUX_TYPES_H */
