// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-stress-test: several threads hammer one VFIO device for a bounded
 * time with random ioctls and arguments, random config and region
 * accesses, mappings, resets and interrupt setups.
 *
 *   vfio-stress-test [-t SECONDS] [-j THREADS] [-s SEED] BDF KIND DRIVER
 *
 * The run is reproducible in its choices (thread N draws from SEED + N),
 * not in its interleaving. It passes when every thread finishes in time;
 * the kernel log is judged by the caller, and the device's functional
 * tests run again afterwards (tests/guest/phases/stress.sh).
 */
#include <getopt.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/eventfd.h>
#include <sys/mman.h>

#include <linux/pci_regs.h>

#include "report.h"
#include "vfio-dev.h"

#define NR_EVENTFDS 4

static struct vfio_dev dev;
static uint64_t deadline_ns;
static int eventfds[NR_EVENTFDS];
static const char *label_driver, *label_kind;

/*
 * Random BAR writes go to one register per device model that the model
 * only stores: the driver's write path is the same for every offset, and
 * random values elsewhere would program the models' DMA engines and
 * factorial unit, testing QEMU rather than the driver.
 */
static uint64_t scratch_offset(void)
{
	if (!strcmp(label_kind, "edu"))
		return 0x04;	/* liveness */
	if (!strcmp(label_kind, "e1000e"))
		return 0x2800;	/* RDBAL, receive is never enabled */
	return 0x28;		/* NVMe ASQ, read by the controller only when enabled */
}

struct worker {
	pthread_t thread;
	unsigned int seed;
	unsigned long ops;
	unsigned long errors;	/* calls that failed, as many must */
};

static __thread sigjmp_buf fault_jump;
static __thread volatile sig_atomic_t fault_armed;

static void on_fault(int sig)
{
	if (fault_armed)
		siglongjmp(fault_jump, 1);
	signal(sig, SIG_DFL);
	raise(sig);
}

static uint32_t rnd(struct worker *w)
{
	return (uint32_t)rand_r(&w->seed) ^ ((uint32_t)rand_r(&w->seed) << 16);
}

static void fill_random(struct worker *w, void *buf, size_t len)
{
	uint8_t *p = buf;
	size_t i;

	for (i = 0; i < len; i++)
		p[i] = (uint8_t)rnd(w);
}

static uint32_t pick_len(struct worker *w)
{
	static const uint32_t lens[] = { 1, 2, 3, 4, 8, 16, 64, 256, 4096, 5000 };

	return lens[rnd(w) % (sizeof(lens) / sizeof(lens[0]))];
}

/* An offset near the interesting places of a region of @size bytes. */
static uint64_t pick_offset(struct worker *w, uint64_t size)
{
	switch (rnd(w) % 4) {
	case 0:
		return rnd(w) % 0x40;
	case 1:
		return size ? rnd(w) % size : 0;
	case 2:
		return size ? size - 1 - rnd(w) % 8 : 0;
	default:
		return rnd(w) % 0x1100;
	}
}

static int32_t pick_fd(struct worker *w)
{
	switch (rnd(w) % 4) {
	case 0:
		return -1;
	case 1:
		return (int32_t)(rnd(w) % 64);
	default:
		return eventfds[rnd(w) % NR_EVENTFDS];
	}
}

/* VFIO_DEVICE_SET_IRQS, well formed or not. */
static void op_set_irqs(struct worker *w)
{
	uint32_t buf[64];
	struct vfio_irq_set *set = (struct vfio_irq_set *)buf;
	static const uint32_t datas[] = { VFIO_IRQ_SET_DATA_NONE, VFIO_IRQ_SET_DATA_BOOL,
					  VFIO_IRQ_SET_DATA_EVENTFD };
	static const uint32_t actions[] = { VFIO_IRQ_SET_ACTION_MASK,
					    VFIO_IRQ_SET_ACTION_UNMASK,
					    VFIO_IRQ_SET_ACTION_TRIGGER };
	uint32_t i, count;

	fill_random(w, buf, sizeof(buf));
	if (rnd(w) % 8) {
		set->flags = datas[rnd(w) % 3] | actions[rnd(w) % 3];
		set->index = rnd(w) % (VFIO_PCI_NUM_IRQS + 1);
		set->start = rnd(w) % 4 ? 0 : rnd(w) % 40;
		count = rnd(w) % 4 ? rnd(w) % 4 : rnd(w) % 40;
		set->count = rnd(w) % 16 ? count : rnd(w);
		set->argsz = sizeof(*set) + 4 * (count < 40 ? count : 40);
		if (set->flags & VFIO_IRQ_SET_DATA_EVENTFD)
			for (i = 0; i < count && i < 40; i++)
				((int32_t *)set->data)[i] = pick_fd(w);
		if (rnd(w) % 16 == 0)
			set->argsz = rnd(w) % sizeof(buf);
	}
	ioctl(dev.fd, VFIO_DEVICE_SET_IRQS, set);
}

/* Any VFIO device ioctl, or any number at all, with random contents. */
static void op_random_ioctl(struct worker *w)
{
	static const unsigned long known[] = {
		VFIO_DEVICE_GET_INFO, VFIO_DEVICE_GET_REGION_INFO,
		VFIO_DEVICE_GET_IRQ_INFO, VFIO_DEVICE_SET_IRQS, VFIO_DEVICE_RESET,
		VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, VFIO_DEVICE_PCI_HOT_RESET,
		VFIO_DEVICE_QUERY_GFX_PLANE, VFIO_DEVICE_GET_GFX_DMABUF,
		VFIO_DEVICE_IOEVENTFD, VFIO_DEVICE_FEATURE,
	};
	uint32_t buf[256];
	unsigned long cmd;
	void *arg = buf;

	fill_random(w, buf, sizeof(buf));
	switch (rnd(w) % 4) {
	case 0:
		cmd = _IO(VFIO_TYPE, VFIO_BASE + rnd(w) % 32);
		break;
	case 1:
		cmd = rnd(w);
		break;
	default:
		cmd = known[rnd(w) % (sizeof(known) / sizeof(known[0]))];
		break;
	}
	/* argsz: exact, small, large or random */
	switch (rnd(w) % 4) {
	case 0:
		buf[0] = 16 + rnd(w) % 32;
		break;
	case 1:
		buf[0] = rnd(w) % 16;
		break;
	case 2:
		buf[0] = sizeof(buf);
		break;
	}
	if (cmd == VFIO_DEVICE_FEATURE && rnd(w) % 2)
		buf[1] = (rnd(w) % 16) | (rnd(w) % 2 ? VFIO_DEVICE_FEATURE_GET :
						   VFIO_DEVICE_FEATURE_SET) |
			 (rnd(w) % 4 ? 0 : VFIO_DEVICE_FEATURE_PROBE);
	if (rnd(w) % 32 == 0)
		arg = rnd(w) % 2 ? NULL : (void *)(uintptr_t)rnd(w);
	/* an index small enough to name a region or an irq */
	if (rnd(w) % 2)
		buf[3] = rnd(w) % 12;
	if (cmd == VFIO_DEVICE_SET_IRQS)
		op_set_irqs(w);
	else
		ioctl(dev.fd, cmd, arg);
}

static void op_config(struct worker *w)
{
	uint8_t buf[5000];
	uint64_t size = dev.region[VFIO_PCI_CONFIG_REGION_INDEX].size;
	uint64_t off = pick_offset(w, size);
	uint32_t len = pick_len(w);

	if (rnd(w) % 3) {
		pread(dev.fd, buf, len, dev.region[VFIO_PCI_CONFIG_REGION_INDEX].offset + off);
		return;
	}
	fill_random(w, buf, len < 16 ? len : 16);
	if (len > 16)
		memset(buf + 16, (int)rnd(w), len - 16);
	pwrite(dev.fd, buf, len, dev.region[VFIO_PCI_CONFIG_REGION_INDEX].offset + off);
}

static void op_region(struct worker *w)
{
	unsigned int index = VFIO_PCI_BAR0_REGION_INDEX + rnd(w) % 8;
	const struct vfio_region_info *r = &dev.region[index < VFIO_PCI_NUM_REGIONS ?
						       index : 0];
	uint8_t buf[5000];
	uint64_t off = pick_offset(w, r->size);
	uint32_t len = pick_len(w);

	if (index >= VFIO_PCI_NUM_REGIONS) {
		pread(dev.fd, buf, 4, (uint64_t)index << 40);
		return;
	}
	if (rnd(w) % 2) {
		pread(dev.fd, buf, len, r->offset + off);
	} else if (index == VFIO_PCI_BAR0_REGION_INDEX) {
		fill_random(w, buf, 4);
		pwrite(dev.fd, buf, 4, r->offset + scratch_offset());
	}
}

/* One read and maybe one write; a fault while decode is off is expected. */
static void __attribute__((noinline))
touch_mapping(struct worker *w, volatile uint32_t *p, size_t len, unsigned int bar)
{
	volatile uint32_t word = rnd(w) % (len / 4);
	volatile bool write = bar == 0 && rnd(w) % 4 == 0 &&
			      scratch_offset() + 4 <= len;
	volatile uint32_t value = rnd(w);

	fault_armed = 1;
	if (!sigsetjmp(fault_jump, 1)) {
		uint32_t v = p[word];

		(void)v;
		if (write)
			p[scratch_offset() / 4] = value;
	}
	fault_armed = 0;
}

/* Map a BAR and touch it. */
static void op_mmap(struct worker *w)
{
	unsigned int bar = rnd(w) % 6;
	const struct vfio_region_info *r = &dev.region[bar];
	size_t len = r->size < 0x4000 ? r->size : 0x4000;
	void *map;

	if (!(r->flags & VFIO_REGION_INFO_FLAG_MMAP) || !len)
		return;
	map = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, dev.fd, r->offset);
	if (map == MAP_FAILED)
		return;
	touch_mapping(w, map, len, bar);
	munmap(map, len);
}

/* A well-formed interrupt setup on a random index, left on or turned off. */
static void op_irq_setup(struct worker *w)
{
	unsigned int index = rnd(w) % VFIO_PCI_NUM_IRQS;

	if (vfio_dev_set_trigger(&dev, index, eventfds[rnd(w) % NR_EVENTFDS]) == 0 &&
	    rnd(w) % 2)
		vfio_dev_set_trigger(&dev, index, -1);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;

	while (vfio_dev_now_ns() < deadline_ns) {
		switch (rnd(w) % 16) {
		case 0 ... 3:
			op_random_ioctl(w);
			break;
		case 4 ... 5:
			op_set_irqs(w);
			break;
		case 6 ... 9:
			op_config(w);
			break;
		case 10 ... 12:
			op_region(w);
			break;
		case 13:
			op_mmap(w);
			break;
		case 14:
			op_irq_setup(w);
			break;
		default:
			if (rnd(w) % 8 == 0)
				ioctl(dev.fd, VFIO_DEVICE_RESET);
			else
				op_irq_setup(w);
			break;
		}
		w->ops++;
	}
	return NULL;
}

int main(int argc, char **argv)
{
	struct worker workers[16];
	unsigned int seconds = 10, threads = 3, seed = 1, i;
	unsigned long ops = 0;
	char why[256], check[128];
	int opt;

	while ((opt = getopt(argc, argv, "t:j:s:")) != -1) {
		switch (opt) {
		case 't':
			seconds = (unsigned int)atoi(optarg);
			break;
		case 'j':
			threads = (unsigned int)atoi(optarg);
			break;
		case 's':
			seed = (unsigned int)strtoul(optarg, NULL, 0);
			break;
		default:
			goto usage;
		}
	}
	if (argc - optind != 3 || !threads || threads > 16)
		goto usage;
	label_kind = argv[optind + 1];
	label_driver = argv[optind + 2];
	report_prefix("%s:%s", label_driver, label_kind);
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGBUS, on_fault);
	signal(SIGSEGV, on_fault);

	if (vfio_dev_open(&dev, argv[optind], why, sizeof(why))) {
		fail("stress", "%s", why);
		return 1;
	}
	for (i = 0; i < NR_EVENTFDS; i++)
		eventfds[i] = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);

	deadline_ns = vfio_dev_now_ns() + (uint64_t)seconds * 1000000000ull;
	for (i = 0; i < threads; i++) {
		workers[i] = (struct worker){ .seed = seed + i };
		if (pthread_create(&workers[i].thread, NULL, worker_main, &workers[i])) {
			fail("stress", "pthread_create");
			return 1;
		}
	}
	for (i = 0; i < threads; i++) {
		pthread_join(workers[i].thread, NULL);
		ops += workers[i].ops;
	}
	/* leave interrupts on for close to tear down */
	vfio_dev_close(&dev);
	snprintf(check, sizeof(check), "stress (%u threads, %u s, seed %u, %lu operations)",
		 threads, seconds, seed, ops);
	pass(check);
	return 0;

usage:
	fprintf(stderr, "usage: %s [-t SECONDS] [-j THREADS] [-s SEED] BDF KIND DRIVER\n",
		argv[0]);
	return 2;
}
