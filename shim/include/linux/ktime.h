/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_KTIME_H
#define _VCSHIM_LINUX_KTIME_H

#include <linux/jiffies.h>
#include <linux/types.h>

#define NSEC_PER_USEC	1000L
#define NSEC_PER_MSEC	1000000L
#define NSEC_PER_SEC	1000000000L
#define USEC_PER_MSEC	1000L
#define USEC_PER_SEC	1000000L
#define MSEC_PER_SEC	1000L

u64 ktime_get_ns(void);		/* CLOCK_MONOTONIC */
u64 ktime_get_real_ns(void);	/* CLOCK_REALTIME */
u64 ktime_get_boottime_ns(void);	/* CLOCK_BOOTTIME */

static inline ktime_t ktime_get(void)
{
	return ktime_get_ns();
}

#define ktime_get_raw()			ktime_get()
#define ktime_get_boottime()		((ktime_t)ktime_get_boottime_ns())
#define ktime_get_real()		((ktime_t)ktime_get_real_ns())
#define ktime_get_seconds()		((time64_t)(ktime_get_ns() / NSEC_PER_SEC))
#define ktime_get_real_seconds()	((time64_t)(ktime_get_real_ns() / NSEC_PER_SEC))
#define ktime_set(s, ns)		((ktime_t)(s) * NSEC_PER_SEC + (ns))
#define ktime_add(a, b)			((a) + (b))
#define ktime_sub(a, b)			((a) - (b))
#define ktime_add_ns(k, ns)		((k) + (ns))
#define ktime_add_us(k, us)		((k) + (us) * NSEC_PER_USEC)
#define ktime_add_ms(k, ms)		((k) + (ms) * NSEC_PER_MSEC)
#define ktime_to_ns(k)			((s64)(k))
#define ktime_to_us(k)			((s64)(k) / NSEC_PER_USEC)
#define ktime_to_ms(k)			((s64)(k) / NSEC_PER_MSEC)
#define ns_to_ktime(ns)			((ktime_t)(ns))
#define ms_to_ktime(ms)			((ktime_t)(ms) * NSEC_PER_MSEC)
#define us_to_ktime(us)			((ktime_t)(us) * NSEC_PER_USEC)
#define ktime_compare(a, b)		((a) < (b) ? -1 : (a) > (b) ? 1 : 0)
#define ktime_after(a, b)		((a) > (b))
#define ktime_before(a, b)		((a) < (b))
#define ktime_us_delta(a, b)		ktime_to_us(ktime_sub(a, b))
#define ktime_ms_delta(a, b)		ktime_to_ms(ktime_sub(a, b))

#endif /* _VCSHIM_LINUX_KTIME_H */
