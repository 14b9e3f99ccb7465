// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-bench: time the same VFIO operations on a function bound to vfio-pci
 * and on one of the same model bound to vfio-vconfig, in one boot.
 *
 *   vfio-bench [-n SCALE] KIND BDF-VFIO-PCI BDF-VFIO-VCONFIG
 *
 * Prints one line per figure:
 *   BENCH KIND FIGURE vfio-pci=NS vfio-vconfig=NS ratio=R samples=N
 * NS is the median of N samples in nanoseconds and R is vfio-vconfig over
 * vfio-pci (below 1 is faster). The two drivers alternate sample by sample,
 * so that a disturbance of the host hits both. A figure the device cannot
 * give (no reset, no MSI source) is left out. Never judges: the figures are
 * for people to read.
 */
#define _GNU_SOURCE
#include <getopt.h>
#include <poll.h>
#include <sched.h>
#include <stdlib.h>
#include <sys/eventfd.h>

#include <linux/pci_regs.h>

#include "vfio-dev.h"

#define MAX_SAMPLES 4096

static const char *kind;
static unsigned int scale = 1;

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

static uint64_t median(uint64_t *v, unsigned int n)
{
	qsort(v, n, sizeof(*v), cmp_u64);
	return n ? v[n / 2] : 0;
}

/* One timed operation on one device; returns ns, or 0 when it failed. */
typedef uint64_t (*op_fn)(struct vfio_dev *dev, void *arg);

static void report(const char *figure, op_fn op, void *arg, struct vfio_dev *pci,
		   struct vfio_dev *vc, unsigned int n)
{
	static uint64_t a[MAX_SAMPLES], b[MAX_SAMPLES];
	unsigned int i, na = 0, nb = 0;
	uint64_t ma, mb;

	if (n > MAX_SAMPLES)
		n = MAX_SAMPLES;
	/* one untimed round each: caches, first-touch allocations */
	op(pci, arg);
	op(vc, arg);
	for (i = 0; i < n; i++) {
		struct vfio_dev *first = i & 1 ? vc : pci, *second = i & 1 ? pci : vc;
		uint64_t t1 = op(first, arg), t2 = op(second, arg);

		if (t1)
			(first == pci ? a : b)[first == pci ? na++ : nb++] = t1;
		if (t2)
			(second == pci ? a : b)[second == pci ? na++ : nb++] = t2;
	}
	if (!na || !nb) {
		printf("INFO bench:%s:%s: no samples (vfio-pci %u, vfio-vconfig %u)\n",
		       kind, figure, na, nb);
		return;
	}
	ma = median(a, na);
	mb = median(b, nb);
	printf("BENCH %s %s vfio-pci=%llu vfio-vconfig=%llu ratio=%.3f samples=%u\n",
	       kind, figure, (unsigned long long)ma, (unsigned long long)mb,
	       ma ? (double)mb / (double)ma : 0.0, na < nb ? na : nb);
}

/* ---- operations ----------------------------------------------------- */

struct cfg_read_arg {
	unsigned int off;
	size_t len;
};

static uint64_t op_cfg_read(struct vfio_dev *dev, void *arg)
{
	const struct cfg_read_arg *r = arg;
	uint8_t buf[4096];
	uint64_t t = vfio_dev_now_ns();

	if (vfio_dev_cfg_read(dev, r->off, buf, r->len))
		return 0;
	return vfio_dev_now_ns() - t;
}

/* Write a register back with the value it holds: no state changes. */
static uint64_t op_cfg_write(struct vfio_dev *dev, void *arg)
{
	const struct cfg_read_arg *r = arg;
	uint8_t buf[4];
	uint64_t t;

	if (vfio_dev_cfg_read(dev, r->off, buf, r->len))
		return 0;
	t = vfio_dev_now_ns();
	if (vfio_dev_cfg_write(dev, r->off, buf, r->len))
		return 0;
	return vfio_dev_now_ns() - t;
}

static uint64_t op_reset(struct vfio_dev *dev, void *arg)
{
	uint64_t t = vfio_dev_now_ns();

	(void)arg;
	if (ioctl(dev->fd, VFIO_DEVICE_RESET))
		return 0;
	return vfio_dev_now_ns() - t;
}

/* Device fd open (open_device: enable, reset, config setup); close untimed. */
static uint64_t op_open(struct vfio_dev *dev, void *arg)
{
	uint64_t t;
	int fd;

	(void)arg;
	close(dev->fd);
	t = vfio_dev_now_ns();
	fd = vfio_dev_get_fd(dev);
	t = vfio_dev_now_ns() - t;
	dev->fd = fd;
	return fd < 0 ? 0 : t;
}

struct msi_arg {
	const struct vfio_dev *pci;
	int efd_pci;
	int efd_vc;
};

/* edu: write the raise register, wait for the MSI's eventfd to wake us. */
static uint64_t op_edu_msi(struct vfio_dev *dev, void *arg)
{
	const struct msi_arg *m = arg;
	int efd = dev == m->pci ? m->efd_pci : m->efd_vc;
	struct pollfd pfd = { .fd = efd, .events = POLLIN };
	uint64_t t, count;
	uint32_t status = 0;

	t = vfio_dev_now_ns();
	if (vfio_dev_bar_write32(dev, 0, 0x60, 1) || poll(&pfd, 1, 3000) != 1 ||
	    read(efd, &count, sizeof(count)) != sizeof(count))
		return 0;
	t = vfio_dev_now_ns() - t;
	vfio_dev_bar_read32(dev, 0, 0x24, &status);
	vfio_dev_bar_write32(dev, 0, 0x64, status);
	return t;
}

/*
 * Steer the interrupts of @bdf to CPU 0, where the benchmark runs: the
 * kernel spreads vectors over CPUs, and a wake-up across CPUs would
 * measure the placement rather than the driver.
 */
static void pin_irqs(const char *bdf)
{
	char line[512], path[64];
	FILE *f = fopen("/proc/interrupts", "r");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		unsigned int irq;
		FILE *aff;

		if (!strstr(line, bdf) || sscanf(line, " %u:", &irq) != 1)
			continue;
		snprintf(path, sizeof(path), "/proc/irq/%u/smp_affinity_list", irq);
		aff = fopen(path, "w");
		if (aff) {
			fputs("0\n", aff);
			fclose(aff);
		}
	}
	fclose(f);
}

static int enable_msi(struct vfio_dev *dev, int *efd)
{
	uint16_t cmd = vfio_dev_cfg16(dev, PCI_COMMAND) | PCI_COMMAND_MEMORY |
		       PCI_COMMAND_MASTER;

	*efd = eventfd(0, EFD_CLOEXEC);
	if (*efd < 0 || vfio_dev_cfg_write(dev, PCI_COMMAND, &cmd, 2))
		return -1;
	if (vfio_dev_set_trigger(dev, VFIO_PCI_MSI_IRQ_INDEX, *efd))
		return -1;
	pin_irqs(dev->bdf);
	return 0;
}

int main(int argc, char **argv)
{
	static struct vfio_dev pci, vc;
	struct cfg_read_arg bar0 = { PCI_BASE_ADDRESS_0, 4 };
	struct cfg_read_arg status = { PCI_STATUS, 2 };
	struct cfg_read_arg intline = { PCI_INTERRUPT_LINE, 1 };
	struct cfg_read_arg latency = { PCI_LATENCY_TIMER, 1 };
	struct cfg_read_arg dump = { 0, 0 };
	char why[256], figure[64];
	cpu_set_t cpu0;
	int opt;

	while ((opt = getopt(argc, argv, "n:")) != -1) {
		if (opt != 'n')
			goto usage;
		scale = (unsigned int)atoi(optarg);
		if (!scale)
			goto usage;
	}
	if (argc - optind != 3)
		goto usage;
	kind = argv[optind];
	setvbuf(stdout, NULL, _IOLBF, 0);
	CPU_ZERO(&cpu0);
	CPU_SET(0, &cpu0);
	sched_setaffinity(0, sizeof(cpu0), &cpu0);

	if (vfio_dev_open(&pci, argv[optind + 1], why, sizeof(why)) ||
	    vfio_dev_open(&vc, argv[optind + 2], why, sizeof(why))) {
		printf("INFO bench:%s: %s\n", kind, why);
		return 1;
	}

	report("config-read-virtual", op_cfg_read, &bar0, &pci, &vc, 400 * scale);
	report("config-read-hardware", op_cfg_read, &status, &pci, &vc, 400 * scale);
	report("config-write-virtual", op_cfg_write, &intline, &pci, &vc, 400 * scale);
	report("config-write-hardware", op_cfg_write, &latency, &pci, &vc, 400 * scale);
	dump.len = pci.region[VFIO_PCI_CONFIG_REGION_INDEX].size;
	if (dump.len > 4096)
		dump.len = 4096;
	snprintf(figure, sizeof(figure), "config-dump-%zu", dump.len);
	report(figure, op_cfg_read, &dump, &pci, &vc, 40 * scale);

	if (!strcmp(kind, "edu")) {
		struct msi_arg msi = { .pci = &pci };

		if (enable_msi(&pci, &msi.efd_pci) || enable_msi(&vc, &msi.efd_vc))
			printf("INFO bench:%s:msi: cannot enable MSI: %s\n", kind,
			       strerror(errno));
		else
			report("msi-latency", op_edu_msi, &msi, &pci, &vc, 30 * scale);
		vfio_dev_set_trigger(&pci, VFIO_PCI_MSI_IRQ_INDEX, -1);
		vfio_dev_set_trigger(&vc, VFIO_PCI_MSI_IRQ_INDEX, -1);
	}

	if ((pci.info.flags & VFIO_DEVICE_FLAGS_RESET) &&
	    (vc.info.flags & VFIO_DEVICE_FLAGS_RESET))
		report("reset", op_reset, NULL, &pci, &vc, 5 * scale);
	report("open", op_open, NULL, &pci, &vc, 5 * scale);

	vfio_dev_close(&pci);
	vfio_dev_close(&vc);
	return 0;

usage:
	fprintf(stderr, "usage: %s [-n SCALE] KIND BDF-VFIO-PCI BDF-VFIO-VCONFIG\n", argv[0]);
	return 2;
}
