/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vfio-dev.h: open a PCI function through the VFIO group/container
 * interface and reach its regions. Shared by the guest test programs and
 * by bench/guest; header-only so that each static program stays one
 * compilation unit.
 */
#ifndef VFIO_DEV_H
#define VFIO_DEV_H

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <linux/vfio.h>

struct vfio_dev {
	const char *bdf;
	int container;
	int group;
	int fd;
	struct vfio_device_info info;
	struct vfio_region_info region[VFIO_PCI_NUM_REGIONS];
};

static inline uint64_t vfio_dev_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + ts.tv_nsec;
}

/* The group number of @bdf, or -1. */
static inline int vfio_dev_group_id(const char *bdf)
{
	char link[PATH_MAX], path[PATH_MAX];
	const char *slash;
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/iommu_group", bdf);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return -1;
	link[n] = '\0';
	slash = strrchr(link, '/');
	return slash ? atoi(slash + 1) : -1;
}

/*
 * Open container and group and attach them; the device itself is opened
 * by vfio_dev_get_fd() so that callers can time or repeat that step.
 * Returns 0, or -1 with a reason in @why; the caller closes what was opened
 * with vfio_dev_close() either way.
 */
static inline int vfio_dev_attach(struct vfio_dev *dev, const char *bdf,
				  char *why, size_t len)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	char path[64];
	int id;

	dev->bdf = bdf;
	dev->container = dev->group = dev->fd = -1;
	id = vfio_dev_group_id(bdf);
	if (id < 0) {
		snprintf(why, len, "%s has no iommu_group", bdf);
		return -1;
	}
	dev->container = open("/dev/vfio/vfio", O_RDWR | O_CLOEXEC);
	if (dev->container < 0) {
		snprintf(why, len, "/dev/vfio/vfio: %s", strerror(errno));
		return -1;
	}
	if (ioctl(dev->container, VFIO_GET_API_VERSION) != VFIO_API_VERSION) {
		snprintf(why, len, "VFIO_GET_API_VERSION is not %d", VFIO_API_VERSION);
		return -1;
	}
	if (ioctl(dev->container, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU) != 1) {
		snprintf(why, len, "no VFIO_TYPE1_IOMMU");
		return -1;
	}
	snprintf(path, sizeof(path), "/dev/vfio/%d", id);
	dev->group = open(path, O_RDWR | O_CLOEXEC);
	if (dev->group < 0) {
		snprintf(why, len, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (ioctl(dev->group, VFIO_GROUP_GET_STATUS, &status) ||
	    !(status.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		snprintf(why, len, "group %d not viable", id);
		return -1;
	}
	if (ioctl(dev->group, VFIO_GROUP_SET_CONTAINER, &dev->container) ||
	    ioctl(dev->container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU)) {
		snprintf(why, len, "attach group %d: %s", id, strerror(errno));
		return -1;
	}
	return 0;
}

static inline int vfio_dev_get_fd(const struct vfio_dev *dev)
{
	return ioctl(dev->group, VFIO_GROUP_GET_DEVICE_FD, dev->bdf);
}

/* Read device info and the fixed part of every region's info. */
static inline int vfio_dev_load_info(struct vfio_dev *dev, char *why, size_t len)
{
	unsigned int i;

	dev->info.argsz = sizeof(dev->info);
	if (ioctl(dev->fd, VFIO_DEVICE_GET_INFO, &dev->info)) {
		snprintf(why, len, "GET_INFO: %s", strerror(errno));
		return -1;
	}
	for (i = 0; i < VFIO_PCI_NUM_REGIONS; i++) {
		dev->region[i] = (struct vfio_region_info){
			.argsz = sizeof(dev->region[i]), .index = i,
		};
		/* VGA is absent on these devices: EINVAL leaves size 0 */
		if (ioctl(dev->fd, VFIO_DEVICE_GET_REGION_INFO, &dev->region[i]))
			dev->region[i].size = 0;
	}
	return 0;
}

/* attach + get_fd */
static inline int vfio_dev_open_fd(struct vfio_dev *dev, const char *bdf,
				   char *why, size_t len)
{
	if (vfio_dev_attach(dev, bdf, why, len))
		return -1;
	dev->fd = vfio_dev_get_fd(dev);
	if (dev->fd < 0) {
		snprintf(why, len, "VFIO_GROUP_GET_DEVICE_FD %s: %s", bdf, strerror(errno));
		return -1;
	}
	return 0;
}

/* attach + get_fd + load_info */
static inline int vfio_dev_open(struct vfio_dev *dev, const char *bdf,
				char *why, size_t len)
{
	if (vfio_dev_open_fd(dev, bdf, why, len))
		return -1;
	return vfio_dev_load_info(dev, why, len);
}

static inline void vfio_dev_close(struct vfio_dev *dev)
{
	if (dev->fd >= 0)
		close(dev->fd);
	if (dev->group >= 0)
		close(dev->group);
	if (dev->container >= 0)
		close(dev->container);
	dev->fd = dev->group = dev->container = -1;
}

static inline uint64_t vfio_dev_cfg_off(const struct vfio_dev *dev)
{
	return dev->region[VFIO_PCI_CONFIG_REGION_INDEX].offset;
}

static inline int vfio_dev_cfg_read(const struct vfio_dev *dev, unsigned int off,
				    void *buf, size_t len)
{
	ssize_t n = pread(dev->fd, buf, len, vfio_dev_cfg_off(dev) + off);

	return n == (ssize_t)len ? 0 : -1;
}

static inline int vfio_dev_cfg_write(const struct vfio_dev *dev, unsigned int off,
				     const void *buf, size_t len)
{
	ssize_t n = pwrite(dev->fd, buf, len, vfio_dev_cfg_off(dev) + off);

	return n == (ssize_t)len ? 0 : -1;
}

static inline uint8_t vfio_dev_cfg8(const struct vfio_dev *dev, unsigned int off)
{
	uint8_t v = 0xff;

	vfio_dev_cfg_read(dev, off, &v, 1);
	return v;
}

static inline uint16_t vfio_dev_cfg16(const struct vfio_dev *dev, unsigned int off)
{
	uint16_t v = 0xffff;

	vfio_dev_cfg_read(dev, off, &v, 2);
	return v;
}

static inline uint32_t vfio_dev_cfg32(const struct vfio_dev *dev, unsigned int off)
{
	uint32_t v = 0xffffffff;

	vfio_dev_cfg_read(dev, off, &v, 4);
	return v;
}

static inline int vfio_dev_bar_write32(const struct vfio_dev *dev, int bar,
				       uint64_t off, uint32_t v)
{
	ssize_t n = pwrite(dev->fd, &v, 4, dev->region[bar].offset + off);

	return n == 4 ? 0 : -1;
}

static inline int vfio_dev_bar_read32(const struct vfio_dev *dev, int bar,
				      uint64_t off, uint32_t *v)
{
	ssize_t n = pread(dev->fd, v, 4, dev->region[bar].offset + off);

	return n == 4 ? 0 : -1;
}

/* One eventfd on vector 0 of @index (-1 with count 0 disables). */
static inline int vfio_dev_set_trigger(const struct vfio_dev *dev,
				       unsigned int index, int efd)
{
	char buf[sizeof(struct vfio_irq_set) + sizeof(int32_t)];
	struct vfio_irq_set *set = (struct vfio_irq_set *)buf;
	int32_t fd = efd;

	if (efd < 0) {
		struct vfio_irq_set off = {
			.argsz = sizeof(off), .index = index,
			.flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER,
		};

		return ioctl(dev->fd, VFIO_DEVICE_SET_IRQS, &off);
	}
	set->argsz = sizeof(buf);
	set->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
	set->index = index;
	set->start = 0;
	set->count = 1;
	memcpy(set->data, &fd, sizeof(fd));
	return ioctl(dev->fd, VFIO_DEVICE_SET_IRQS, set);
}

/* Where vfio_dev_probe_read() resumes after a fault. */
static inline sigjmp_buf *vfio_dev_fault_jump(void)
{
	static sigjmp_buf jump;

	return &jump;
}

static inline void vfio_dev_on_fault(int sig)
{
	siglongjmp(*vfio_dev_fault_jump(), sig);
}

/*
 * Read through a mapping of a BAR: 0 when the read completed, else the
 * signal it raised (SIGBUS for a revoked mapping).
 */
static inline int vfio_dev_probe_read(volatile uint32_t *p, uint32_t *v)
{
	struct sigaction sa = { .sa_handler = vfio_dev_on_fault }, obus, osegv;
	int sig;

	sigaction(SIGBUS, &sa, &obus);
	sigaction(SIGSEGV, &sa, &osegv);
	sig = sigsetjmp(*vfio_dev_fault_jump(), 1);
	if (sig == 0)
		*v = *p;
	sigaction(SIGBUS, &obus, NULL);
	sigaction(SIGSEGV, &osegv, NULL);
	return sig;
}

#ifdef RUSAGE_THREAD	/* programs built with _GNU_SOURCE */
/* What a read through a BAR mapping met. */
enum vfio_dev_probe {
	VFIO_PROBE_SIGBUS,		/* the mapping is revoked */
	VFIO_PROBE_FAULTED,		/* a fresh page fault let it through */
	VFIO_PROBE_STALE,		/* an old page table entry let it through */
	VFIO_PROBE_OTHER_SIGNAL,
};

static inline long vfio_dev_minor_faults(void)
{
	struct rusage ru;

	getrusage(RUSAGE_THREAD, &ru);
	return ru.ru_minflt;
}

/* Read through a mapping of a BAR and say what the read met. */
static inline enum vfio_dev_probe vfio_dev_probe_outcome(volatile uint32_t *p)
{
	long before = vfio_dev_minor_faults();
	uint32_t v;
	int sig;

	sig = vfio_dev_probe_read(p, &v);
	if (sig)
		return sig == SIGBUS ? VFIO_PROBE_SIGBUS : VFIO_PROBE_OTHER_SIGNAL;
	return vfio_dev_minor_faults() > before ? VFIO_PROBE_FAULTED : VFIO_PROBE_STALE;
}
#endif

#endif /* VFIO_DEV_H */
