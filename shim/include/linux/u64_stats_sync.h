/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: 64-bit statistics. On a 64-bit machine, as in the
 * kernel, a u64 is read and written whole: the sequence is empty.
 */
#ifndef _VCSHIM_LINUX_U64_STATS_SYNC_H
#define _VCSHIM_LINUX_U64_STATS_SYNC_H

#include <linux/atomic.h>
#include <linux/types.h>

struct u64_stats_sync {
};

typedef struct {
	u64 v;
} u64_stats_t;

static inline u64 u64_stats_read(const u64_stats_t *p)
{
	return READ_ONCE(p->v);
}

static inline void u64_stats_set(u64_stats_t *p, u64 val)
{
	WRITE_ONCE(p->v, val);
}

static inline void u64_stats_add(u64_stats_t *p, unsigned long val)
{
	WRITE_ONCE(p->v, p->v + val);
}

static inline void u64_stats_inc(u64_stats_t *p)
{
	WRITE_ONCE(p->v, p->v + 1);
}

#define u64_stats_init(syncp)			do { (void)(syncp); } while (0)
#define u64_stats_update_begin(syncp)		do { (void)(syncp); } while (0)
#define u64_stats_update_end(syncp)		do { (void)(syncp); } while (0)
#define u64_stats_update_begin_irqsave(syncp)	({ (void)(syncp); 0UL; })
#define u64_stats_update_end_irqrestore(syncp, flags) \
	do { (void)(syncp); (void)(flags); } while (0)

static inline unsigned int u64_stats_fetch_begin(const struct u64_stats_sync *syncp)
{
	return 0;
}

static inline bool u64_stats_fetch_retry(const struct u64_stats_sync *syncp,
					 unsigned int start)
{
	return false;
}

#define u64_stats_fetch_begin_irq(syncp)	u64_stats_fetch_begin(syncp)
#define u64_stats_fetch_retry_irq(syncp, start)	u64_stats_fetch_retry(syncp, start)

#endif /* _VCSHIM_LINUX_U64_STATS_SYNC_H */
