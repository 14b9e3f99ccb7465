// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-lifecycle-test: open, close and unbind in the orders users get wrong.
 *
 *   vfio-lifecycle-test BDF KIND DRIVER
 *
 * Checks ("PASS DRIVER:KIND:CHECK"):
 *   second-open      a second VFIO_GROUP_GET_DEVICE_FD on an open device
 *                    succeeds (the VFIO core of 6.1 counts opens) and both
 *                    descriptors reach the device
 *   close-irqs-on    closing with INTx/MSI/MSI-X, ERR and REQ triggers set
 *                    tears them down: the device opens again, answers, and
 *                    its interrupt setup works
 *   unbind-req       unbinding while the device is open relays a request on
 *                    the REQ eventfd; the user closes and the unbind
 *                    completes within a bounded time
 *   unbind-blocked   without a REQ eventfd the unbind waits for the close
 *                    and completes right after it
 * The device is bound to DRIVER again at the end (driver_override stays).
 */
#define _GNU_SOURCE
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/eventfd.h>

#include <linux/pci_regs.h>

#include "report.h"
#include "vfio-dev.h"

#define UNBIND_LIMIT_MS 15000

static const char *bdf, *kind, *driver;
static bool bound(void)
{
	char path[PATH_MAX], link[PATH_MAX];
	const char *name;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/driver", bdf);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return false;
	link[n] = '\0';
	name = strrchr(link, '/');
	return name && !strcmp(name + 1, driver);
}

static int write_sysfs(const char *path, const char *val)
{
	int fd = open(path, O_WRONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = write(fd, val, strlen(val));
	close(fd);
	return n == (ssize_t)strlen(val) ? 0 : -1;
}

static int rebind(void)
{
	write_sysfs("/sys/bus/pci/drivers_probe", bdf);
	return bound() ? 0 : -1;
}

static void check_second_open(void)
{
	struct vfio_dev dev;
	char why[256] = "";
	int fd2;

	if (vfio_dev_open(&dev, bdf, why, sizeof(why))) {
		report("second-open", "first open: %s", why);
		vfio_dev_close(&dev);
		return;
	}
	fd2 = vfio_dev_get_fd(&dev);
	if (fd2 < 0) {
		snprintf(why, sizeof(why), "second GET_DEVICE_FD: %s", strerror(errno));
	} else {
		uint16_t a = vfio_dev_cfg16(&dev, PCI_VENDOR_ID), b = 0xffff;

		pread(fd2, &b, 2, vfio_dev_cfg_off(&dev) + PCI_VENDOR_ID);
		if (a != b || a == 0xffff)
			snprintf(why, sizeof(why), "vendor 0x%04x through one fd, 0x%04x through the other",
				 a, b);
		close(fd2);
		/* the first descriptor still works after the second closed */
		if (!why[0] && vfio_dev_cfg16(&dev, PCI_VENDOR_ID) != a)
			snprintf(why, sizeof(why), "first fd dead after the second closed");
	}
	vfio_dev_close(&dev);
	report("second-open", why[0] ? "%s" : NULL, why);
}

static void check_close_irqs_on(void)
{
	static const unsigned int order[] = {
		VFIO_PCI_MSIX_IRQ_INDEX, VFIO_PCI_MSI_IRQ_INDEX, VFIO_PCI_INTX_IRQ_INDEX,
	};
	struct vfio_dev dev;
	char why[256] = "";
	int efd = eventfd(0, EFD_CLOEXEC), err = eventfd(0, EFD_CLOEXEC);
	int req = eventfd(0, EFD_CLOEXEC);
	unsigned int i, on = 0;
	uint16_t cmd;

	if (vfio_dev_open(&dev, bdf, why, sizeof(why))) {
		report("close-irqs-on", "open: %s", why);
		vfio_dev_close(&dev);
		return;
	}
	cmd = vfio_dev_cfg16(&dev, PCI_COMMAND) | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
	vfio_dev_cfg_write(&dev, PCI_COMMAND, &cmd, 2);
	/* the richest mechanism the device has */
	for (i = 0; i < 3 && !on; i++)
		if (!vfio_dev_set_trigger(&dev, order[i], efd))
			on = order[i] + 1;
	vfio_dev_set_trigger(&dev, VFIO_PCI_ERR_IRQ_INDEX, err);
	vfio_dev_set_trigger(&dev, VFIO_PCI_REQ_IRQ_INDEX, req);
	vfio_dev_close(&dev);
	if (!on) {
		report("close-irqs-on", "no interrupt index could be enabled");
		goto out;
	}

	if (vfio_dev_open(&dev, bdf, why, sizeof(why))) {
		report("close-irqs-on", "reopen: %s", why);
	} else if (vfio_dev_cfg16(&dev, PCI_VENDOR_ID) == 0xffff) {
		report("close-irqs-on", "config space unreadable after reopen");
	} else if (vfio_dev_set_trigger(&dev, on - 1, efd) ||
		   vfio_dev_set_trigger(&dev, on - 1, -1)) {
		report("close-irqs-on", "irq index %u unusable after reopen: %s", on - 1,
		       strerror(errno));
	} else {
		report("close-irqs-on", NULL);
	}
	vfio_dev_close(&dev);
out:
	close(efd);
	close(err);
	close(req);
}

static void *unbind_thread(void *arg)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "/sys/bus/pci/drivers/%s/unbind", driver);
	__atomic_store_n((int *)arg, write_sysfs(path, bdf), __ATOMIC_SEQ_CST);
	return NULL;
}

/* Unbind with the device open; with_req: answer the request by closing. */
static void check_unbind(const char *check, bool with_req)
{
	struct vfio_dev dev;
	struct timespec limit;
	pthread_t thread;
	char why[256] = "";
	int req = eventfd(0, EFD_CLOEXEC), unbind_ret = -2;
	uint64_t start, closed_at = 0, done_at;

	if (vfio_dev_open(&dev, bdf, why, sizeof(why))) {
		report(check, "open: %s", why);
		vfio_dev_close(&dev);
		return;
	}
	if (with_req && vfio_dev_set_trigger(&dev, VFIO_PCI_REQ_IRQ_INDEX, req)) {
		report(check, "REQ trigger: %s", strerror(errno));
		vfio_dev_close(&dev);
		return;
	}
	start = vfio_dev_now_ns();
	if (pthread_create(&thread, NULL, unbind_thread, &unbind_ret)) {
		report(check, "pthread_create");
		vfio_dev_close(&dev);
		return;
	}
	if (with_req) {
		struct pollfd pfd = { .fd = req, .events = POLLIN };

		if (poll(&pfd, 1, 5000) != 1)
			snprintf(why, sizeof(why), "no request on the REQ eventfd within 5 s");
	} else {
		/* the driver link goes before remove(), so watch the writer */
		usleep(300 * 1000);
		if (__atomic_load_n(&unbind_ret, __ATOMIC_SEQ_CST) != -2)
			snprintf(why, sizeof(why), "unbind finished while the device was still open");
	}
	closed_at = vfio_dev_now_ns();
	vfio_dev_close(&dev);

	clock_gettime(CLOCK_REALTIME, &limit);
	limit.tv_sec += UNBIND_LIMIT_MS / 1000;
	if (pthread_timedjoin_np(thread, NULL, &limit)) {
		report(check, "%s%sunbind still blocked %d s after the close", why,
		       why[0] ? "; " : "", UNBIND_LIMIT_MS / 1000);
		/* the thread is stuck in the kernel: nothing more to test */
		fflush(stdout);
		_exit(1);
	}
	done_at = vfio_dev_now_ns();
	if (!why[0] && unbind_ret)
		snprintf(why, sizeof(why), "unbind write failed");
	if (!why[0] && bound())
		snprintf(why, sizeof(why), "still bound after unbind");
	if (!why[0])
		printf("INFO %s:%s:%s: closed %llu us after the unbind began, unbind done %llu us after the close\n",
		       driver, kind, check, (unsigned long long)(closed_at - start) / 1000,
		       (unsigned long long)(done_at - closed_at) / 1000);
	if (rebind() && !why[0])
		snprintf(why, sizeof(why), "could not bind %s again", driver);
	close(req);
	report(check, why[0] ? "%s" : NULL, why);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s BDF KIND DRIVER\n", argv[0]);
		return 2;
	}
	bdf = argv[1];
	kind = argv[2];
	driver = argv[3];
	report_prefix("%s:%s", driver, kind);
	setvbuf(stdout, NULL, _IOLBF, 0);

	check_second_open();
	check_close_irqs_on();
	check_unbind("unbind-req", true);
	if (bound())
		check_unbind("unbind-blocked", false);
	return failed ? 1 : 0;
}
