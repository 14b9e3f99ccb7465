/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: wait queues. A waiter samples the queue's wake-up
 * count before testing its condition and sleeps only while the count is
 * unchanged, so a wake_up() between the test and the sleep is not lost.
 * Nothing interrupts a wait here: the _interruptible forms return as the
 * plain ones do.
 */
#ifndef _VCSHIM_LINUX_WAIT_H
#define _VCSHIM_LINUX_WAIT_H

#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/spinlock.h>

struct wait_queue_head {
	spinlock_t lock;
	unsigned long __vcshim_cond[6];	/* a pthread_cond_t */
	unsigned int wakeups;
};
typedef struct wait_queue_head wait_queue_head_t;

/* All-zero is an initialised pthread mutex and condition variable. */
#define __WAIT_QUEUE_HEAD_INITIALIZER(name)	{ }
#define DECLARE_WAIT_QUEUE_HEAD(name) \
	wait_queue_head_t name = __WAIT_QUEUE_HEAD_INITIALIZER(name)

void init_waitqueue_head(wait_queue_head_t *wq);
void wake_up(wait_queue_head_t *wq);
unsigned int vcshim_wait_prepare(wait_queue_head_t *wq);
/* Sleep while no wake-up came after @seen; the jiffies left of @timeout. */
long vcshim_wait_sleep(wait_queue_head_t *wq, unsigned int seen, long timeout);

#define wake_up_all(wq)			wake_up(wq)
#define wake_up_interruptible(wq)	wake_up(wq)
#define wake_up_interruptible_all(wq)	wake_up(wq)

#define __vcshim_wait_event(wq, condition, timeout)			\
({									\
	long __left = (timeout);					\
	for (;;) {							\
		unsigned int __seen = vcshim_wait_prepare(&(wq));	\
		if (condition) {					\
			if (!__left)					\
				__left = 1;				\
			break;						\
		}							\
		if (__left <= 0)					\
			break;						\
		__left = vcshim_wait_sleep(&(wq), __seen, __left);	\
	}								\
	__left;								\
})

#define wait_event(wq, condition) \
	((void)__vcshim_wait_event(wq, condition, MAX_SCHEDULE_TIMEOUT))
#define wait_event_timeout(wq, condition, timeout) \
	__vcshim_wait_event(wq, condition, (long)(timeout))
#define wait_event_interruptible(wq, condition) \
	({ wait_event(wq, condition); 0; })
#define wait_event_interruptible_timeout(wq, condition, timeout) \
	wait_event_timeout(wq, condition, timeout)
#define wait_event_killable(wq, condition) \
	wait_event_interruptible(wq, condition)
#define wait_event_interruptible_lock_irq(wq, condition, lock) \
	({ spin_unlock(&(lock)); wait_event(wq, condition); spin_lock(&(lock)); 0; })

#endif /* _VCSHIM_LINUX_WAIT_H */
