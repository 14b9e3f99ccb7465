/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: jiffies are milliseconds of CLOCK_MONOTONIC (HZ 1000).
 * Driver code is written against HZ, never a number, so any HZ is right.
 */
#ifndef _VCSHIM_LINUX_JIFFIES_H
#define _VCSHIM_LINUX_JIFFIES_H

#include <linux/limits.h>
#include <linux/typecheck.h>
#include <linux/types.h>

#ifdef HZ
#undef HZ
#endif
#define HZ			1000
#define USER_HZ			100
#define MAX_SCHEDULE_TIMEOUT	((long)(~0UL >> 1))
#define MAX_JIFFY_OFFSET	((MAX_SCHEDULE_TIMEOUT >> 1) - 1)

unsigned long vcshim_jiffies(void);

#define jiffies			vcshim_jiffies()
#define jiffies_64		((u64)vcshim_jiffies())
#define get_jiffies_64()	((u64)vcshim_jiffies())
#define INITIAL_JIFFIES		0UL

static inline unsigned long msecs_to_jiffies(const unsigned int m)
{
	return m;
}

static inline unsigned long usecs_to_jiffies(const unsigned int u)
{
	return (u + 999) / 1000;
}

static inline unsigned long nsecs_to_jiffies(u64 n)
{
	return (n + 999999) / 1000000;
}

static inline unsigned int jiffies_to_msecs(const unsigned long j)
{
	return j;
}

static inline unsigned int jiffies_to_usecs(const unsigned long j)
{
	return j * 1000;
}

static inline u64 jiffies_to_nsecs(const unsigned long j)
{
	return (u64)j * 1000000;
}

#define round_jiffies(j)		(j)
#define round_jiffies_relative(j)	(j)
#define round_jiffies_up(j)		(j)
#define round_jiffies_up_relative(j)	(j)

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)
#define time_in_range(a, b, c)	(time_after_eq(a, b) && time_before_eq(a, c))
#define time_after64(a, b)	((s64)((b) - (a)) < 0)
#define time_before64(a, b)	time_after64(b, a)
#define time_is_before_jiffies(a)	time_after(jiffies, a)
#define time_is_after_jiffies(a)	time_before(jiffies, a)
#define time_is_before_eq_jiffies(a)	time_after_eq(jiffies, a)
#define time_is_after_eq_jiffies(a)	time_before_eq(jiffies, a)

#endif /* _VCSHIM_LINUX_JIFFIES_H */
