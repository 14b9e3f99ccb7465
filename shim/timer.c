// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: timers, workqueues and tasklets.
 *
 * One timer thread keeps the pending timers in expiry order and runs each
 * expired timer's function with no lock held, one at a time, as a CPU's
 * timer softirq does; del_timer_sync() waits for a running function.
 * Each workqueue has one worker thread running its items in queue order;
 * a work item is on at most one queue at a time (its pending bit), and
 * flush/cancel_work_sync() wait for it to finish, as in the kernel.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/timer.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

#include "shim.h"

/* ---- timers ---- */

static LIST_HEAD(timers);		/* pending, earliest first */
static DEFINE_SPINLOCK(timer_lock);
static DECLARE_WAIT_QUEUE_HEAD(timer_wq);	/* the timer thread sleeps here */
static DECLARE_WAIT_QUEUE_HEAD(timer_done);	/* a timer function returned */
static struct timer_list *running_timer;
static pthread_t timer_thread;
static pid_t timer_thread_pid;		/* threads do not survive fork() */

/* Start a helper thread with every signal blocked (main() takes them). */
int vcshim_start_thread(pthread_t *t, void *(*fn)(void *), void *arg, bool joinable)
{
	sigset_t all, old;
	int ret;

	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	ret = pthread_create(t, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!ret && !joinable)
		pthread_detach(*t);
	return -ret;
}

static void *timer_main(void *arg)
{
	(void)arg;
	for (;;) {
		struct timer_list *t;
		unsigned int seen = vcshim_wait_prepare(&timer_wq);
		long wait = MAX_SCHEDULE_TIMEOUT;

		spin_lock(&timer_lock);
		t = list_first_entry_or_null(&timers, struct timer_list, entry);
		if (t && time_after_eq(jiffies, t->expires)) {
			list_del_init(&t->entry);
			running_timer = t;
			spin_unlock(&timer_lock);
			t->function(t);
			spin_lock(&timer_lock);
			running_timer = NULL;
			spin_unlock(&timer_lock);
			wake_up(&timer_done);
			continue;
		}
		if (t)
			wait = max_t(long, (long)(t->expires - jiffies), 1);
		spin_unlock(&timer_lock);
		vcshim_wait_sleep(&timer_wq, seen, wait);
	}
	return NULL;
}

void timer_setup(struct timer_list *timer, void (*func)(struct timer_list *t),
		 unsigned int flags)
{
	INIT_LIST_HEAD(&timer->entry);
	timer->function = func;
	timer->flags = flags;
	timer->expires = 0;
}

static int detach(struct timer_list *timer)
{
	if (!timer->entry.next || list_empty(&timer->entry))
		return 0;
	list_del_init(&timer->entry);
	return 1;
}

int mod_timer(struct timer_list *timer, unsigned long expires)
{
	struct timer_list *t;
	int was_pending;

	spin_lock(&timer_lock);
	if (timer_thread_pid != getpid() &&
	    !vcshim_start_thread(&timer_thread, timer_main, NULL, false))
		timer_thread_pid = getpid();
	was_pending = detach(timer);
	timer->expires = expires;
	list_for_each_entry(t, &timers, entry)
		if (time_before(expires, t->expires))
			break;
	list_add_tail(&timer->entry, &t->entry);
	spin_unlock(&timer_lock);
	wake_up(&timer_wq);
	return was_pending;
}

void add_timer(struct timer_list *timer)
{
	mod_timer(timer, timer->expires);
}

int del_timer(struct timer_list *timer)
{
	int ret;

	spin_lock(&timer_lock);
	ret = detach(timer);
	spin_unlock(&timer_lock);
	return ret;
}

static bool timer_idle(struct timer_list *timer)
{
	bool idle;

	spin_lock(&timer_lock);
	idle = running_timer != timer;
	spin_unlock(&timer_lock);
	return idle;
}

int del_timer_sync(struct timer_list *timer)
{
	int ret = del_timer(timer);

	/* From its own function, as in the kernel, this would deadlock. */
	if (timer_thread_pid == getpid() && pthread_equal(pthread_self(), timer_thread))
		return ret;
	wait_event(timer_done, timer_idle(timer));
	/* A function that re-armed itself while we waited. */
	return del_timer(timer) || ret;
}

int timer_pending(const struct timer_list *timer)
{
	int ret;

	spin_lock(&timer_lock);
	ret = timer->entry.next && !list_empty(&timer->entry);
	spin_unlock(&timer_lock);
	return ret;
}

/* ---- workqueues ---- */

struct workqueue_struct {
	char name[32];
	struct list_head items;
	spinlock_t lock;
	wait_queue_head_t more;		/* items were queued */
	wait_queue_head_t done;		/* an item finished */
	struct work_struct *current_work;
	unsigned long long queued, finished;	/* items ever queued and run */
	pthread_t thread;
	pid_t pid;			/* of the process the worker runs in */
};

#define WORK_PENDING	0

static void *worker_main(void *arg)
{
	struct workqueue_struct *wq = arg;

	for (;;) {
		struct work_struct *work;

		wait_event(wq->more, !list_empty(&wq->items));
		spin_lock(&wq->lock);
		work = list_first_entry(&wq->items, struct work_struct, entry);
		list_del_init(&work->entry);
		clear_bit(WORK_PENDING, &work->data);
		wq->current_work = work;
		spin_unlock(&wq->lock);
		work->func(work);
		spin_lock(&wq->lock);
		wq->current_work = NULL;
		wq->finished++;
		spin_unlock(&wq->lock);
		wake_up(&wq->done);
	}
	return NULL;
}

struct workqueue_struct *alloc_workqueue(const char *fmt, unsigned int flags,
					 int max_active, ...)
{
	struct workqueue_struct *wq = kzalloc(sizeof(*wq), GFP_KERNEL);
	va_list ap;

	(void)flags, (void)max_active;
	if (!wq)
		return NULL;
	va_start(ap, max_active);
	vcshim_vsnprintf(wq->name, sizeof(wq->name), fmt, ap);
	va_end(ap);
	INIT_LIST_HEAD(&wq->items);
	spin_lock_init(&wq->lock);
	init_waitqueue_head(&wq->more);
	init_waitqueue_head(&wq->done);
	return wq;
}

/* The worker starts with the first item (and again in a forked child). */
static int start_worker(struct workqueue_struct *wq)
{
	int ret = 0;

	spin_lock(&wq->lock);
	if (wq->pid != getpid()) {
		ret = vcshim_start_thread(&wq->thread, worker_main, wq, false);
		if (!ret)
			wq->pid = getpid();
	}
	spin_unlock(&wq->lock);
	return ret;
}

struct workqueue_struct *system_wq, *system_highpri_wq, *system_long_wq,
	*system_unbound_wq, *system_freezable_wq, *system_power_efficient_wq;

/* The system workqueues share one worker, created before main(). */
static void __attribute__((constructor)) init_system_wq(void)
{
	system_wq = system_highpri_wq = system_long_wq = system_unbound_wq =
		system_freezable_wq = system_power_efficient_wq =
		alloc_workqueue("events", 0, 0);
}

static bool wq_drained(struct workqueue_struct *wq, unsigned long long upto)
{
	bool ret;

	spin_lock(&wq->lock);
	ret = wq->finished >= upto;
	spin_unlock(&wq->lock);
	return ret;
}

void flush_workqueue(struct workqueue_struct *wq)
{
	unsigned long long upto;

	spin_lock(&wq->lock);
	upto = wq->queued;
	spin_unlock(&wq->lock);
	if (wq->pid == getpid() && !pthread_equal(pthread_self(), wq->thread))
		wait_event(wq->done, wq_drained(wq, upto));
}

void destroy_workqueue(struct workqueue_struct *wq)
{
	flush_workqueue(wq);
	if (wq->pid == getpid())
		pthread_cancel(wq->thread);
	/* the structure stays: a cancelled thread may still reference it */
}

void vcshim_init_work(struct work_struct *work, work_func_t func)
{
	work->data = 0;
	INIT_LIST_HEAD(&work->entry);
	work->func = func;
	work->wq = NULL;
}

bool queue_work(struct workqueue_struct *wq, struct work_struct *work)
{
	if (start_worker(wq)) {
		pr_err("workqueue %s: cannot start its worker\n", wq->name);
		return false;
	}
	if (test_and_set_bit(WORK_PENDING, &work->data))
		return false;
	spin_lock(&wq->lock);
	work->wq = wq;
	list_add_tail(&work->entry, &wq->items);
	wq->queued++;
	spin_unlock(&wq->lock);
	wake_up(&wq->more);
	return true;
}

static bool work_idle(struct work_struct *work)
{
	struct workqueue_struct *wq = work->wq;
	bool idle;

	spin_lock(&wq->lock);
	idle = wq->current_work != work && list_empty(&work->entry);
	spin_unlock(&wq->lock);
	return idle;
}

bool flush_work(struct work_struct *work)
{
	struct workqueue_struct *wq = work->wq;

	if (!wq || wq->pid != getpid() || pthread_equal(pthread_self(), wq->thread))
		return false;
	if (work_idle(work))
		return false;
	wait_event(wq->done, work_idle(work));
	return true;
}

/* Take @work off its queue if it is waiting there. */
static bool unqueue(struct work_struct *work)
{
	struct workqueue_struct *wq = work->wq;
	bool ret = false;

	if (!wq)
		return false;
	spin_lock(&wq->lock);
	if (!list_empty(&work->entry)) {
		list_del_init(&work->entry);
		clear_bit(WORK_PENDING, &work->data);
		wq->finished++;		/* counted as done for flushes */
		ret = true;
	}
	spin_unlock(&wq->lock);
	if (ret)
		wake_up(&wq->done);
	return ret;
}

bool cancel_work(struct work_struct *work)
{
	return unqueue(work);
}

bool cancel_work_sync(struct work_struct *work)
{
	bool ret = unqueue(work);

	flush_work(work);
	return ret;
}

void vcshim_delayed_work_timer_fn(struct timer_list *t)
{
	struct delayed_work *dwork = container_of(t, struct delayed_work, timer);

	queue_work(dwork->wq ? dwork->wq : system_wq, &dwork->work);
}

void vcshim_init_delayed_work(struct delayed_work *dwork, work_func_t func)
{
	vcshim_init_work(&dwork->work, func);
	timer_setup(&dwork->timer, vcshim_delayed_work_timer_fn, 0);
	dwork->wq = NULL;
}

bool queue_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
			unsigned long delay)
{
	if (!delay)
		return queue_work(wq, &dwork->work);
	if (timer_pending(&dwork->timer) || work_pending(&dwork->work))
		return false;
	dwork->wq = wq;
	mod_timer(&dwork->timer, jiffies + delay);
	return true;
}

bool mod_delayed_work(struct workqueue_struct *wq, struct delayed_work *dwork,
		      unsigned long delay)
{
	bool ret = del_timer(&dwork->timer) | unqueue(&dwork->work);

	dwork->wq = wq;
	if (!delay)
		queue_work(wq, &dwork->work);
	else
		mod_timer(&dwork->timer, jiffies + delay);
	return ret;
}

bool cancel_delayed_work(struct delayed_work *dwork)
{
	return del_timer(&dwork->timer) | unqueue(&dwork->work);
}

bool cancel_delayed_work_sync(struct delayed_work *dwork)
{
	bool ret = del_timer_sync(&dwork->timer);

	return cancel_work_sync(&dwork->work) || ret;
}

bool flush_delayed_work(struct delayed_work *dwork)
{
	if (del_timer_sync(&dwork->timer))
		queue_work(dwork->wq ? dwork->wq : system_wq, &dwork->work);
	return flush_work(&dwork->work);
}

/* ---- tasklets, on the system workqueue ---- */

static void tasklet_work(struct work_struct *work)
{
	struct tasklet_struct *t = container_of(work, struct tasklet_struct, work);

	if (atomic_read(&t->count))
		return;
	if (t->use_callback)
		t->callback(t);
	else
		t->func(t->data);
}

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data)
{
	memset(t, 0, sizeof(*t));
	vcshim_init_work(&t->work, tasklet_work);
	t->func = func;
	t->data = data;
}

void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *))
{
	memset(t, 0, sizeof(*t));
	vcshim_init_work(&t->work, tasklet_work);
	t->callback = callback;
	t->use_callback = true;
}

void tasklet_schedule(struct tasklet_struct *t)
{
	queue_work(system_wq, &t->work);
}

void tasklet_kill(struct tasklet_struct *t)
{
	cancel_work_sync(&t->work);
}

/* ---- kernel threads ---- */

struct vcshim_kthread {
	struct task_struct task;
	int (*fn)(void *data);
	void *data;
	pthread_t thread;
	bool should_stop;
	int result;
	struct completion started;	/* wake_up_process() */
};

static __thread struct vcshim_kthread *current_kthread;

static void *kthread_main(void *arg)
{
	struct vcshim_kthread *k = arg;

	current_kthread = k;
	wait_for_completion(&k->started);
	if (!READ_ONCE(k->should_stop))
		k->result = k->fn(k->data);
	return NULL;
}

struct task_struct *kthread_create(int (*threadfn)(void *data), void *data,
				   const char *namefmt, ...)
{
	struct vcshim_kthread *k = kzalloc(sizeof(*k), GFP_KERNEL);
	va_list ap;
	int ret;

	if (!k)
		return ERR_PTR(-ENOMEM);
	va_start(ap, namefmt);
	vcshim_vsnprintf(k->task.comm, sizeof(k->task.comm), namefmt, ap);
	va_end(ap);
	k->fn = threadfn;
	k->data = data;
	k->task.vcshim = k;
	init_completion(&k->started);
	ret = vcshim_start_thread(&k->thread, kthread_main, k, true);
	if (ret) {
		kfree(k);
		return ERR_PTR(ret);
	}
	return &k->task;
}

int wake_up_process(struct task_struct *t)
{
	if (t && t->vcshim)
		complete(&t->vcshim->started);
	return 1;
}

bool kthread_should_stop(void)
{
	return current_kthread && READ_ONCE(current_kthread->should_stop);
}

/* As the kernel: sets should_stop, wakes the thread, waits, returns its result. */
int kthread_stop(struct task_struct *t)
{
	struct vcshim_kthread *k = t->vcshim;
	int ret;

	WRITE_ONCE(k->should_stop, true);
	complete(&k->started);
	pthread_join(k->thread, NULL);
	ret = k->result;
	kfree(k);
	return ret;
}
