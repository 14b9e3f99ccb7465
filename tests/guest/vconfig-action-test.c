// SPDX-License-Identifier: GPL-2.0
/*
 * vconfig-action-test: the config-action mode of vfio-vconfig.
 *
 *   vconfig-action-test BDF edu|e1000e|nvme
 *
 * The device must be bound to vfio-vconfig. Checks the feature's ABI
 * (probe, get, set, invalid arguments), that in config-action mode an MSI
 * or MSI-X enable written to config space allocates host vectors for the
 * armed eventfds (and that edu's MSI then reaches the eventfd), that
 * clearing the bit releases them, that the default mode stays exact VFIO
 * (an enable write allocates nothing) and that INTx-disable written to
 * config space masks INTx delivery.
 *
 * Output: "PASS vfio-vconfig:KIND:action:check" or "FAIL ...: reason"
 * lines. Exit status 1 when a check failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/pci_regs.h>
#include <linux/vfio.h>

#include "../../include/uapi/linux/vfio_vconfig.h"
#include "report.h"
#include "vfio-dev.h"

#define IRQ_TIMEOUT_MS	3000
#define NO_IRQ_WAIT_MS	300

/* edu registers (BAR0) */
#define EDU_IRQ_RAISE	0x60
#define EDU_IRQ_ACK	0x64

struct dev {
	const char *bdf;
	const char *kind;
	int container, group, fd;
	uint64_t cfg_off, bar0_off;
};

static int open_device(struct dev *d, char *why, size_t len)
{
	struct vfio_region_info reg = { .argsz = sizeof(reg) };
	struct vfio_dev vfio;
	int ret = vfio_dev_open_fd(&vfio, d->bdf, why, len);

	d->container = vfio.container;
	d->group = vfio.group;
	d->fd = vfio.fd;
	if (ret)
		return -1;

	reg.index = VFIO_PCI_CONFIG_REGION_INDEX;
	if (ioctl(d->fd, VFIO_DEVICE_GET_REGION_INFO, &reg))
		goto region_info;
	d->cfg_off = reg.offset;
	reg.argsz = sizeof(reg);
	reg.index = VFIO_PCI_BAR0_REGION_INDEX;
	if (ioctl(d->fd, VFIO_DEVICE_GET_REGION_INFO, &reg))
		goto region_info;
	d->bar0_off = reg.offset;
	return 0;

region_info:
	snprintf(why, len, "%s", strerror(errno));
	return -1;
}

static uint32_t cfg_read(const struct dev *d, unsigned int off, unsigned int len)
{
	uint32_t v = 0;

	if (pread(d->fd, &v, len, d->cfg_off + off) != (ssize_t)len)
		return ~0u;
	return v;
}

static int cfg_write(const struct dev *d, unsigned int off, unsigned int len, uint32_t v)
{
	return pwrite(d->fd, &v, len, d->cfg_off + off) == (ssize_t)len ? 0 : -1;
}

static int bar0_write32(const struct dev *d, uint64_t off, uint32_t v)
{
	return pwrite(d->fd, &v, 4, d->bar0_off + off) == 4 ? 0 : -1;
}

/* Walk the virtual capability list, bounded. */
static unsigned int find_cap(const struct dev *d, uint8_t id)
{
	unsigned int pos = cfg_read(d, PCI_CAPABILITY_LIST, 1) & ~3u;
	int ttl = 48;

	while (pos >= 0x40 && pos < 0x100 && ttl--) {
		if ((cfg_read(d, pos, 1) & 0xff) == id)
			return pos;
		pos = cfg_read(d, pos + 1, 1) & 0xfc;
	}
	return 0;
}

static int feature(const struct dev *d, uint32_t flags,
		   struct vfio_device_feature_vconfig_action *act)
{
	struct {
		struct vfio_device_feature hdr;
		struct vfio_device_feature_vconfig_action act;
	} buf;
	int ret;

	memset(&buf, 0, sizeof(buf));
	buf.hdr.argsz = sizeof(buf);
	buf.hdr.flags = flags | VFIO_DEVICE_FEATURE_VCONFIG_ACTION;
	if (act)
		buf.act = *act;
	ret = ioctl(d->fd, VFIO_DEVICE_FEATURE, &buf);
	if (!ret && act)
		*act = buf.act;
	return ret ? -errno : 0;
}

static int set_mode(const struct dev *d, uint32_t mode)
{
	struct vfio_device_feature_vconfig_action act = { .mode = mode };

	return feature(d, VFIO_DEVICE_FEATURE_SET, &act);
}

static int get_state(const struct dev *d, struct vfio_device_feature_vconfig_action *act)
{
	memset(act, 0, sizeof(*act));
	return feature(d, VFIO_DEVICE_FEATURE_GET, act);
}

static int set_irq(const struct dev *d, unsigned int index, uint32_t flags,
		   unsigned int count, const int32_t *fds)
{
	char buf[sizeof(struct vfio_irq_set) + 4 * sizeof(int32_t)];
	struct vfio_irq_set *set = (struct vfio_irq_set *)buf;
	size_t data = (flags & VFIO_IRQ_SET_DATA_EVENTFD) ? count * sizeof(int32_t) : 0;

	set->argsz = sizeof(*set) + data;
	set->flags = flags;
	set->index = index;
	set->start = 0;
	set->count = count;
	if (data)
		memcpy(set->data, fds, data);
	return ioctl(d->fd, VFIO_DEVICE_SET_IRQS, set) ? -errno : 0;
}

static int arm(const struct dev *d, unsigned int index, int efd)
{
	int32_t fd = efd;

	return set_irq(d, index, VFIO_IRQ_SET_DATA_EVENTFD |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 1, &fd);
}

static int disarm(const struct dev *d, unsigned int index)
{
	return set_irq(d, index, VFIO_IRQ_SET_DATA_NONE |
		       VFIO_IRQ_SET_ACTION_TRIGGER, 0, NULL);
}

static uint64_t wait_event(int efd, int timeout_ms)
{
	struct pollfd p = { .fd = efd, .events = POLLIN };
	uint64_t v = 0;

	if (poll(&p, 1, timeout_ms) != 1 || read(efd, &v, sizeof(v)) != sizeof(v))
		return 0;
	return v;
}

/* Interrupt lines of /proc/interrupts naming this function's vectors. */
static int host_vectors(const struct dev *d, const char *what)
{
	char line[512], needle[64];
	FILE *f = fopen("/proc/interrupts", "r");
	int n = 0;

	if (!f)
		return -1;
	snprintf(needle, sizeof(needle), "vfio-vconfig-%s[", what);
	while (fgets(line, sizeof(line), f))
		if (strstr(line, needle) && strstr(line, d->bdf))
			n++;
	fclose(f);
	return n;
}

static void check_feature_abi(const struct dev *d)
{
	struct vfio_device_feature_vconfig_action act;
	int ret;

	ret = feature(d, VFIO_DEVICE_FEATURE_PROBE | VFIO_DEVICE_FEATURE_GET |
		      VFIO_DEVICE_FEATURE_SET, NULL);
	report("feature-probe", ret ? "PROBE: %s" : NULL, strerror(-ret));

	ret = get_state(d, &act);
	if (ret || act.mode != VFIO_VCONFIG_MODE_VFIO)
		report("feature-default", "GET %s, mode %u", strerror(-ret), act.mode);
	else
		report("feature-default", NULL);

	memset(&act, 0, sizeof(act));
	act.mode = 7;
	ret = feature(d, VFIO_DEVICE_FEATURE_SET, &act);
	report("feature-bad-mode", ret == -EINVAL ? NULL : "mode 7: %s",
	       strerror(-ret));
	memset(&act, 0, sizeof(act));
	act.mode = VFIO_VCONFIG_MODE_ACTION;
	act.flags = 1;
	ret = feature(d, VFIO_DEVICE_FEATURE_SET, &act);
	report("feature-bad-flags", ret == -EINVAL ? NULL : "flags 1: %s",
	       strerror(-ret));
}

/* Default mode: an MSI enable written to config space acts on nothing. */
static void check_default_mode(const struct dev *d, unsigned int msi)
{
	int before = host_vectors(d, "msi");
	uint16_t ctrl = cfg_read(d, msi + PCI_MSI_FLAGS, 2);

	cfg_write(d, msi + PCI_MSI_FLAGS, 2, ctrl | PCI_MSI_FLAGS_ENABLE);
	if (host_vectors(d, "msi") != before)
		report("default-mode-msi-inert", "host vectors appeared");
	else
		report("default-mode-msi-inert", NULL);
	cfg_write(d, msi + PCI_MSI_FLAGS, 2, ctrl & ~PCI_MSI_FLAGS_ENABLE);
}

static void check_msi_action(const struct dev *d, unsigned int msi, int efd)
{
	struct vfio_device_feature_vconfig_action act;
	uint16_t ctrl = cfg_read(d, msi + PCI_MSI_FLAGS, 2);
	uint64_t ev;
	int ret;

	ret = arm(d, VFIO_PCI_MSI_IRQ_INDEX, efd);
	get_state(d, &act);
	if (ret || act.msi_armed != 1 || act.active_vectors)
		report("msi-arm", "arm %s, armed %u, active %u",
		       strerror(-ret), act.msi_armed, act.active_vectors);
	else
		report("msi-arm", NULL);

	/* single message: Multiple Message Enable 0 */
	ctrl &= ~PCI_MSI_FLAGS_QSIZE;
	cfg_write(d, msi + PCI_MSI_FLAGS, 2, ctrl | PCI_MSI_FLAGS_ENABLE);
	get_state(d, &act);
	if (act.active_vectors != 1 || host_vectors(d, "msi") != 1)
		report("msi-enable-allocates", "active %u, host vectors %d",
		       act.active_vectors, host_vectors(d, "msi"));
	else
		report("msi-enable-allocates", NULL);

	ret = set_mode(d, VFIO_VCONFIG_MODE_VFIO);
	report("mode-busy", ret == -EBUSY ? NULL : "switch while enabled: %s",
	       strerror(-ret));

	if (!strcmp(d->kind, "edu")) {
		bar0_write32(d, EDU_IRQ_RAISE, 1);
		ev = wait_event(efd, IRQ_TIMEOUT_MS);
		bar0_write32(d, EDU_IRQ_ACK, 1);
		report("msi-delivered", ev ? NULL : "no event after raise");
	}

	cfg_write(d, msi + PCI_MSI_FLAGS, 2, ctrl & ~PCI_MSI_FLAGS_ENABLE);
	get_state(d, &act);
	if (act.active_vectors || host_vectors(d, "msi"))
		report("msi-disable-releases", "active %u, host vectors %d",
		       act.active_vectors, host_vectors(d, "msi"));
	else
		report("msi-disable-releases", NULL);

	if (!strcmp(d->kind, "edu")) {
		bar0_write32(d, EDU_IRQ_RAISE, 1);
		ev = wait_event(efd, NO_IRQ_WAIT_MS);
		bar0_write32(d, EDU_IRQ_ACK, 1);
		report("msi-off-silent", ev ? "event with MSI disabled" : NULL);
	}
	disarm(d, VFIO_PCI_MSI_IRQ_INDEX);
}

static void check_msix_action(const struct dev *d, unsigned int msix, int efd)
{
	struct vfio_device_feature_vconfig_action act;
	uint16_t ctrl = cfg_read(d, msix + PCI_MSIX_FLAGS, 2);
	unsigned int entries = (ctrl & PCI_MSIX_FLAGS_QSIZE) + 1;
	int ret;

	ret = arm(d, VFIO_PCI_MSIX_IRQ_INDEX, efd);
	report("msix-arm", ret ? "arm: %s" : NULL, strerror(-ret));

	cfg_write(d, msix + PCI_MSIX_FLAGS, 2, ctrl | PCI_MSIX_FLAGS_ENABLE);
	get_state(d, &act);
	if (act.active_vectors != entries ||
	    host_vectors(d, "msix") != (int)entries)
		report("msix-enable-allocates", "active %u, host vectors %d, table %u",
		       act.active_vectors, host_vectors(d, "msix"), entries);
	else
		report("msix-enable-allocates", NULL);

	cfg_write(d, msix + PCI_MSIX_FLAGS, 2,
		  ctrl | PCI_MSIX_FLAGS_ENABLE | PCI_MSIX_FLAGS_MASKALL);
	cfg_write(d, msix + PCI_MSIX_FLAGS, 2, ctrl | PCI_MSIX_FLAGS_ENABLE);
	get_state(d, &act);
	report("msix-function-mask", act.active_vectors == entries ? NULL :
	       "vectors lost across a Function Mask toggle");

	cfg_write(d, msix + PCI_MSIX_FLAGS, 2, ctrl & ~PCI_MSIX_FLAGS_ENABLE);
	get_state(d, &act);
	if (act.active_vectors || host_vectors(d, "msix"))
		report("msix-disable-releases", "active %u, host vectors %d",
		       act.active_vectors, host_vectors(d, "msix"));
	else
		report("msix-disable-releases", NULL);
	disarm(d, VFIO_PCI_MSIX_IRQ_INDEX);
}

/* INTx-disable written to config space holds edu's INTx back. */
static void check_intx_disable(const struct dev *d, int efd)
{
	uint16_t cmd = cfg_read(d, PCI_COMMAND, 2);
	int32_t fd = efd;
	uint64_t ev;

	if (set_irq(d, VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_EVENTFD |
		    VFIO_IRQ_SET_ACTION_TRIGGER, 1, &fd)) {
		report("intx-disable", "INTx eventfd: %s", strerror(errno));
		return;
	}
	cfg_write(d, PCI_COMMAND, 2, cmd | PCI_COMMAND_INTX_DISABLE);
	bar0_write32(d, EDU_IRQ_RAISE, 1);
	ev = wait_event(efd, NO_IRQ_WAIT_MS);
	cfg_write(d, PCI_COMMAND, 2, cmd & ~PCI_COMMAND_INTX_DISABLE);
	if (ev) {
		report("intx-disable", "event while INTx-disable was set");
	} else {
		ev = wait_event(efd, IRQ_TIMEOUT_MS);
		report("intx-disable", ev ? NULL :
		       "pending INTx not delivered after clearing INTx-disable");
	}
	bar0_write32(d, EDU_IRQ_ACK, 1);
	set_irq(d, VFIO_PCI_INTX_IRQ_INDEX, VFIO_IRQ_SET_DATA_NONE |
		VFIO_IRQ_SET_ACTION_UNMASK, 1, NULL);
	disarm(d, VFIO_PCI_INTX_IRQ_INDEX);
}

int main(int argc, char **argv)
{
	struct dev d = { 0 };
	unsigned int msi, msix;
	char why[256];
	int efd, ret;

	if (argc != 3) {
		fprintf(stderr, "usage: %s BDF edu|e1000e|nvme\n", argv[0]);
		return 2;
	}
	d.bdf = argv[1];
	d.kind = argv[2];
	report_prefix("vfio-vconfig:%s:action", d.kind);
	setvbuf(stdout, NULL, _IOLBF, 0);

	if (open_device(&d, why, sizeof(why))) {
		report("open", "%s", why);
		return 1;
	}
	report("open", NULL);
	efd = eventfd(0, EFD_NONBLOCK);

	/* memory decode and bus mastering, as a driver would set them */
	cfg_write(&d, PCI_COMMAND, 2, cfg_read(&d, PCI_COMMAND, 2) |
		  PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER);

	check_feature_abi(&d);
	msi = find_cap(&d, PCI_CAP_ID_MSI);
	msix = find_cap(&d, PCI_CAP_ID_MSIX);
	if (msi)
		check_default_mode(&d, msi);
	if (!strcmp(d.kind, "edu"))
		check_intx_disable(&d, efd);

	ret = set_mode(&d, VFIO_VCONFIG_MODE_ACTION);
	report("mode-action", ret ? "SET: %s" : NULL, strerror(-ret));
	if (!ret) {
		if (msi)
			check_msi_action(&d, msi, efd);
		if (msix)
			check_msix_action(&d, msix, efd);
		ret = set_mode(&d, VFIO_VCONFIG_MODE_VFIO);
		report("mode-back", ret ? "SET: %s" : NULL, strerror(-ret));
	}

	close(d.fd);
	return failed ? 1 : 0;
}
