// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace PCI shim: messages, time, memory, wait queues and completions.
 */
#define _GNU_SOURCE		/* pthread_cond_clockwait */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/wait.h>

#include "shim.h"

bool vcshim_verbose;

/* Level digit of a KERN_* prefix, and the text after it. */
static const char *split_level(const char *fmt, int *level)
{
	*level = '6';
	if (fmt[0] == KERN_SOH[0] && fmt[1]) {
		*level = fmt[1];
		return fmt + 2;
	}
	return fmt;
}

/* One message, written whole so that lines of two threads do not mix. */
static void vlog(int level, const char *prefix, const char *fmt, va_list ap)
{
	FILE *out = (level >= '0' && level <= '4') ? stderr : stdout;
	char line[1024];
	int n;

	if (level == '7' && !vcshim_verbose)
		return;
	n = snprintf(line, sizeof(line), "%s", prefix ? prefix : "");
	vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	fputs(line, out);
	fflush(out);
}

void vcshim_log(const char *level, const char *fmt, ...)
{
	va_list ap;
	int lvl;

	split_level(level, &lvl);
	va_start(ap, fmt);
	vlog(lvl, NULL, fmt, ap);
	va_end(ap);
}

int vcshim_printk(const char *fmt, ...)
{
	va_list ap;
	int lvl;

	fmt = split_level(fmt, &lvl);
	va_start(ap, fmt);
	vlog(lvl, NULL, fmt, ap);
	va_end(ap);
	return 0;
}

void vcshim_dev_printk(const char *level, const struct device *dev,
		       const char *fmt, ...)
{
	char prefix[96];
	va_list ap;
	int lvl;

	split_level(level, &lvl);
	snprintf(prefix, sizeof(prefix), "%s %s: ",
		 dev->driver && dev->driver->name ? dev->driver->name : "pci",
		 dev->name);
	va_start(ap, fmt);
	vlog(lvl, prefix, fmt, ap);
	va_end(ap);
}

void vcshim_bug(const char *file, int line)
{
	fprintf(stderr, "kernel BUG at %s:%d!\n", file, line);
	abort();
}

void vcshim_warn(const char *file, int line)
{
	fprintf(stderr, "WARNING: at %s:%d\n", file, line);
}

/* ---- time ---- */

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

unsigned long vcshim_jiffies(void)
{
	return now_ns() / 1000000;
}

void vcshim_ndelay(unsigned long nsecs)
{
	unsigned long long end = now_ns() + nsecs;

	while (now_ns() < end)
		__builtin_ia32_pause();
}

void vcshim_nsleep(unsigned long long nsecs)
{
	struct timespec ts = {
		.tv_sec = nsecs / 1000000000ULL,
		.tv_nsec = nsecs % 1000000000ULL,
	};

	while (clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &ts) == EINTR)
		;
}

/* ---- memory ---- */

void *kmalloc(size_t size, gfp_t flags)
{
	size_t page = sysconf(_SC_PAGESIZE);
	size_t align = size >= page ? page : 64;
	void *p;

	if (posix_memalign(&p, align, size ? size : 1))
		return NULL;
	if (flags & __GFP_ZERO)
		memset(p, 0, size);
	return p;
}

void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	if (size && n > SIZE_MAX / size)
		return NULL;
	return kzalloc(n * size, flags);
}

void kfree(const void *ptr)
{
	free((void *)ptr);
}

/* ---- wait queues ---- */

void init_waitqueue_head(wait_queue_head_t *wq)
{
	pthread_mutex_init(&wq->lock, NULL);
	pthread_cond_init(&wq->cond, NULL);
	wq->wakeups = 0;
}

void wake_up(wait_queue_head_t *wq)
{
	pthread_mutex_lock(&wq->lock);
	wq->wakeups++;
	pthread_cond_broadcast(&wq->cond);
	pthread_mutex_unlock(&wq->lock);
}

unsigned int vcshim_wait_prepare(wait_queue_head_t *wq)
{
	unsigned int seen;

	pthread_mutex_lock(&wq->lock);
	seen = wq->wakeups;
	pthread_mutex_unlock(&wq->lock);
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
			pthread_cond_wait(&wq->cond, &wq->lock);
		return timeout;
	}
	ts = deadline_after(timeout);
	while (!done(arg)) {
		if (pthread_cond_clockwait(&wq->cond, &wq->lock,
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

	pthread_mutex_lock(&wq->lock);
	left = wait_locked(wq, timeout, woken_since, &w);
	pthread_mutex_unlock(&wq->lock);
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
	pthread_mutex_lock(&x->wait.lock);
	x->done = 0;
	pthread_mutex_unlock(&x->wait.lock);
}

void complete(struct completion *x)
{
	pthread_mutex_lock(&x->wait.lock);
	if (x->done != UINT_MAX)
		x->done++;
	x->wait.wakeups++;
	pthread_cond_broadcast(&x->wait.cond);
	pthread_mutex_unlock(&x->wait.lock);
}

void complete_all(struct completion *x)
{
	pthread_mutex_lock(&x->wait.lock);
	x->done = UINT_MAX;
	x->wait.wakeups++;
	pthread_cond_broadcast(&x->wait.cond);
	pthread_mutex_unlock(&x->wait.lock);
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
	pthread_mutex_lock(&x->wait.lock);
	left = wait_locked(&x->wait, timeout, completion_ready, x);
	if (x->done)
		consume(x);
	else
		left = 0;
	pthread_mutex_unlock(&x->wait.lock);
	return left;
}

void wait_for_completion(struct completion *x)
{
	wait_for_completion_timeout(x, MAX_SCHEDULE_TIMEOUT);
}

bool try_wait_for_completion(struct completion *x)
{
	bool ret;

	pthread_mutex_lock(&x->wait.lock);
	ret = x->done != 0;
	if (ret)
		consume(x);
	pthread_mutex_unlock(&x->wait.lock);
	return ret;
}

bool completion_done(struct completion *x)
{
	bool ret;

	pthread_mutex_lock(&x->wait.lock);
	ret = x->done != 0;
	pthread_mutex_unlock(&x->wait.lock);
	return ret;
}
