/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: workqueues. Every workqueue (system_wq included) has one
 * worker thread that runs its items in order; delayed work is a timer that
 * queues the item when it expires.
 */
#ifndef _VCSHIM_LINUX_WORKQUEUE_H
#define _VCSHIM_LINUX_WORKQUEUE_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/list.h>
#include <linux/timer.h>

struct work_struct;
typedef void (*work_func_t)(struct work_struct *work);

struct work_struct {
	unsigned long data;		/* bit 0: pending */
	struct list_head entry;
	work_func_t func;
	struct workqueue_struct *wq;	/* where it was last queued */
};

struct delayed_work {
	struct work_struct work;
	struct timer_list timer;
	struct workqueue_struct *wq;
};

struct workqueue_struct;

#define WQ_UNBOUND		(1 << 1)
#define WQ_FREEZABLE		(1 << 2)
#define WQ_MEM_RECLAIM		(1 << 3)
#define WQ_HIGHPRI		(1 << 4)
#define WQ_CPU_INTENSIVE	(1 << 5)
#define WQ_SYSFS		(1 << 6)
#define WQ_POWER_EFFICIENT	(1 << 7)
#define __WQ_ORDERED		(1 << 17)

extern struct workqueue_struct *system_wq;
extern struct workqueue_struct *system_highpri_wq;
extern struct workqueue_struct *system_long_wq;
extern struct workqueue_struct *system_unbound_wq;
extern struct workqueue_struct *system_freezable_wq;
extern struct workqueue_struct *system_power_efficient_wq;

void vcshim_init_work(struct work_struct *work, work_func_t func);
void vcshim_init_delayed_work(struct delayed_work *dwork, work_func_t func);

#define INIT_WORK(w, f)			vcshim_init_work(w, f)
#define INIT_WORK_ONSTACK(w, f)		vcshim_init_work(w, f)
#define INIT_DELAYED_WORK(w, f)		vcshim_init_delayed_work(w, f)
#define INIT_DEFERRABLE_WORK(w, f)	vcshim_init_delayed_work(w, f)
#define INIT_DELAYED_WORK_ONSTACK(w, f)	vcshim_init_delayed_work(w, f)
#define destroy_work_on_stack(w)	do { } while (0)
#define destroy_delayed_work_on_stack(w)	do { } while (0)
#define DECLARE_WORK(n, f)						\
	struct work_struct n = { .entry = LIST_HEAD_INIT((n).entry), .func = (f) }
#define DECLARE_DELAYED_WORK(n, f)					\
	struct delayed_work n = { .work = { .entry = LIST_HEAD_INIT((n).work.entry), .func = (f) }, \
				  .timer = { .entry = LIST_HEAD_INIT((n).timer.entry), \
					     .function = vcshim_delayed_work_timer_fn } }
void vcshim_delayed_work_timer_fn(struct timer_list *t);

#define work_pending(w)		test_bit(0, &(w)->data)
#define delayed_work_pending(w)	work_pending(&(w)->work)

static inline struct delayed_work *to_delayed_work(struct work_struct *work)
{
	return container_of(work, struct delayed_work, work);
}

__printf(1, 4) struct workqueue_struct *alloc_workqueue(const char *fmt,
							 unsigned int flags,
							 int max_active, ...);
#define alloc_ordered_workqueue(fmt, flags, args...) \
	alloc_workqueue(fmt, __WQ_ORDERED | (flags), 1, ##args)
#define create_workqueue(name)			alloc_workqueue("%s", WQ_MEM_RECLAIM, 1, (name))
#define create_singlethread_workqueue(name)	alloc_ordered_workqueue("%s", WQ_MEM_RECLAIM, name)
void destroy_workqueue(struct workqueue_struct *wq);
void flush_workqueue(struct workqueue_struct *wq);
#define drain_workqueue(wq)	flush_workqueue(wq)

bool queue_work(struct workqueue_struct *wq, struct work_struct *work);
bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay);
bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay);
bool flush_work(struct work_struct *work);
bool flush_delayed_work(struct delayed_work *dwork);
bool cancel_work_sync(struct work_struct *work);
bool cancel_work(struct work_struct *work);
bool cancel_delayed_work(struct delayed_work *dwork);
bool cancel_delayed_work_sync(struct delayed_work *dwork);
#define queue_work_on(cpu, wq, w)	queue_work(wq, w)
#define queue_delayed_work_on(cpu, wq, w, d)	queue_delayed_work(wq, w, d)

static inline bool schedule_work(struct work_struct *work)
{
	return queue_work(system_wq, work);
}

static inline bool schedule_delayed_work(struct delayed_work *dwork,
					 unsigned long delay)
{
	return queue_delayed_work(system_wq, dwork, delay);
}

#define flush_scheduled_work()	flush_workqueue(system_wq)

#endif /* _VCSHIM_LINUX_WORKQUEUE_H */
