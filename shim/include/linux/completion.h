/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace PCI shim: completions, on a wait queue as in the kernel. */
#ifndef _VCSHIM_LINUX_COMPLETION_H
#define _VCSHIM_LINUX_COMPLETION_H

#include <linux/wait.h>

struct completion {
	unsigned int done;
	wait_queue_head_t wait;
};

#define COMPLETION_INITIALIZER(work) \
	{ 0, __WAIT_QUEUE_HEAD_INITIALIZER((work).wait) }
#define DECLARE_COMPLETION(work) \
	struct completion work = COMPLETION_INITIALIZER(work)

void init_completion(struct completion *x);
void reinit_completion(struct completion *x);
void complete(struct completion *x);
void complete_all(struct completion *x);
void wait_for_completion(struct completion *x);
/* 0 on timeout, else the jiffies left (at least 1). */
unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout);
bool try_wait_for_completion(struct completion *x);
bool completion_done(struct completion *x);

static inline int wait_for_completion_interruptible(struct completion *x)
{
	wait_for_completion(x);
	return 0;
}

static inline long wait_for_completion_interruptible_timeout(struct completion *x,
							     unsigned long timeout)
{
	return wait_for_completion_timeout(x, timeout);
}

#define wait_for_completion_killable(x)	wait_for_completion_interruptible(x)

#endif /* _VCSHIM_LINUX_COMPLETION_H */
