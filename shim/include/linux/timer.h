/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: kernel timers. One timer thread runs expired timers'
 * functions, one at a time, as a CPU's timer softirq would.
 */
#ifndef _VCSHIM_LINUX_TIMER_H
#define _VCSHIM_LINUX_TIMER_H

#include <linux/jiffies.h>
#include <linux/list.h>
#include <linux/ktime.h>
#include <linux/stddef.h>

struct timer_list {
	struct list_head entry;		/* on the pending list when queued */
	unsigned long expires;
	void (*function)(struct timer_list *t);
	u32 flags;
};

#define TIMER_DEFERRABLE	0x00080000
#define TIMER_PINNED		0x00200000
#define TIMER_IRQSAFE		0x00400000

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *t),
		 unsigned int flags);
#define timer_setup_on_stack(t, f, fl)	timer_setup(t, f, fl)
#define destroy_timer_on_stack(t)	do { } while (0)
int mod_timer(struct timer_list *timer, unsigned long expires);
void add_timer(struct timer_list *timer);
int del_timer(struct timer_list *timer);
int del_timer_sync(struct timer_list *timer);
int timer_pending(const struct timer_list *timer);
#define timer_shutdown_sync(t)	del_timer_sync(t)
#define mod_timer_pending(t, e)	(timer_pending(t) ? mod_timer(t, e) : 0)

#define from_timer(var, callback_timer, timer_fieldname) \
	container_of(callback_timer, typeof(*var), timer_fieldname)

#define DEFINE_TIMER(_name, _function)					\
	struct timer_list _name = {					\
		.entry = LIST_HEAD_INIT(_name.entry),			\
		.function = (_function),				\
	}

#endif /* _VCSHIM_LINUX_TIMER_H */
