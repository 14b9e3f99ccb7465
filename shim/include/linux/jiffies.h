/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace PCI shim: jiffies are milliseconds of CLOCK_MONOTONIC (HZ 1000). */
#ifndef VCONFIG_SHIM_LINUX_JIFFIES_H
#define VCONFIG_SHIM_LINUX_JIFFIES_H

#include <limits.h>

#define HZ			1000
#define MAX_SCHEDULE_TIMEOUT	LONG_MAX

unsigned long vcshim_jiffies(void);

#define jiffies			vcshim_jiffies()

static inline unsigned long msecs_to_jiffies(unsigned int ms)
{
	return ms;
}

static inline unsigned long usecs_to_jiffies(unsigned int us)
{
	return (us + 999) / 1000;
}

static inline unsigned int jiffies_to_msecs(unsigned long j)
{
	return j;
}

#define time_after(a, b)	((long)((b) - (a)) < 0)
#define time_before(a, b)	time_after(b, a)
#define time_after_eq(a, b)	((long)((a) - (b)) >= 0)
#define time_before_eq(a, b)	time_after_eq(b, a)

#endif /* VCONFIG_SHIM_LINUX_JIFFIES_H */
