// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: locks, RCU, wait queues and completions on pthreads.
 * The kernel types hold the pthread objects in opaque storage; all-zero
 * storage is an initialised default mutex, rwlock and condition variable
 * in glibc, which is what lets DEFINE_MUTEX() and friends be static data.
 */
#define _GNU_SOURCE		/* pthread_cond_clockwait */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#include "shim.h"

_Static_assert(sizeof(pthread_mutex_t) <= sizeof(spinlock_t), "spinlock_t too small");
_Static_assert(sizeof(pthread_mutex_t) <= sizeof(struct mutex), "mutex too small");
_Static_assert(sizeof(pthread_rwlock_t) <= sizeof(struct rw_semaphore), "rwsem too small");
_Static_assert(sizeof(pthread_cond_t) <= sizeof(((wait_queue_head_t *)0)->__vcshim_cond),
	       "wait queue too small");

#define PMUTEX(l)	((pthread_mutex_t *)(void *)(l)->__vcshim_lock)
#define PRWLOCK(l)	((pthread_rwlock_t *)(void *)(l)->__vcshim_lock)
#define WQ_LOCK(wq)	PMUTEX(&(wq)->lock)
#define WQ_COND(wq)	((pthread_cond_t *)(void *)(wq)->__vcshim_cond)

/* Checked once at startup: zero storage is what the initialisers give. */
bool vcshim_zero_init_ok(void)
{
	static const pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
	static const pthread_rwlock_t r = PTHREAD_RWLOCK_INITIALIZER;
	static const pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	static const char zero[sizeof(pthread_rwlock_t)];

	return !memcmp(&m, zero, sizeof(m)) && !memcmp(&r, zero, sizeof(r)) &&
	       !memcmp(&c, zero, sizeof(c));
}

void spin_lock_init(spinlock_t *lock)
{
	pthread_mutex_init(PMUTEX(lock), NULL);
}

void spin_lock(spinlock_t *lock)
{
	pthread_mutex_lock(PMUTEX(lock));
}

void spin_unlock(spinlock_t *lock)
{
	pthread_mutex_unlock(PMUTEX(lock));
}

int spin_trylock(spinlock_t *lock)
{
	return pthread_mutex_trylock(PMUTEX(lock)) == 0;
}

int spin_is_locked(spinlock_t *lock)
{
	if (pthread_mutex_trylock(PMUTEX(lock)))
		return 1;
	pthread_mutex_unlock(PMUTEX(lock));
	return 0;
}

void mutex_init(struct mutex *lock)
{
	pthread_mutex_init(PMUTEX(lock), NULL);
}

void mutex_destroy(struct mutex *lock)
{
	pthread_mutex_destroy(PMUTEX(lock));
}

void mutex_lock(struct mutex *lock)
{
	pthread_mutex_lock(PMUTEX(lock));
}

void mutex_unlock(struct mutex *lock)
{
	pthread_mutex_unlock(PMUTEX(lock));
}

int mutex_trylock(struct mutex *lock)
{
	return pthread_mutex_trylock(PMUTEX(lock)) == 0;
}

bool mutex_is_locked(struct mutex *lock)
{
	return spin_is_locked((spinlock_t *)lock);
}

void init_rwsem(struct rw_semaphore *sem)
{
	pthread_rwlock_init(PRWLOCK(sem), NULL);
}

void down_read(struct rw_semaphore *sem)
{
	pthread_rwlock_rdlock(PRWLOCK(sem));
}

void up_read(struct rw_semaphore *sem)
{
	pthread_rwlock_unlock(PRWLOCK(sem));
}

void down_write(struct rw_semaphore *sem)
{
	pthread_rwlock_wrlock(PRWLOCK(sem));
}

void up_write(struct rw_semaphore *sem)
{
	pthread_rwlock_unlock(PRWLOCK(sem));
}

int down_read_trylock(struct rw_semaphore *sem)
{
	return pthread_rwlock_tryrdlock(PRWLOCK(sem)) == 0;
}

int down_write_trylock(struct rw_semaphore *sem)
{
	return pthread_rwlock_trywrlock(PRWLOCK(sem)) == 0;
}

/* ---- RCU: readers share a process-wide lock, a grace period takes it ---- */

static pthread_rwlock_t rcu_lock = PTHREAD_RWLOCK_INITIALIZER;
static __thread int rcu_nesting;
static pthread_mutex_t rcu_cb_lock = PTHREAD_MUTEX_INITIALIZER;
static struct rcu_head *rcu_callbacks;

void rcu_read_lock(void)
{
	if (!rcu_nesting++)
		pthread_rwlock_rdlock(&rcu_lock);
}

void rcu_read_unlock(void)
{
	if (!--rcu_nesting)
		pthread_rwlock_unlock(&rcu_lock);
}

void synchronize_rcu(void)
{
	struct rcu_head *cbs;

	pthread_rwlock_wrlock(&rcu_lock);
	pthread_rwlock_unlock(&rcu_lock);
	pthread_mutex_lock(&rcu_cb_lock);
	cbs = rcu_callbacks;
	rcu_callbacks = NULL;
	pthread_mutex_unlock(&rcu_cb_lock);
	while (cbs) {
		struct rcu_head *next = cbs->next;

		cbs->func(cbs);
		cbs = next;
	}
}

void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head))
{
	head->func = func;
	pthread_mutex_lock(&rcu_cb_lock);
	head->next = rcu_callbacks;
	rcu_callbacks = head;
	pthread_mutex_unlock(&rcu_cb_lock);
}

void rcu_barrier(void)
{
	synchronize_rcu();
}

/* ---- wait queues ---- */

void init_waitqueue_head(wait_queue_head_t *wq)
{
	pthread_mutex_init(WQ_LOCK(wq), NULL);
	pthread_cond_init(WQ_COND(wq), NULL);
	wq->wakeups = 0;
}

void wake_up(wait_queue_head_t *wq)
{
	pthread_mutex_lock(WQ_LOCK(wq));
	wq->wakeups++;
	pthread_cond_broadcast(WQ_COND(wq));
	pthread_mutex_unlock(WQ_LOCK(wq));
}

unsigned int vcshim_wait_prepare(wait_queue_head_t *wq)
{
	unsigned int seen;

	pthread_mutex_lock(WQ_LOCK(wq));
	seen = wq->wakeups;
	pthread_mutex_unlock(WQ_LOCK(wq));
	return seen;
}

static struct timespec deadline_after(long timeout)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	ts.tv_sec += timeout / 1000;
	ts.tv_nsec += (timeout % 1000) * 1000000L;
	if (ts.tv_nsec >= 1000000000L) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000L;
	}
	return ts;
}

/* Wait on @wq (locked) until @done says so or @timeout jiffies passed. */
static long wait_locked(wait_queue_head_t *wq, long timeout,
			bool (*done)(void *arg), void *arg)
{
	unsigned long end = vcshim_jiffies() + timeout;
	struct timespec ts;

	if (timeout == MAX_SCHEDULE_TIMEOUT) {
		while (!done(arg))
			pthread_cond_wait(WQ_COND(wq), WQ_LOCK(wq));
		return timeout;
	}
	ts = deadline_after(timeout);
	while (!done(arg)) {
		if (pthread_cond_clockwait(WQ_COND(wq), WQ_LOCK(wq),
					   CLOCK_MONOTONIC, &ts) == ETIMEDOUT)
			return done(arg) ? 1 : 0;
	}
	timeout = (long)(end - vcshim_jiffies());
	return timeout > 0 ? timeout : 1;
}

struct wakeup_since {
	wait_queue_head_t *wq;
	unsigned int seen;
};

static bool woken_since(void *arg)
{
	struct wakeup_since *w = arg;

	return w->wq->wakeups != w->seen;
}

long vcshim_wait_sleep(wait_queue_head_t *wq, unsigned int seen, long timeout)
{
	struct wakeup_since w = { wq, seen };
	long left;

	pthread_mutex_lock(WQ_LOCK(wq));
	left = wait_locked(wq, timeout, woken_since, &w);
	pthread_mutex_unlock(WQ_LOCK(wq));
	return left;
}

/* ---- completions ---- */

void init_completion(struct completion *x)
{
	x->done = 0;
	init_waitqueue_head(&x->wait);
}

void reinit_completion(struct completion *x)
{
	pthread_mutex_lock(WQ_LOCK(&x->wait));
	x->done = 0;
	pthread_mutex_unlock(WQ_LOCK(&x->wait));
}

static void signal_completion(struct completion *x, bool all)
{
	pthread_mutex_lock(WQ_LOCK(&x->wait));
	if (all)
		x->done = UINT_MAX;
	else if (x->done != UINT_MAX)
		x->done++;
	x->wait.wakeups++;
	pthread_cond_broadcast(WQ_COND(&x->wait));
	pthread_mutex_unlock(WQ_LOCK(&x->wait));
}

void complete(struct completion *x)
{
	signal_completion(x, false);
}

void complete_all(struct completion *x)
{
	signal_completion(x, true);
}

static bool completion_ready(void *arg)
{
	return ((struct completion *)arg)->done != 0;
}

static void consume(struct completion *x)
{
	if (x->done != UINT_MAX)
		x->done--;
}

unsigned long wait_for_completion_timeout(struct completion *x,
					  unsigned long timeout)
{
	long left;

	if (timeout > (unsigned long)MAX_SCHEDULE_TIMEOUT)
		timeout = MAX_SCHEDULE_TIMEOUT;
	pthread_mutex_lock(WQ_LOCK(&x->wait));
	left = wait_locked(&x->wait, timeout, completion_ready, x);
	if (x->done)
		consume(x);
	else
		left = 0;
	pthread_mutex_unlock(WQ_LOCK(&x->wait));
	return left;
}

void wait_for_completion(struct completion *x)
{
	wait_for_completion_timeout(x, MAX_SCHEDULE_TIMEOUT);
}

bool try_wait_for_completion(struct completion *x)
{
	bool ret;

	pthread_mutex_lock(WQ_LOCK(&x->wait));
	ret = x->done != 0;
	if (ret)
		consume(x);
	pthread_mutex_unlock(WQ_LOCK(&x->wait));
	return ret;
}

bool completion_done(struct completion *x)
{
	bool ret;

	pthread_mutex_lock(WQ_LOCK(&x->wait));
	ret = x->done != 0;
	pthread_mutex_unlock(WQ_LOCK(&x->wait));
	return ret;
}
