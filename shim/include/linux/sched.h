/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_SCHED_H
#define _VCSHIM_LINUX_SCHED_H

#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/wait.h>

#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_KILLABLE		TASK_UNINTERRUPTIBLE

struct task_struct {
	int pid;
	char comm[16];
	struct vcshim_kthread *vcshim;	/* kthreads only */
};

#define set_current_state(s)	do { } while (0)
#define __set_current_state(s)	do { } while (0)
#define signal_pending(t)	0
#define fatal_signal_pending(t)	0
#define current			((struct task_struct *)0)
long schedule_timeout(long timeout);
#define schedule_timeout_interruptible(t)	schedule_timeout(t)
#define schedule_timeout_uninterruptible(t)	schedule_timeout(t)
#define schedule_timeout_killable(t)		schedule_timeout(t)
void schedule(void);
/* Starts a kthread made by kthread_create(); nothing else sleeps on a task. */
int wake_up_process(struct task_struct *p);
void yield(void);

#endif /* _VCSHIM_LINUX_SCHED_H */
