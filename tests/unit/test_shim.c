// SPDX-License-Identifier: GPL-2.0
/*
 * The userspace PCI shim's kernel primitives, without a device: completions
 * and wait queues across threads, locks, atomics, delays, jiffies, kmalloc
 * and the helper macros. Built with the shim's include root (mk/shim.mk).
 */
#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>

#include "check_main.h"

static long elapsed_ms(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (t1.tv_sec - t0->tv_sec) * 1000 + (t1.tv_nsec - t0->tv_nsec) / 1000000;
}

static struct completion done;

static void *complete_later(void *arg)
{
	(void)arg;
	msleep(20);
	complete(&done);
	return NULL;
}

START_TEST(completion_wakes_waiter)
{
	pthread_t t;

	init_completion(&done);
	pthread_create(&t, NULL, complete_later, NULL);
	ck_assert_uint_gt(wait_for_completion_timeout(&done, msecs_to_jiffies(2000)), 0);
	pthread_join(t, NULL);
	ck_assert(!completion_done(&done));
}
END_TEST

START_TEST(completion_times_out)
{
	struct timespec t0;

	init_completion(&done);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_uint_eq(wait_for_completion_timeout(&done, msecs_to_jiffies(50)), 0);
	ck_assert_int_ge(elapsed_ms(&t0), 49);
}
END_TEST

START_TEST(completion_counts)
{
	DECLARE_COMPLETION(c);

	complete(&c);
	complete(&c);
	ck_assert(try_wait_for_completion(&c));
	ck_assert(try_wait_for_completion(&c));
	ck_assert(!try_wait_for_completion(&c));
	complete_all(&c);
	wait_for_completion(&c);
	ck_assert(try_wait_for_completion(&c));
	reinit_completion(&c);
	ck_assert(!completion_done(&c));
}
END_TEST

static DECLARE_WAIT_QUEUE_HEAD(wq);
static int flag;

static void *set_flag_later(void *arg)
{
	(void)arg;
	msleep(20);
	WRITE_ONCE(flag, 1);
	wake_up(&wq);
	return NULL;
}

START_TEST(wait_event_sees_wake_up)
{
	pthread_t t;
	long left;

	flag = 0;
	pthread_create(&t, NULL, set_flag_later, NULL);
	left = wait_event_timeout(wq, READ_ONCE(flag), msecs_to_jiffies(2000));
	pthread_join(t, NULL);
	ck_assert_int_gt(left, 0);
	ck_assert_int_eq(wait_event_timeout(wq, 0, msecs_to_jiffies(30)), 0);
	/* a condition already true returns at once, with at least 1 */
	ck_assert_int_ge(wait_event_timeout(wq, 1, 0), 1);
}
END_TEST

static DEFINE_SPINLOCK(lock);
static DEFINE_MUTEX(mutex);
static long spin_counter, mutex_counter;
static atomic_t counter = ATOMIC_INIT(0);

static void *count(void *arg)
{
	unsigned long flags;
	int i;

	(void)arg;
	for (i = 0; i < 10000; i++) {
		spin_lock_irqsave(&lock, flags);
		spin_counter++;
		spin_unlock_irqrestore(&lock, flags);
		mutex_lock(&mutex);
		mutex_counter++;
		mutex_unlock(&mutex);
		atomic_inc(&counter);
	}
	return NULL;
}

START_TEST(locks_and_atomics)
{
	pthread_t t[4];
	int i;

	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, count, NULL);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	ck_assert_int_eq(spin_counter, 40000);
	ck_assert_int_eq(mutex_counter, 40000);
	ck_assert_int_eq(atomic_read(&counter), 40000);
	ck_assert(!atomic_dec_and_test(&counter));
}
END_TEST

START_TEST(delays_and_jiffies)
{
	unsigned long j0 = jiffies;
	struct timespec t0;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	msleep(30);
	ck_assert_int_ge(elapsed_ms(&t0), 30);
	ck_assert(time_after(jiffies, j0 + 29));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	mdelay(5);
	udelay(100);
	ck_assert_int_ge(elapsed_ms(&t0), 5);
	ck_assert_uint_eq(msecs_to_jiffies(1000), HZ);
}
END_TEST

START_TEST(kmalloc_alignment)
{
	u8 *page = kmalloc(4096, GFP_KERNEL);
	u8 *zeroed = kzalloc(100, GFP_KERNEL);
	int i;

	ck_assert_ptr_nonnull(page);
	ck_assert_uint_eq((uintptr_t)page % 4096, 0);
	for (i = 0; i < 100; i++)
		ck_assert_uint_eq(zeroed[i], 0);
	ck_assert_ptr_null(kcalloc(SIZE_MAX / 2, 4, GFP_KERNEL));
	kfree(page);
	kfree(zeroed);
	kfree(NULL);
}
END_TEST

START_TEST(helpers)
{
	void *err = ERR_PTR(-ENOMEM);

	ck_assert(IS_ERR(err));
	ck_assert_int_eq(PTR_ERR(err), -ENOMEM);
	ck_assert(!IS_ERR(&flag));
	ck_assert(IS_ERR_OR_NULL(NULL));
	ck_assert_uint_eq(DMA_BIT_MASK(28), 0xfffffff);
	ck_assert_uint_eq(DMA_BIT_MASK(64), ~0ULL);
	ck_assert_uint_eq(GENMASK(7, 4), 0xf0);
	ck_assert_uint_eq(BIT(9), 0x200);
	ck_assert_uint_eq(upper_32_bits(0x123456789abcULL), 0x1234);
	ck_assert_uint_eq(lower_32_bits(0x123456789abcULL), 0x56789abc);
	ck_assert_int_eq(min(3, 7), 3);
	ck_assert_int_eq(max_t(int, -1, 2), 2);
	ck_assert_uint_eq(DIV_ROUND_UP(10, 4), 3);
	ck_assert_uint_eq(ALIGN(13u, 8u), 16);
}
END_TEST

static Suite *shim_suite(void)
{
	Suite *s = suite_create("shim");
	TCase *tc = tcase_create("primitives");

	tcase_add_test(tc, completion_wakes_waiter);
	tcase_add_test(tc, completion_times_out);
	tcase_add_test(tc, completion_counts);
	tcase_add_test(tc, wait_event_sees_wake_up);
	tcase_add_test(tc, locks_and_atomics);
	tcase_add_test(tc, delays_and_jiffies);
	tcase_add_test(tc, kmalloc_alignment);
	tcase_add_test(tc, helpers);
	suite_add_tcase(s, tc);
	return s;
}

VCONFIG_CHECK_MAIN(shim_suite)
