// SPDX-License-Identifier: GPL-2.0
/*
 * The Linux-PCI shim's runtime: kernel primitives (completions and wait
 * queues across threads, locks, atomics, delays, jiffies, kmalloc, the
 * helper macros, module parameters, several modules per program, devres,
 * notifiers, timers and workqueues), then the PCI layer on a modelled
 * function (fake_vfio.h stands in for libvconfig's VFIO calls): BAR
 * accessors, port I/O, MSI vectors, interrupt threads and sharing, the
 * PCI Express capability accessors, config-space argument checks, DMA
 * alignment; and the network layer without its TAP interface: socket
 * buffers, fragments, NAPI's state machine, queues and carrier, the
 * checksum and CRC helpers, I/O port regions. Built with the shim's
 * include root (mk/shim.mk).
 */
#include "fake_vfio.h"

#include <pthread.h>
#include <stdint.h>
#include <time.h>

#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/dmapool.h>
#include <linux/idr.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/notifier.h>
#include <linux/pci.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/crc32.h>
#include <linux/firmware.h>
#include <linux/etherdevice.h>
#include <linux/ip.h>
#include <linux/netdevice.h>
#include <linux/skbuff.h>

#include "check_main.h"
#include "shim.h"

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

/* Bug fix: blocks are naturally aligned; kmalloc_array() checks overflow. */
START_TEST(kmalloc_natural_alignment)
{
	void *p[64];
	int i;

	for (i = 0; i < 64; i++) {
		p[i] = kmalloc(96, GFP_KERNEL);
		ck_assert_uint_eq((uintptr_t)p[i] % 128, 0);
	}
	for (i = 0; i < 64; i++)
		kfree(p[i]);
	p[0] = kmalloc(3000, GFP_KERNEL);
	ck_assert_uint_eq((uintptr_t)p[0] % 4096, 0);
	kfree(p[0]);
	/* the products wrap to 4 and 8 bytes without the check */
	ck_assert_ptr_null(kmalloc_array(SIZE_MAX / 4 + 2, 4, GFP_KERNEL));
	ck_assert_ptr_null(kmalloc_array(8, SIZE_MAX / 8 + 2, GFP_KERNEL));
}
END_TEST

START_TEST(kernel_formats_and_parsers)
{
	static const u8 mac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
	static const u8 ip[4] = { 10, 0, 2, 2 };
	struct resource r = { .start = 0xfe000000, .end = 0xfe000fff, .flags = IORESOURCE_MEM };
	dma_addr_t dma = 0x1000;
	char buf[128];
	unsigned int u;
	long l;
	bool b;

	vcshim_snprintf(buf, sizeof(buf), "%pM %pI4 %d %s %pad|%*ph|%pR", mac, ip, -3, "x",
			&dma, 3, mac, &r);
	ck_assert_str_eq(buf, "52:54:00:12:34:56 10.0.2.2 -3 x 0x0000000000001000|52 54 00|"
			      "[mem 0xfe000000-0xfe000fff]");
	ck_assert_int_eq(vcshim_snprintf(buf, 4, "%s", "abcdef"), 6);
	ck_assert_str_eq(buf, "abc");
	ck_assert_int_eq(scnprintf(buf, 4, "%s", "abcdef"), 3);
	ck_assert_int_eq(kstrtouint("0x1f\n", 0, &u), 0);
	ck_assert_uint_eq(u, 31);
	ck_assert_int_eq(kstrtouint("017", 0, &u), 0);
	ck_assert_uint_eq(u, 15);
	ck_assert_int_eq(kstrtouint("4294967296", 10, &u), -ERANGE);
	ck_assert_int_eq(kstrtouint(" 1", 10, &u), -EINVAL);
	ck_assert_int_eq(kstrtol("-42", 10, &l), 0);
	ck_assert_int_eq(l, -42);
	ck_assert_int_eq(kstrtobool("on", &b), 0);
	ck_assert(b);
	ck_assert_int_eq(kstrtobool("x", &b), -EINVAL);
}
END_TEST

START_TEST(ida_allocates_lowest_free)
{
	DEFINE_IDA(ida);

	ck_assert_int_eq(ida_alloc(&ida, GFP_KERNEL), 0);
	ck_assert_int_eq(ida_alloc(&ida, GFP_KERNEL), 1);
	ck_assert_int_eq(ida_alloc_min(&ida, 100, GFP_KERNEL), 100);
	ida_free(&ida, 0);
	ck_assert_int_eq(ida_alloc(&ida, GFP_KERNEL), 0);
	ck_assert_int_eq(ida_alloc_range(&ida, 0, 1, GFP_KERNEL), -ENOSPC);
	ida_destroy(&ida);
}
END_TEST

/* ---- several modules in one program ---- */

static int order[8], nr_order;

static int __init mod_a_init(void)
{
	order[nr_order++] = 1;
	return 0;
}

static void __exit mod_a_exit(void)
{
	order[nr_order++] = -1;
}

static int __init mod_b_init(void)
{
	order[nr_order++] = 2;
	return 0;
}

static void __exit mod_b_exit(void)
{
	order[nr_order++] = -2;
}

module_init(mod_a_init);
module_exit(mod_a_exit);
module_init(mod_b_init);
module_exit(mod_b_exit);

/*
 * Bug fix: every module_init() runs, and the exits run in reverse. (Link
 * order decides between files; within one file the compiler may emit the
 * two entries either way, so the test takes the order it finds.)
 */
START_TEST(several_module_inits)
{
	unsigned int n;

	nr_order = 0;
	ck_assert_int_eq(vcshim_init_modules(&n), 0);
	ck_assert_uint_eq(n, 2);
	vcshim_exit_modules(n);
	ck_assert_int_eq(nr_order, 4);
	ck_assert_int_eq(order[0] + order[1], 3);
	ck_assert_int_eq(order[2], -order[1]);
	ck_assert_int_eq(order[3], -order[0]);
}
END_TEST

/* ---- module parameters ---- */

static int arr[4];
static unsigned int arr_n;
module_param_array(arr, int, &arr_n, 0444);
static char name[8];
module_param_string(name, name, sizeof(name), 0444);
static unsigned char byte_p;
module_param(byte_p, byte, 0444);
static unsigned long long big;
module_param(big, ullong, 0444);
static bool flagp;
module_param(flagp, bool, 0444);
static int cb_val;

static int set_doubled(const char *val, const struct kernel_param *kp)
{
	int ret = kstrtoint(val, 0, kp->arg);

	if (!ret)
		*(int *)kp->arg *= 2;
	return ret;
}

static const struct kernel_param_ops doubled_ops = {
	.set = set_doubled,
	.get = param_get_int,
};
module_param_cb(cbp, &doubled_ops, &cb_val, 0644);

/* Bug fix: arrays, callbacks, strings, byte, ullong, a bare boolean name. */
START_TEST(module_parameters)
{
	ck_assert_int_eq(vcshim_set_param("arr=1,-2,3"), 0);
	ck_assert_uint_eq(arr_n, 3);
	ck_assert_int_eq(arr[1], -2);
	ck_assert_int_ne(vcshim_set_param("arr=1,2,3,4,5"), 0);
	ck_assert_int_eq(vcshim_set_param("name=abc"), 0);
	ck_assert_str_eq(name, "abc");
	ck_assert_int_eq(vcshim_set_param("name=much_too_long"), -ENOSPC);
	ck_assert_int_eq(vcshim_set_param("byte_p=0x7f"), 0);
	ck_assert_uint_eq(byte_p, 127);
	ck_assert_int_eq(vcshim_set_param("byte_p=256"), -ERANGE);
	ck_assert_int_eq(vcshim_set_param("big=18446744073709551615"), 0);
	ck_assert(big == ULLONG_MAX);
	ck_assert(vcshim_is_param("flagp"));
	ck_assert_int_eq(vcshim_set_param("flagp"), 0);
	ck_assert(flagp);
	ck_assert_int_eq(vcshim_set_param("flagp=n"), 0);
	ck_assert(!flagp);
	ck_assert_int_eq(vcshim_set_param("cbp=21"), 0);
	ck_assert_int_eq(cb_val, 42);
	ck_assert_int_eq(vcshim_set_param("nosuch=1"), -ENOENT);
	ck_assert(!vcshim_is_param("0000:00:05.0"));
}
END_TEST

/* ---- devres, notifiers, timers, workqueues ---- */

static int released[4], nr_released;

static void note_release(void *data)
{
	released[nr_released++] = (int)(uintptr_t)data;
}

START_TEST(devres_newest_first)
{
	struct device dev = { .name = "test" };
	void *mem;

	INIT_LIST_HEAD(&dev.devres_head);
	nr_released = 0;
	ck_assert_int_eq(devm_add_action(&dev, note_release, (void *)1), 0);
	mem = devm_kzalloc(&dev, 100, GFP_KERNEL);
	ck_assert_ptr_nonnull(mem);
	ck_assert_int_eq(devm_add_action_or_reset(&dev, note_release, (void *)2), 0);
	ck_assert_int_eq(devm_add_action(&dev, note_release, (void *)3), 0);
	devm_remove_action(&dev, note_release, (void *)3);
	devres_release_all(&dev);
	ck_assert_int_eq(nr_released, 2);
	ck_assert_int_eq(released[0], 2);
	ck_assert_int_eq(released[1], 1);
	ck_assert(list_empty(&dev.devres_head));
}
END_TEST

static int calls[4], nr_calls;

static int nb_call(struct notifier_block *nb, unsigned long action, void *data)
{
	(void)action, (void)data;
	calls[nr_calls++] = nb->priority;
	return nb->priority == 5 ? NOTIFY_STOP : NOTIFY_DONE;
}

START_TEST(notifier_priorities)
{
	ATOMIC_NOTIFIER_HEAD(head);
	struct notifier_block a = { .notifier_call = nb_call, .priority = 1 };
	struct notifier_block b = { .notifier_call = nb_call, .priority = 10 };
	struct notifier_block c = { .notifier_call = nb_call, .priority = 5 };

	atomic_notifier_chain_register(&head, &a);
	atomic_notifier_chain_register(&head, &b);
	atomic_notifier_chain_register(&head, &c);
	nr_calls = 0;
	ck_assert_int_eq(atomic_notifier_call_chain(&head, 0, NULL), NOTIFY_STOP);
	ck_assert_int_eq(nr_calls, 2);
	ck_assert_int_eq(calls[0], 10);
	ck_assert_int_eq(calls[1], 5);
	atomic_notifier_chain_unregister(&head, &c);
	nr_calls = 0;
	atomic_notifier_call_chain(&head, 0, NULL);
	ck_assert_int_eq(nr_calls, 2);
	ck_assert_int_eq(calls[1], 1);
}
END_TEST

static DECLARE_COMPLETION(timer_fired);
static struct timer_list test_timer;

static void timer_fn(struct timer_list *t)
{
	ck_assert_ptr_eq(t, &test_timer);
	complete(&timer_fired);
}

static atomic_t work_runs;
static struct delayed_work test_dwork;

static void work_fn(struct work_struct *w)
{
	(void)w;
	atomic_inc(&work_runs);
}

START_TEST(timers_and_workqueues)
{
	struct timespec t0;

	timer_setup(&test_timer, timer_fn, 0);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	mod_timer(&test_timer, jiffies + msecs_to_jiffies(50));
	ck_assert(timer_pending(&test_timer));
	ck_assert_uint_gt(wait_for_completion_timeout(&timer_fired, msecs_to_jiffies(2000)), 0);
	ck_assert_int_ge(elapsed_ms(&t0), 49);
	ck_assert(!timer_pending(&test_timer));
	/* a deleted timer does not fire */
	mod_timer(&test_timer, jiffies + msecs_to_jiffies(30));
	ck_assert_int_eq(del_timer_sync(&test_timer), 1);
	ck_assert_uint_eq(wait_for_completion_timeout(&timer_fired, msecs_to_jiffies(100)), 0);

	INIT_DELAYED_WORK(&test_dwork, work_fn);
	atomic_set(&work_runs, 0);
	ck_assert(schedule_delayed_work(&test_dwork, msecs_to_jiffies(20)));
	ck_assert(!schedule_delayed_work(&test_dwork, msecs_to_jiffies(20)));
	ck_assert(flush_delayed_work(&test_dwork));
	ck_assert_int_eq(atomic_read(&work_runs), 1);
	schedule_delayed_work(&test_dwork, msecs_to_jiffies(50));
	ck_assert(cancel_delayed_work_sync(&test_dwork));
	msleep(100);
	ck_assert_int_eq(atomic_read(&work_runs), 1);
}
END_TEST

static int kthread_fn(void *data)
{
	atomic_t *loops = data;

	while (!kthread_should_stop()) {
		atomic_inc(loops);
		msleep(5);
	}
	return 7;
}

START_TEST(kthreads)
{
	struct task_struct *t;
	atomic_t loops = ATOMIC_INIT(0);

	t = kthread_run(kthread_fn, &loops, "test-%d", 1);
	ck_assert(!IS_ERR(t));
	ck_assert_str_eq(t->comm, "test-1");
	msleep(50);
	ck_assert_int_eq(kthread_stop(t), 7);
	ck_assert_int_gt(atomic_read(&loops), 0);
}
END_TEST

/* ---- the PCI layer on the modelled function ---- */

static struct vcshim_pci *sp;
static struct pci_dev *pdev;

static void open_fake(void)
{
	fake_reset();
	sp = vcshim_pci_open("0000:00:05.0");
	ck_assert_ptr_nonnull(sp);
	pdev = &sp->pdev;
}

static void close_fake(void)
{
	vcshim_pci_close(sp);
}

static u32 bar_word(int bar, off_t off)
{
	u32 v = 0;

	ck_assert_int_eq(pread(fake.bar_fd[bar], &v, 4, off), 4);
	return v;
}

static void set_bar_word(int bar, off_t off, u32 v)
{
	ck_assert_int_eq(pwrite(fake.bar_fd[bar], &v, 4, off), 4);
}

/* Bug fix: readl()/writel() on a BAR that cannot be mmapped. */
START_TEST(mmio_on_unmapped_bar)
{
	void __iomem *b1, *b3;
	unsigned int mmaps;

	open_fake();
	b1 = pci_iomap(pdev, 1, 0);
	ck_assert_ptr_nonnull(b1);
	set_bar_word(1, 0x10, 0x12345678);
	ck_assert_uint_eq(readl(b1 + 0x10), 0x12345678);
	writel(0xcafe, b1 + 0x20);
	ck_assert_uint_eq(bar_word(1, 0x20), 0xcafe);
	writew(0xbeef, b1 + 0x24);
	ck_assert_uint_eq(readw(b1 + 0x24), 0xbeef);
	/* a 16-byte BAR is mmapped: vfio-pci maps the page it sits in */
	mmaps = fake.mmaps;
	b3 = pci_iomap(pdev, 3, 0);
	ck_assert_ptr_nonnull(b3);
	ck_assert_uint_eq(fake.mmaps, mmaps + 1);
	writel(0x5a5a0001, b3 + 4);
	ck_assert_uint_eq(bar_word(3, 4), 0x5a5a0001);
	close_fake();
}
END_TEST

/* Bug fix: an mmapped BAR between two slow mappings stays a real mapping. */
START_TEST(mapped_bar_between_slow_ones)
{
	void __iomem *slow1, *fast, *slow2;

	open_fake();
	slow1 = pci_iomap(pdev, 1, 0);
	fast = pci_iomap(pdev, 0, 0);
	slow2 = pci_iomap(pdev, 4, 0);
	ck_assert(slow1 && fast && slow2);
	set_bar_word(0, 0x100, 0xa5a5a5a5);
	ck_assert_uint_eq(ioread32(fast + 0x100), 0xa5a5a5a5);
	iowrite32(0x11223344, fast + 0x104);
	ck_assert_uint_eq(bar_word(0, 0x104), 0x11223344);
	set_bar_word(4, 8, 0x77);
	ck_assert_uint_eq(ioread32(slow2 + 8), 0x77);
	set_bar_word(1, 8, 0x66);
	ck_assert_uint_eq(ioread32(slow1 + 8), 0x66);
	close_fake();
}
END_TEST

/* Bug fix: memcpy_fromio()/memcpy_toio() on a slow BAR: one access. */
START_TEST(block_copies_on_slow_bar)
{
	u8 out[64], in[64];
	void __iomem *b1;
	unsigned int reads, writes;
	int i;

	open_fake();
	b1 = pci_iomap(pdev, 1, 0);
	for (i = 0; i < 64; i++)
		out[i] = i * 7;
	writes = fake.region_writes;
	memcpy_toio(b1 + 0x40, out, sizeof(out));
	ck_assert_uint_eq(fake.region_writes, writes + 1);
	reads = fake.region_reads;
	memcpy_fromio(in, b1 + 0x40, sizeof(in));
	ck_assert_uint_eq(fake.region_reads, reads + 1);
	ck_assert_mem_eq(in, out, sizeof(in));
	close_fake();
}
END_TEST

START_TEST(port_io_and_ioremap)
{
	void __iomem *r;

	open_fake();
	ck_assert_uint_eq(pci_resource_start(pdev, 2), 0xc000);
	ck_assert(pci_resource_flags(pdev, 2) & IORESOURCE_IO);
	set_bar_word(2, 4, 0xdeadbeef);
	ck_assert_uint_eq(inl(0xc004), 0xdeadbeef);
	ck_assert_uint_eq(inb(0xc005), 0xbe);
	outw(0x1234, 0xc010);
	ck_assert_uint_eq(bar_word(2, 0x10) & 0xffff, 0x1234);
	ck_assert_uint_eq(inb(0xd000), 0xff);	/* no device there */
	r = ioport_map(0xc000, 32);
	ck_assert_uint_eq(ioread32(r + 4), 0xdeadbeef);
	set_bar_word(0, 0x200, 0x600dcafe);
	r = ioremap(pci_resource_start(pdev, 0) + 0x200, 16);
	ck_assert_ptr_nonnull(r);
	ck_assert_uint_eq(readl(r), 0x600dcafe);
	iounmap(r);
	ck_assert_ptr_null(ioremap(0x1000, 16));
	close_fake();
}
END_TEST

/* Bug fix: MSI grants exactly the vectors asked for, as the kernel does. */
START_TEST(msi_exact_count)
{
	u16 ctrl;

	open_fake();
	ck_assert_int_eq(pci_alloc_irq_vectors(pdev, 3, 3, PCI_IRQ_MSI), 3);
	ck_assert_uint_eq(fake.irq_count[VFIO_PCI_MSI_IRQ_INDEX], 3);
	pci_read_config_word(pdev, FAKE_MSI + PCI_MSI_FLAGS, &ctrl);
	ck_assert_uint_eq((ctrl & PCI_MSI_FLAGS_QSIZE) >> 4, 2);	/* 4 enabled */
	ck_assert(ctrl & PCI_MSI_FLAGS_ENABLE);
	ck_assert_int_gt(pci_irq_vector(pdev, 2), 0);
	ck_assert_int_lt(pci_irq_vector(pdev, 3), 0);
	pci_free_irq_vectors(pdev);
	pci_read_config_word(pdev, FAKE_MSI + PCI_MSI_FLAGS, &ctrl);
	ck_assert(!(ctrl & PCI_MSI_FLAGS_ENABLE));
	close_fake();
}
END_TEST

static void fire(unsigned int vector)
{
	u64 one = 1;

	ck_assert_int_eq(write(fake.irq_fds[VFIO_PCI_MSI_IRQ_INDEX][vector], &one,
			       sizeof(one)), sizeof(one));
}

static DECLARE_COMPLETION(slow_started);
static DECLARE_COMPLETION(fast_done);

static irqreturn_t slow_thread(int irq, void *dev_id)
{
	(void)irq, (void)dev_id;
	complete(&slow_started);
	msleep(600);
	return IRQ_HANDLED;
}

static irqreturn_t fast_handler(int irq, void *dev_id)
{
	(void)irq, (void)dev_id;
	complete(&fast_done);
	return IRQ_HANDLED;
}

/* Bug fix: a threaded handler that sleeps stalls no other interrupt. */
START_TEST(irq_threads_do_not_stall_others)
{
	int a, b;

	open_fake();
	ck_assert_int_eq(pci_alloc_irq_vectors(pdev, 2, 2, PCI_IRQ_MSI), 2);
	ck_assert_int_eq(request_threaded_irq(pci_irq_vector(pdev, 0), NULL, slow_thread,
					      IRQF_ONESHOT, "slow", &a), 0);
	ck_assert_int_eq(pci_request_irq(pdev, 1, fast_handler, NULL, &b, "fast-%d", 1), 0);
	fire(0);
	ck_assert_uint_gt(wait_for_completion_timeout(&slow_started, msecs_to_jiffies(1000)), 0);
	fire(1);
	ck_assert_uint_gt(wait_for_completion_timeout(&fast_done, msecs_to_jiffies(300)), 0);
	free_irq(pci_irq_vector(pdev, 0), &a);
	pci_free_irq(pdev, 1, &b);
	pci_free_irq_vectors(pdev);
	close_fake();
}
END_TEST

static atomic_t shared_hits;

static irqreturn_t shared_handler(int irq, void *dev_id)
{
	(void)irq, (void)dev_id;
	atomic_inc(&shared_hits);
	return IRQ_HANDLED;
}

/* Bug fix: IRQF_SHARED lines carry every sharer's handler. */
START_TEST(irq_sharing)
{
	unsigned int irq;
	int x, y, z, i;

	open_fake();
	ck_assert_int_eq(pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI), 1);
	irq = pci_irq_vector(pdev, 0);
	atomic_set(&shared_hits, 0);
	ck_assert_int_eq(request_irq(irq, shared_handler, IRQF_SHARED, "x", &x), 0);
	ck_assert_int_eq(request_irq(irq, shared_handler, IRQF_SHARED, "y", &y), 0);
	ck_assert_int_eq(request_irq(irq, shared_handler, 0, "z", &z), -EBUSY);
	ck_assert_int_eq(request_irq(irq, shared_handler, IRQF_SHARED, "null", NULL), -EINVAL);
	fire(0);
	for (i = 0; i < 100 && atomic_read(&shared_hits) < 2; i++)
		msleep(10);
	ck_assert_int_eq(atomic_read(&shared_hits), 2);
	ck_assert_ptr_nonnull(free_irq(irq, &x));
	fire(0);
	for (i = 0; i < 100 && atomic_read(&shared_hits) < 3; i++)
		msleep(10);
	msleep(20);
	ck_assert_int_eq(atomic_read(&shared_hits), 3);
	free_irq(irq, &y);
	pci_free_irq_vectors(pdev);
	close_fake();
}
END_TEST

/* Bug fix: PCI Express registers of a function without the capability. */
START_TEST(pcie_capability_without_pcie)
{
	unsigned int writes;
	u16 w = 0xffff;
	u32 d = 0xffffffff;

	open_fake();
	ck_assert(!pci_is_pcie(pdev));
	ck_assert_int_eq(pcie_capability_read_word(pdev, PCI_EXP_DEVCTL, &w), 0);
	ck_assert_uint_eq(w, 0);
	ck_assert_int_eq(pcie_capability_read_dword(pdev, PCI_EXP_DEVCAP, &d), 0);
	ck_assert_uint_eq(d, 0);
	writes = fake.cfg_writes;
	ck_assert_int_eq(pcie_capability_write_word(pdev, PCI_EXP_DEVCTL, 0x10), 0);
	ck_assert_int_eq(pcie_capability_set_word(pdev, PCI_EXP_LNKCTL, 0x10), 0);
	ck_assert_uint_eq(fake.cfg_writes, writes);
	ck_assert_int_eq(pcie_capability_read_word(pdev, 1, &w), PCIBIOS_BAD_REGISTER_NUMBER);
	close_fake();
}
END_TEST

/* Bug fix: a write the kernel refuses is neither made nor reported done. */
START_TEST(config_write_checks)
{
	unsigned int writes;
	u16 w;

	open_fake();
	writes = fake.cfg_writes;
	ck_assert_int_eq(pci_write_config_word(pdev, 0x41, 0x1234), PCIBIOS_BAD_REGISTER_NUMBER);
	ck_assert_int_eq(pci_write_config_dword(pdev, 0x42, 1), PCIBIOS_BAD_REGISTER_NUMBER);
	ck_assert_int_eq(pci_write_config_dword(pdev, 0x100, 1), PCIBIOS_BAD_REGISTER_NUMBER);
	ck_assert_int_ne(pci_write_config_byte(pdev, -1, 1), 0);
	ck_assert_uint_eq(fake.cfg_writes, writes);
	ck_assert_int_eq(pci_read_config_word(pdev, 0x43, &w), PCIBIOS_BAD_REGISTER_NUMBER);
	ck_assert_uint_eq(w, 0xffff);
	ck_assert_int_eq(pci_write_config_word(pdev, 0x40, 0x1234), 0);
	ck_assert_uint_eq(fake.cfg_writes, writes + 1);
	close_fake();
}
END_TEST

START_TEST(intx_check_and_mask)
{
	u16 cmd;

	open_fake();
	ck_assert(!pci_check_and_mask_intx(pdev));	/* nothing pending */
	fake.cfg[PCI_STATUS] |= PCI_STATUS_INTERRUPT;
	ck_assert(pci_check_and_mask_intx(pdev));
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	ck_assert(cmd & PCI_COMMAND_INTX_DISABLE);
	ck_assert(!pci_check_and_unmask_intx(pdev));	/* still pending */
	fake.cfg[PCI_STATUS] &= ~PCI_STATUS_INTERRUPT;
	ck_assert(pci_check_and_unmask_intx(pdev));
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	ck_assert(!(cmd & PCI_COMMAND_INTX_DISABLE));
	close_fake();
}
END_TEST

START_TEST(dma_pool_blocks)
{
	struct dma_pool *pool;
	dma_addr_t h[40];
	void *v[40];
	int i;

	open_fake();
	/* 200-byte blocks, 64-byte aligned, never crossing 1 KiB */
	pool = dma_pool_create("test", &pdev->dev, 200, 64, 1024);
	ck_assert_ptr_nonnull(pool);
	for (i = 0; i < 40; i++) {
		v[i] = dma_pool_zalloc(pool, GFP_KERNEL, &h[i]);
		ck_assert_ptr_nonnull(v[i]);
		ck_assert_uint_eq(h[i] % 64, 0);
		ck_assert_uint_eq(h[i] / 1024, (h[i] + 199) / 1024);
		ck_assert_uint_eq(((u8 *)v[i])[199], 0);
		memset(v[i], 0xee, 200);
	}
	for (i = 1; i < 40; i++)
		ck_assert_uint_ne(h[i], h[i - 1]);
	dma_pool_free(pool, v[7], h[7]);
	v[7] = dma_pool_alloc(pool, GFP_KERNEL, &h[0]);
	ck_assert_ptr_nonnull(v[7]);
	dma_pool_destroy(pool);
	close_fake();
}
END_TEST

/* Bug fix: coherent DMA is aligned to the allocation's order. */
START_TEST(coherent_dma_alignment)
{
	dma_addr_t h1, h2;
	void *a, *b;

	open_fake();
	a = dma_alloc_coherent(&pdev->dev, 4096, &h1, GFP_KERNEL);
	b = dma_alloc_coherent(&pdev->dev, 3 * 4096, &h2, GFP_KERNEL);
	ck_assert(a && b);
	ck_assert_uint_eq(h1 % 4096, 0);
	ck_assert_uint_eq(h2 % 16384, 0);
	memset(b, 0x5a, 3 * 4096);
	dma_free_coherent(&pdev->dev, 3 * 4096, b, h2);
	dma_free_coherent(&pdev->dev, 4096, a, h1);
	close_fake();
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

/* ---- the network layer ---- */

START_TEST(skb_geometry)
{
	struct sk_buff *skb = alloc_skb(256, GFP_KERNEL);
	u8 *p;

	ck_assert_ptr_nonnull(skb);
	ck_assert_uint_eq(skb_headroom(skb), 0);
	ck_assert_int_ge(skb_tailroom(skb), 256);
	skb_reserve(skb, NET_IP_ALIGN + ETH_HLEN);
	ck_assert_uint_eq(skb_headroom(skb), NET_IP_ALIGN + ETH_HLEN);
	p = skb_put(skb, 20);
	memset(p, 0xab, 20);
	ck_assert_uint_eq(skb->len, 20);
	ck_assert_ptr_eq(skb_tail_pointer(skb), p + 20);
	p = skb_push(skb, ETH_HLEN);
	ck_assert_ptr_eq(p, skb->data);
	ck_assert_uint_eq(skb->len, 20 + ETH_HLEN);
	ck_assert_ptr_eq(skb_pull(skb, ETH_HLEN), p + ETH_HLEN);
	ck_assert_ptr_null(skb_pull(skb, 21));
	/* Padding to the Ethernet minimum writes zeros and counts them. */
	ck_assert_int_eq(skb_put_padto(skb, ETH_ZLEN), 0);
	ck_assert_uint_eq(skb->len, ETH_ZLEN);
	ck_assert_uint_eq(skb->data[19], 0xab);
	ck_assert_uint_eq(skb->data[20], 0);
	ck_assert_uint_eq(skb->data[ETH_ZLEN - 1], 0);
	skb_trim(skb, 10);
	ck_assert_uint_eq(skb->len, 10);
	ck_assert_uint_eq(skb_shinfo(skb)->nr_frags, 0);
	/* A head too small for the padding is reallocated. */
	ck_assert_int_eq(skb_padto(skb, 1000), 0);
	ck_assert_uint_eq(skb->data[9], 0xab);
	ck_assert_uint_eq(skb->data[999], 0);
	kfree_skb(skb);
}
END_TEST

START_TEST(skb_fragments)
{
	struct sk_buff *skb = netdev_alloc_skb(NULL, 64);
	struct page *page = alloc_page(GFP_KERNEL);
	u8 buf[48], *frag;
	int i;

	ck_assert_ptr_nonnull(skb);
	ck_assert_ptr_nonnull(page);
	ck_assert_uint_eq(skb_headroom(skb), NET_SKB_PAD);
	skb_put_data(skb, "0123456789", 10);
	frag = page_address(page);
	for (i = 0; i < 100; i++)
		frag[100 + i] = 'a' + i % 26;
	skb_add_rx_frag(skb, 0, page, 100, 40, PAGE_SIZE);
	ck_assert_uint_eq(skb->len, 50);
	ck_assert_uint_eq(skb_headlen(skb), 10);
	ck_assert(skb_is_nonlinear(skb));
	ck_assert_int_eq(skb_copy_bits(skb, 5, buf, 10), 0);
	ck_assert_mem_eq(buf, "56789abcde", 10);
	ck_assert_int_eq(skb_copy_bits(skb, 45, buf, 10), -EFAULT);
	/* Pulling headers into the head takes them out of the fragment. */
	ck_assert(pskb_may_pull(skb, 14));
	ck_assert_uint_eq(skb_headlen(skb), 14);
	ck_assert_mem_eq(skb->data, "0123456789abcd", 14);
	ck_assert_uint_eq(skb_frag_size(&skb_shinfo(skb)->frags[0]), 36);
	ck_assert_uint_eq(*(u8 *)skb_frag_address(&skb_shinfo(skb)->frags[0]), 'e');
	ck_assert_int_eq(pskb_trim(skb, 20), 0);
	ck_assert_uint_eq(skb->len, 20);
	ck_assert_uint_eq(skb->data_len, 6);
	ck_assert_int_eq(skb_linearize(skb), 0);
	ck_assert_mem_eq(skb->data, "0123456789abcdefghij", 20);
	ck_assert_uint_eq(skb_shinfo(skb)->nr_frags, 0);
	kfree_skb(skb);
}
END_TEST

/* A driver frees a build_skb() fragment by the address it handed to the
 * device, past its headroom (e1000 does). */
START_TEST(frag_freed_by_inner_address)
{
	u8 *data = netdev_alloc_frag(2048);
	struct sk_buff *skb;

	ck_assert_ptr_nonnull(data);
	ck_assert_uint_eq((uintptr_t)data % PAGE_SIZE, 0);
	skb_free_frag(data + NET_SKB_PAD + NET_IP_ALIGN);

	data = netdev_alloc_frag(2048);
	skb = build_skb(data, 2048);
	ck_assert_ptr_nonnull(skb);
	skb_reserve(skb, NET_SKB_PAD);
	skb_put(skb, 60);
	ck_assert_uint_eq(skb_tailroom(skb), SKB_WITH_OVERHEAD(2048) - NET_SKB_PAD - 60);
	consume_skb(skb);
}
END_TEST

static struct net_device *test_ndev;
static struct napi_struct test_napi;
static atomic_t polls;
static int poll_budget_left;
static DECLARE_COMPLETION(polled);

static int test_poll(struct napi_struct *napi, int budget)
{
	atomic_inc(&polls);
	/* The first poll uses its whole budget: it is polled again. */
	if (poll_budget_left) {
		poll_budget_left = 0;
		return budget;
	}
	napi_complete_done(napi, 1);
	complete(&polled);
	return 1;
}

START_TEST(napi_state_machine)
{
	test_ndev = alloc_etherdev(64);
	ck_assert_ptr_nonnull(test_ndev);
	ck_assert_str_eq(test_ndev->name, "eth%d");
	ck_assert_uint_eq(test_ndev->mtu, ETH_DATA_LEN);
	ck_assert_ptr_eq(netdev_priv(test_ndev), (char *)test_ndev +
			 ALIGN(sizeof(*test_ndev), NETDEV_ALIGN));
	netif_napi_add(test_ndev, &test_napi, test_poll);
	/* Disabled until enabled (SCHED held), as in the kernel. */
	ck_assert(test_bit(NAPI_STATE_SCHED, &test_napi.state));
	napi_enable(&test_napi);
	poll_budget_left = 1;
	ck_assert(napi_schedule(&test_napi));
	ck_assert_int_eq(wait_for_completion_timeout(&polled, msecs_to_jiffies(2000)) > 0, 1);
	ck_assert_int_eq(atomic_read(&polls), 2);
	ck_assert(!test_bit(NAPI_STATE_SCHED, &test_napi.state));
	/* Scheduled while scheduled: MISSED, so it polls once more. */
	ck_assert(napi_schedule_prep(&test_napi));
	ck_assert(!napi_schedule_prep(&test_napi));
	ck_assert(test_bit(NAPI_STATE_MISSED, &test_napi.state));
	ck_assert(!napi_complete_done(&test_napi, 0));
	ck_assert_int_eq(wait_for_completion_timeout(&polled, msecs_to_jiffies(2000)) > 0, 1);
	ck_assert_int_eq(atomic_read(&polls), 3);
	napi_disable(&test_napi);
	ck_assert(!napi_schedule(&test_napi));
	ck_assert_int_eq(atomic_read(&polls), 3);
	netif_napi_del(&test_napi);
	free_netdev(test_ndev);
}
END_TEST

START_TEST(queues_carrier_and_stats)
{
	struct net_device *dev = alloc_etherdev_mq(16, 2);
	struct rtnl_link_stats64 st;
	const u8 mac[ETH_ALEN] = { 0x52, 0x54, 0, 1, 2, 3 };

	ck_assert_ptr_nonnull(dev);
	ck_assert_uint_eq(dev->num_tx_queues, 2);
	/* New devices are present, with carrier, not running. */
	ck_assert(netif_device_present(dev));
	ck_assert(netif_carrier_ok(dev));
	ck_assert(!netif_running(dev));
	netif_carrier_off(dev);
	ck_assert(!netif_carrier_ok(dev));
	netif_carrier_on(dev);
	ck_assert(netif_carrier_ok(dev));
	netif_tx_start_all_queues(dev);
	netif_stop_subqueue(dev, 1);
	ck_assert(!netif_queue_stopped(dev));
	ck_assert(__netif_subqueue_stopped(dev, 1));
	netif_tx_disable(dev);
	ck_assert(netif_queue_stopped(dev));
	netif_wake_queue(dev);
	ck_assert(!netif_queue_stopped(dev));
	eth_hw_addr_set(dev, mac);
	ck_assert_mem_eq(dev->dev_addr, mac, ETH_ALEN);
	ck_assert_int_eq(eth_validate_addr(dev), 0);
	dev->stats.rx_packets = 5;
	dev->stats.tx_bytes = 700;
	dev->stats.tx_compressed = 3;
	dev_get_stats(dev, &st);
	ck_assert_uint_eq(st.rx_packets, 5);
	ck_assert_uint_eq(st.tx_bytes, 700);
	ck_assert_uint_eq(st.tx_compressed, 3);
	ck_assert_uint_eq(st.rx_nohandler, 0);
	free_netdev(dev);
}
END_TEST

START_TEST(eth_type_trans_classifies)
{
	struct net_device *dev = alloc_etherdev(0);
	static const u8 mac[ETH_ALEN] = { 0x52, 0x54, 0, 1, 2, 3 };
	static const u8 bcast[ETH_ALEN] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	static const u8 other[ETH_ALEN] = { 0x52, 0x54, 0, 9, 9, 9 };
	const u8 *dests[] = { mac, bcast, other };
	const int types[] = { PACKET_HOST, PACKET_BROADCAST, PACKET_OTHERHOST };
	int i;

	eth_hw_addr_set(dev, mac);
	for (i = 0; i < 3; i++) {
		struct sk_buff *skb = netdev_alloc_skb_ip_align(dev, 64);
		struct ethhdr *eth = skb_put_zero(skb, 60);

		memcpy(eth->h_dest, dests[i], ETH_ALEN);
		eth->h_proto = htons(ETH_P_IP);
		ck_assert_uint_eq(eth_type_trans(skb, dev), htons(ETH_P_IP));
		ck_assert_int_eq(skb->pkt_type, types[i]);
		ck_assert_uint_eq(skb->len, 60 - ETH_HLEN);
		ck_assert_ptr_eq(eth_hdr(skb), eth);
		ck_assert_ptr_eq(skb->dev, dev);
		kfree_skb(skb);
	}
	free_netdev(dev);
}
END_TEST

START_TEST(checksums_and_crcs)
{
	/* RFC 1071's classic IPv4 header, checksum 0xb861 in place. */
	u8 iph[20] = { 0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11,
		       0xb8, 0x61, 0xc0, 0xa8, 0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7 };
	__sum16 sum;

	ck_assert_uint_eq(ip_fast_csum(iph, 5), 0);
	iph[10] = iph[11] = 0;
	sum = ip_fast_csum(iph, 5);
	ck_assert_mem_eq(&sum, "\xb8\x61", 2);
	/* CRC-32 (IEEE 802.3) and its MSB-first twin of "123456789". */
	ck_assert_uint_eq(crc32_le(~0, (const u8 *)"123456789", 9) ^ ~0U, 0xcbf43926);
	ck_assert_uint_eq(crc32_be(~0, (const u8 *)"123456789", 9) ^ ~0U, 0xfc891918);
	ck_assert_uint_eq(bitrev8(0x01), 0x80);
	ck_assert_uint_eq(bitrev8(0x35), 0xac);
}
END_TEST

START_TEST(io_port_regions)
{
	struct resource *a = request_region(0xc000, 0x20, "a"), *b;

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_null(request_region(0xc01f, 2, "overlap"));
	b = request_region(0xc020, 0x20, "b");
	ck_assert_ptr_nonnull(b);
	ck_assert_uint_eq(b->end, 0xc03f);
	ck_assert(b->flags & IORESOURCE_BUSY);
	release_region(0xc000, 0x20);
	a = request_region(0xc000, 0x10, "a2");
	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_null(request_region(0xfff0, 0x20, "past the end"));
	release_region(0xc000, 0x10);
	release_region(0xc020, 0x20);
}
END_TEST

START_TEST(firmware_names)
{
	const struct firmware *fw = (const void *)1;

	ck_assert_int_eq(request_firmware_direct(&fw, "vconfig-none/absent.bin", NULL), -ENOENT);
	ck_assert_ptr_null(fw);
	/* Names stay inside the firmware folders. */
	ck_assert_int_eq(request_firmware_direct(&fw, "../../etc/passwd", NULL), -EINVAL);
	ck_assert_int_eq(request_firmware_direct(&fw, "", NULL), -EINVAL);
	release_firmware(NULL);
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
	tcase_add_test(tc, kmalloc_natural_alignment);
	tcase_add_test(tc, helpers);
	tcase_add_test(tc, kernel_formats_and_parsers);
	tcase_add_test(tc, ida_allocates_lowest_free);
	tcase_add_test(tc, several_module_inits);
	tcase_add_test(tc, module_parameters);
	tcase_add_test(tc, devres_newest_first);
	tcase_add_test(tc, notifier_priorities);
	tcase_add_test(tc, timers_and_workqueues);
	tcase_add_test(tc, kthreads);
	suite_add_tcase(s, tc);

	tc = tcase_create("pci");
	tcase_add_test(tc, mmio_on_unmapped_bar);
	tcase_add_test(tc, mapped_bar_between_slow_ones);
	tcase_add_test(tc, block_copies_on_slow_bar);
	tcase_add_test(tc, port_io_and_ioremap);
	tcase_add_test(tc, msi_exact_count);
	tcase_add_test(tc, irq_threads_do_not_stall_others);
	tcase_add_test(tc, irq_sharing);
	tcase_add_test(tc, pcie_capability_without_pcie);
	tcase_add_test(tc, config_write_checks);
	tcase_add_test(tc, coherent_dma_alignment);
	tcase_add_test(tc, intx_check_and_mask);
	tcase_add_test(tc, dma_pool_blocks);
	suite_add_tcase(s, tc);

	tc = tcase_create("net");
	tcase_add_test(tc, skb_geometry);
	tcase_add_test(tc, skb_fragments);
	tcase_add_test(tc, frag_freed_by_inner_address);
	tcase_add_test(tc, napi_state_machine);
	tcase_add_test(tc, queues_carrier_and_stats);
	tcase_add_test(tc, eth_type_trans_classifies);
	tcase_add_test(tc, checksums_and_crcs);
	tcase_add_test(tc, io_port_regions);
	tcase_add_test(tc, firmware_names);
	suite_add_tcase(s, tc);
	return s;
}

VCONFIG_CHECK_MAIN(shim_suite)
