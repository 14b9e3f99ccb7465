// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libvconfig: VFIO devices from userspace (include/vconfig/libvconfig.h).
 *
 * A device holds a reference on its IOMMU group; the group owns the group
 * fd, the container fd and the IOVA allocator, so that every device of a
 * group shares one container and one IOVA space.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <vconfig/access.h>
#include <vconfig/libvconfig.h>
#include "../include/uapi/linux/vfio_vconfig.h"

#define SYSFS_PCI_DEVICES	"/sys/bus/pci/devices"
#define VFIO_DIR		"/dev/vfio"
#define VFIO_CONTAINER		"/dev/vfio/vfio"

/* Bounds on walks over data the kernel or the device supplies. */
#define MAX_INFO_CAPS		32
#define MAX_IOVA_RANGES		16

#define DEFAULT_IOVA_START	0x100000ULL	/* keep IOVA 0 unmapped */

/* ---- Errors ---- */

static __thread char last_error[512];

const char *vcdev_last_error(void)
{
	return last_error;
}

const char *vcdev_strerror(int err)
{
	return strerror(err < 0 ? -err : err);
}

/* Record "context: text of err" for the calling thread and return @err. */
static int __attribute__((format(printf, 2, 3)))
fail(int err, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	n = strlen(last_error);
	if (n < sizeof(last_error) - 1)
		snprintf(last_error + n, sizeof(last_error) - n, ": %s",
			 vcdev_strerror(err));
	return err;
}

/* Like fail() without the errno text, for messages that say it all. */
static int __attribute__((format(printf, 2, 3)))
fail_msg(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	return err;
}

static int neg_errno(void)
{
	return errno ? -errno : -EIO;
}

/* ---- Groups, containers, IOVA space ---- */

struct iova_range {
	uint64_t start, end;		/* inclusive */
};

struct iova_used {
	uint64_t iova, size;
	struct iova_used *next;		/* sorted by iova */
};

struct vfio_group {
	int number;
	int group_fd;
	int container_fd;
	unsigned int refs;
	uint64_t page_size;		/* smallest IOMMU page, at least the CPU's */
	struct iova_range valid[MAX_IOVA_RANGES];
	unsigned int nr_valid;
	struct iova_range window;
	struct iova_used *used;
	struct vfio_group *next;
};

static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct vfio_group *groups;

struct mapping {
	void *addr;
	size_t size;
	struct mapping *next;
};

struct dma_entry {
	struct vcdev_dma_buffer buf;	/* first: the public handle */
	bool owned;			/* memory allocated by the library */
	struct dma_entry *next;
};

struct vcdev {
	char bdf[VCDEV_BDF_LEN];
	char driver[VCDEV_DRIVER_LEN];
	struct vfio_group *group;
	int fd;
	struct vfio_device_info info;
	uint64_t cfg_offset;
	uint64_t cfg_size;
	/* Region offsets and sizes are fixed while the device is open. */
	unsigned int nr_regions;
	uint64_t region_offset[VFIO_PCI_NUM_REGIONS];
	uint64_t region_size[VFIO_PCI_NUM_REGIONS];
	bool region_valid[VFIO_PCI_NUM_REGIONS];
	struct mapping *mappings;
	struct dma_entry *dma;
	pthread_mutex_t lock;		/* mappings and dma lists */
	struct vcdev *next;	/* every open device, for -EBUSY */
};

static struct vcdev *open_devices;

/* Copy a NUL-terminated string, truncated to fit. */
static void copy_string(char *dst, size_t len, const char *src)
{
	size_t n = strnlen(src, len - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

static uint64_t align_up(uint64_t v, uint64_t align)
{
	return (v + align - 1) & ~(align - 1);
}

static size_t cpu_page_size(void)
{
	long ps = sysconf(_SC_PAGESIZE);

	return ps > 0 ? (size_t)ps : 4096;
}

/* Read the valid IOVA ranges and page sizes of a container's IOMMU. */
static void group_read_iommu_info(struct vfio_group *g)
{
	struct vfio_iommu_type1_info probe = { .argsz = sizeof(probe) };
	struct vfio_iommu_type1_info *info;
	struct vfio_info_cap_header *hdr;
	uint32_t off;
	unsigned int i;

	g->page_size = cpu_page_size();
	g->nr_valid = 1;
	g->valid[0].start = 0;
	g->valid[0].end = UINT64_MAX;

	if (ioctl(g->container_fd, VFIO_IOMMU_GET_INFO, &probe))
		return;
	if ((probe.flags & VFIO_IOMMU_INFO_PGSIZES) && probe.iova_pgsizes) {
		uint64_t min = probe.iova_pgsizes & -probe.iova_pgsizes;

		if (min > g->page_size)
			g->page_size = min;
	}
	if (probe.argsz <= sizeof(probe) || probe.argsz > 65536)
		return;
	info = calloc(1, probe.argsz);
	if (!info)
		return;
	info->argsz = probe.argsz;
	if (ioctl(g->container_fd, VFIO_IOMMU_GET_INFO, info) ||
	    !(info->flags & VFIO_IOMMU_INFO_CAPS))
		goto out;
	off = info->cap_offset;
	for (i = 0; off && i < MAX_INFO_CAPS; i++) {
		if (off < sizeof(*info) || off + sizeof(*hdr) > info->argsz)
			break;
		hdr = (void *)((char *)info + off);
		if (hdr->id == VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE) {
			struct vfio_iommu_type1_info_cap_iova_range *cap = (void *)hdr;
			unsigned int n = cap->nr_iovas, j;

			if (off + sizeof(*cap) + (uint64_t)n * sizeof(cap->iova_ranges[0]) >
			    info->argsz)
				break;
			if (n > MAX_IOVA_RANGES)
				n = MAX_IOVA_RANGES;
			if (n) {
				for (j = 0; j < n; j++) {
					g->valid[j].start = cap->iova_ranges[j].start;
					g->valid[j].end = cap->iova_ranges[j].end;
				}
				g->nr_valid = n;
			}
		}
		off = hdr->next;
	}
out:
	free(info);
}

static int group_attach(struct vfio_group *g, const char *bdf)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	char path[64];
	int type, err;

	snprintf(path, sizeof(path), VFIO_DIR "/%d", g->number);
	g->group_fd = open(path, O_RDWR | O_CLOEXEC);
	if (g->group_fd < 0)
		return fail(neg_errno(), "%s: %s", bdf, path);
	if (ioctl(g->group_fd, VFIO_GROUP_GET_STATUS, &status))
		return fail(neg_errno(), "%s: VFIO_GROUP_GET_STATUS", bdf);
	if (!(status.flags & VFIO_GROUP_FLAGS_VIABLE))
		return fail_msg(-EINVAL,
				"%s: IOMMU group %d is not viable: bind every device of the group to a VFIO driver or unbind it",
				bdf, g->number);

	g->container_fd = open(VFIO_CONTAINER, O_RDWR | O_CLOEXEC);
	if (g->container_fd < 0)
		return fail(neg_errno(), "%s: " VFIO_CONTAINER, bdf);
	if (ioctl(g->container_fd, VFIO_GET_API_VERSION) != VFIO_API_VERSION)
		return fail_msg(-EINVAL, "%s: unknown VFIO API version", bdf);
	if (ioctl(g->container_fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) > 0)
		type = VFIO_TYPE1v2_IOMMU;
	else if (ioctl(g->container_fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU) > 0)
		type = VFIO_TYPE1_IOMMU;
	else
		return fail_msg(-EOPNOTSUPP, "%s: the VFIO container has no type1 IOMMU (vfio_iommu_type1 not loaded?)",
				bdf);
	if (ioctl(g->group_fd, VFIO_GROUP_SET_CONTAINER, &g->container_fd))
		return fail(neg_errno(), "%s: VFIO_GROUP_SET_CONTAINER", bdf);
	if (ioctl(g->container_fd, VFIO_SET_IOMMU, type)) {
		err = neg_errno();
		ioctl(g->group_fd, VFIO_GROUP_UNSET_CONTAINER);
		return fail(err, "%s: VFIO_SET_IOMMU", bdf);
	}
	group_read_iommu_info(g);
	g->window.start = DEFAULT_IOVA_START;
	g->window.end = UINT64_MAX;
	return 0;
}

static void group_free(struct vfio_group *g)
{
	struct iova_used *u, *next;

	for (u = g->used; u; u = next) {
		next = u->next;
		free(u);
	}
	if (g->group_fd >= 0) {
		if (g->container_fd >= 0)
			ioctl(g->group_fd, VFIO_GROUP_UNSET_CONTAINER);
		close(g->group_fd);
	}
	if (g->container_fd >= 0)
		close(g->container_fd);
	free(g);
}

/* Caller holds registry_lock. */
static int group_get(int number, const char *bdf, struct vfio_group **out)
{
	struct vfio_group *g;
	int err;

	for (g = groups; g; g = g->next) {
		if (g->number == number) {
			g->refs++;
			*out = g;
			return 0;
		}
	}
	g = calloc(1, sizeof(*g));
	if (!g)
		return fail(-ENOMEM, "%s", bdf);
	g->number = number;
	g->group_fd = -1;
	g->container_fd = -1;
	err = group_attach(g, bdf);
	if (err) {
		group_free(g);
		return err;
	}
	g->refs = 1;
	g->next = groups;
	groups = g;
	*out = g;
	return 0;
}

/* Caller holds registry_lock. */
static void group_put(struct vfio_group *g)
{
	struct vfio_group **p;

	if (--g->refs)
		return;
	for (p = &groups; *p; p = &(*p)->next) {
		if (*p == g) {
			*p = g->next;
			break;
		}
	}
	group_free(g);
}

/* First fit in the valid ranges clipped to the window. Caller holds registry_lock. */
static int iova_alloc(struct vfio_group *g, uint64_t size, uint64_t *iova)
{
	unsigned int i;

	for (i = 0; i < g->nr_valid; i++) {
		uint64_t lo = g->valid[i].start, hi = g->valid[i].end, cand;
		struct iova_used *u, **link, *n;

		if (lo < g->window.start)
			lo = g->window.start;
		if (hi > g->window.end)
			hi = g->window.end;
		if (lo > hi)
			continue;
		cand = align_up(lo, g->page_size);
		if (cand < lo)
			continue;
		link = &g->used;
		for (u = g->used; u; u = u->next) {
			if (u->iova + u->size <= cand) {
				link = &u->next;
				continue;
			}
			if (cand + size <= u->iova)
				break;
			cand = align_up(u->iova + u->size, g->page_size);
			link = &u->next;
		}
		if (cand < lo || cand > hi || size - 1 > hi - cand)
			continue;
		n = malloc(sizeof(*n));
		if (!n)
			return -ENOMEM;
		n->iova = cand;
		n->size = size;
		n->next = *link;
		*link = n;
		*iova = cand;
		return 0;
	}
	return -ENOSPC;
}

static void iova_release(struct vfio_group *g, uint64_t iova)
{
	struct iova_used **p, *u;

	for (p = &g->used; (u = *p); p = &u->next) {
		if (u->iova == iova) {
			*p = u->next;
			free(u);
			return;
		}
	}
}

/* ---- Discovery ---- */

bool vcdev_is_vfio_driver(const char *driver)
{
	return driver && (!strcmp(driver, "vfio-pci") ||
			  !strcmp(driver, "vfio-vconfig"));
}

/* Basename of the symlink @dir/@name into @out; "" when absent. */
static void read_link_name(const char *dir, const char *name, char *out,
			   size_t len)
{
	char path[PATH_MAX], target[PATH_MAX];
	ssize_t n;
	const char *base;

	out[0] = '\0';
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	n = readlink(path, target, sizeof(target) - 1);
	if (n <= 0)
		return;
	target[n] = '\0';
	base = strrchr(target, '/');
	copy_string(out, len, base ? base + 1 : target);
}

static int group_number_of(const char *devdir)
{
	char name[32], *end;
	long n;

	read_link_name(devdir, "iommu_group", name, sizeof(name));
	if (!name[0])
		return -1;
	n = strtol(name, &end, 10);
	return (*end || n < 0 || n > INT_MAX) ? -1 : (int)n;
}

static int compare_functions(const void *a, const void *b)
{
	const struct vcdev_function *fa = a, *fb = b;

	return strcmp(fa->bdf, fb->bdf);
}

int vcdev_list_functions(struct vcdev_function **out)
{
	struct vcdev_function *list = NULL, *grown;
	size_t count = 0, cap = 0;
	struct dirent *de;
	DIR *dir;

	*out = NULL;
	dir = opendir(SYSFS_PCI_DEVICES);
	if (!dir)
		return fail(neg_errno(), SYSFS_PCI_DEVICES);
	while ((de = readdir(dir))) {
		char devdir[PATH_MAX], driver[VCDEV_DRIVER_LEN];

		if (de->d_name[0] == '.' || strlen(de->d_name) >= VCDEV_BDF_LEN)
			continue;
		snprintf(devdir, sizeof(devdir), SYSFS_PCI_DEVICES "/%s", de->d_name);
		read_link_name(devdir, "driver", driver, sizeof(driver));
		if (!vcdev_is_vfio_driver(driver))
			continue;
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			grown = realloc(list, cap * sizeof(*list));
			if (!grown) {
				free(list);
				closedir(dir);
				return fail(-ENOMEM, "listing VFIO devices");
			}
			list = grown;
		}
		copy_string(list[count].bdf, sizeof(list[count].bdf), de->d_name);
		copy_string(list[count].driver, sizeof(list[count].driver), driver);
		list[count].iommu_group = group_number_of(devdir);
		count++;
	}
	closedir(dir);
	if (count > 1)
		qsort(list, count, sizeof(*list), compare_functions);
	*out = list;
	return (int)count;
}

/* ---- Open and close ---- */

static int parse_bdf(const char *in, char *out)
{
	unsigned int domain = 0, bus, slot, func;
	char tail;

	if (!in)
		return -EINVAL;
	if (sscanf(in, "%x:%x:%x.%x%c", &domain, &bus, &slot, &func, &tail) != 4) {
		domain = 0;
		if (sscanf(in, "%x:%x.%x%c", &bus, &slot, &func, &tail) != 3)
			return -EINVAL;
	}
	if (domain > 0xffff || bus > 0xff || slot > 0x1f || func > 7)
		return -EINVAL;
	snprintf(out, VCDEV_BDF_LEN, "%04x:%02x:%02x.%x", domain, bus, slot, func);
	return 0;
}

static int query_region(struct vcdev *dev, unsigned int index,
			struct vfio_region_info *info)
{
	memset(info, 0, sizeof(*info));
	info->argsz = sizeof(*info);
	info->index = index;
	if (ioctl(dev->fd, VFIO_DEVICE_GET_REGION_INFO, info))
		return neg_errno();
	return 0;
}

int vcdev_open(const char *bdf, struct vcdev **out)
{
	char canon[VCDEV_BDF_LEN], devdir[PATH_MAX];
	struct vfio_region_info cfg;
	struct vcdev *dev, *d;
	struct stat st;
	unsigned int i;
	int number, err;

	*out = NULL;
	if (parse_bdf(bdf, canon))
		return fail_msg(-EINVAL, "'%s' is not a PCI address (DDDD:BB:DD.F)",
				bdf ? bdf : "(null)");
	snprintf(devdir, sizeof(devdir), SYSFS_PCI_DEVICES "/%s", canon);
	if (stat(devdir, &st))
		return fail_msg(-ENODEV, "%s: no such PCI function", canon);

	dev = calloc(1, sizeof(*dev));
	if (!dev)
		return fail(-ENOMEM, "%s", canon);
	dev->fd = -1;
	pthread_mutex_init(&dev->lock, NULL);
	memcpy(dev->bdf, canon, sizeof(canon));
	read_link_name(devdir, "driver", dev->driver, sizeof(dev->driver));
	if (!vcdev_is_vfio_driver(dev->driver)) {
		err = fail_msg(-ENODEV, dev->driver[0] ?
			       "%s: bound to %s, not to vfio-pci or vfio-vconfig" :
			       "%s: not bound to a driver%s (bind it to vfio-pci or vfio-vconfig)",
			       canon, dev->driver);
		goto free_dev;
	}
	number = group_number_of(devdir);
	if (number < 0) {
		err = fail_msg(-ENODEV, "%s: no IOMMU group (is the IOMMU enabled?)", canon);
		goto free_dev;
	}

	pthread_mutex_lock(&registry_lock);
	for (d = open_devices; d; d = d->next) {
		if (!strcmp(d->bdf, canon)) {
			pthread_mutex_unlock(&registry_lock);
			err = fail_msg(-EBUSY, "%s: already open", canon);
			goto free_dev;
		}
	}
	err = group_get(number, canon, &dev->group);
	if (err) {
		pthread_mutex_unlock(&registry_lock);
		goto free_dev;
	}
	dev->fd = ioctl(dev->group->group_fd, VFIO_GROUP_GET_DEVICE_FD, canon);
	if (dev->fd < 0) {
		err = fail(neg_errno(), "%s: VFIO_GROUP_GET_DEVICE_FD", canon);
		group_put(dev->group);
		pthread_mutex_unlock(&registry_lock);
		goto free_dev;
	}
	dev->next = open_devices;
	open_devices = dev;
	pthread_mutex_unlock(&registry_lock);

	dev->info.argsz = sizeof(dev->info);
	if (ioctl(dev->fd, VFIO_DEVICE_GET_INFO, &dev->info)) {
		err = fail(neg_errno(), "%s: VFIO_DEVICE_GET_INFO", canon);
		goto close_dev;
	}
	if (!(dev->info.flags & VFIO_DEVICE_FLAGS_PCI) ||
	    dev->info.num_regions <= VFIO_PCI_CONFIG_REGION_INDEX) {
		err = fail_msg(-ENODEV, "%s: not a VFIO PCI device", canon);
		goto close_dev;
	}
	err = query_region(dev, VFIO_PCI_CONFIG_REGION_INDEX, &cfg);
	if (err) {
		fail(err, "%s: config region info", canon);
		goto close_dev;
	}
	dev->cfg_offset = cfg.offset;
	dev->cfg_size = cfg.size;
	dev->nr_regions = dev->info.num_regions < VFIO_PCI_NUM_REGIONS ?
			  dev->info.num_regions : VFIO_PCI_NUM_REGIONS;
	for (i = 0; i < dev->nr_regions; i++) {
		/* the VGA region, say, is absent: -EINVAL, left invalid */
		if (query_region(dev, i, &cfg))
			continue;
		dev->region_offset[i] = cfg.offset;
		dev->region_size[i] = cfg.size;
		dev->region_valid[i] = true;
	}
	*out = dev;
	return 0;

close_dev:
	vcdev_close(dev);
	return err;
free_dev:
	pthread_mutex_destroy(&dev->lock);
	free(dev);
	return err;
}

static void dma_entry_release(struct vcdev *dev, struct dma_entry *e)
{
	struct vfio_iommu_type1_dma_unmap unmap = {
		.argsz = sizeof(unmap),
		.iova = e->buf.iova,
		.size = e->buf.size,
	};

	ioctl(dev->group->container_fd, VFIO_IOMMU_UNMAP_DMA, &unmap);
	pthread_mutex_lock(&registry_lock);
	iova_release(dev->group, e->buf.iova);
	pthread_mutex_unlock(&registry_lock);
	if (e->owned)
		munmap(e->buf.vaddr, e->buf.size);
	free(e);
}

void vcdev_close(struct vcdev *dev)
{
	struct vcdev **p;
	struct mapping *m;
	struct dma_entry *e;

	if (!dev)
		return;
	while ((m = dev->mappings)) {
		dev->mappings = m->next;
		munmap(m->addr, m->size);
		free(m);
	}
	while ((e = dev->dma)) {
		dev->dma = e->next;
		dma_entry_release(dev, e);
	}
	if (dev->fd >= 0)
		close(dev->fd);
	pthread_mutex_lock(&registry_lock);
	for (p = &open_devices; *p; p = &(*p)->next) {
		if (*p == dev) {
			*p = dev->next;
			break;
		}
	}
	group_put(dev->group);
	pthread_mutex_unlock(&registry_lock);
	pthread_mutex_destroy(&dev->lock);
	free(dev);
}

int vcdev_get_info(struct vcdev *dev,
		   struct vcdev_info *info)
{
	memset(info, 0, sizeof(*info));
	memcpy(info->bdf, dev->bdf, sizeof(info->bdf));
	memcpy(info->driver, dev->driver, sizeof(info->driver));
	info->iommu_group = dev->group->number;
	info->flags = dev->info.flags;
	info->num_regions = dev->info.num_regions;
	info->num_irqs = dev->info.num_irqs;
	return 0;
}

int vcdev_fd(const struct vcdev *dev)
{
	return dev->fd;
}

int vcdev_container_fd(const struct vcdev *dev)
{
	return dev->group->container_fd;
}

/* ---- Configuration space ---- */

static int transfer(struct vcdev *dev, const char *what, bool write,
		    uint64_t fd_offset, void *buf, size_t len, uint64_t at)
{
	ssize_t n;

	if (write)
		n = pwrite(dev->fd, buf, len, (off_t)fd_offset);
	else
		n = pread(dev->fd, buf, len, (off_t)fd_offset);
	if (n < 0)
		return fail(neg_errno(), "%s: %s %s of %zu bytes at 0x%llx", dev->bdf,
			    what, write ? "write" : "read", len,
			    (unsigned long long)at);
	if ((size_t)n != len)
		return fail_msg(-EIO, "%s: %s %s of %zu bytes at 0x%llx: short transfer (%zd)",
				dev->bdf, what, write ? "write" : "read", len,
				(unsigned long long)at, n);
	return 0;
}

int vcdev_cfg_read(struct vcdev *dev, unsigned int offset,
		   void *buf, size_t len)
{
	return transfer(dev, "config", false, dev->cfg_offset + offset, buf, len,
			offset);
}

int vcdev_cfg_write(struct vcdev *dev, unsigned int offset,
		    const void *buf, size_t len)
{
	return transfer(dev, "config", true, dev->cfg_offset + offset, (void *)buf,
			len, offset);
}

int vcdev_cfg_read8(struct vcdev *dev, unsigned int offset, uint8_t *val)
{
	return vcdev_cfg_read(dev, offset, val, 1);
}

/* VFIO config data is little-endian, like PCI. */
int vcdev_cfg_read16(struct vcdev *dev, unsigned int offset,
		     uint16_t *val)
{
	uint8_t b[2];
	int err = vcdev_cfg_read(dev, offset, b, 2);

	if (!err)
		*val = vconfig_get16(b, 0);
	return err;
}

int vcdev_cfg_read32(struct vcdev *dev, unsigned int offset,
		     uint32_t *val)
{
	uint8_t b[4];
	int err = vcdev_cfg_read(dev, offset, b, 4);

	if (!err)
		*val = vconfig_get32(b, 0);
	return err;
}

int vcdev_cfg_write8(struct vcdev *dev, unsigned int offset, uint8_t val)
{
	return vcdev_cfg_write(dev, offset, &val, 1);
}

int vcdev_cfg_write16(struct vcdev *dev, unsigned int offset,
		      uint16_t val)
{
	uint8_t b[2];

	vconfig_put16(b, 0, val);
	return vcdev_cfg_write(dev, offset, b, 2);
}

int vcdev_cfg_write32(struct vcdev *dev, unsigned int offset,
		      uint32_t val)
{
	uint8_t b[4];

	vconfig_put32(b, 0, val);
	return vcdev_cfg_write(dev, offset, b, 4);
}

int vcdev_cfg_size(struct vcdev *dev, unsigned int *size)
{
	*size = (unsigned int)dev->cfg_size;
	return 0;
}

int vcdev_find_cap(struct vcdev *dev, uint8_t id)
{
	uint16_t status;
	uint8_t pos, hdr[2];
	int err, i;

	err = vcdev_cfg_read16(dev, PCI_STATUS, &status);
	if (err)
		return err;
	if (!(status & PCI_STATUS_CAP_LIST))
		return fail_msg(-ENOENT, "%s: no capability list", dev->bdf);
	err = vcdev_cfg_read8(dev, PCI_CAPABILITY_LIST, &pos);
	for (i = 0; !err && i < VCONFIG_MAX_STD_CAPS; i++) {
		pos &= ~3;
		if (pos < PCI_STD_HEADER_SIZEOF)
			break;
		err = vcdev_cfg_read(dev, pos, hdr, 2);
		if (err)
			return err;
		if (hdr[PCI_CAP_LIST_ID] == id)
			return pos;
		pos = hdr[PCI_CAP_LIST_NEXT];
	}
	return err ? err : fail_msg(-ENOENT, "%s: no capability 0x%02x", dev->bdf, id);
}

int vcdev_find_ext_cap(struct vcdev *dev, uint16_t id)
{
	unsigned int pos = 0x100;
	uint32_t hdr;
	int err, i;

	if (dev->cfg_size <= 0x100)
		return fail_msg(-ENOENT, "%s: no extended configuration space", dev->bdf);
	for (i = 0; i < VCONFIG_MAX_EXT_CAPS; i++) {
		err = vcdev_cfg_read32(dev, pos, &hdr);
		if (err)
			return err;
		if (hdr == 0 || hdr == 0xffffffff)
			break;
		if (PCI_EXT_CAP_ID(hdr) == id)
			return (int)pos;
		/* Masked and range-checked: a device cannot steer the walk. */
		pos = vconfig_ext_cap_next_offset(hdr, dev->cfg_size);
		if (!pos)
			break;
	}
	return fail_msg(-ENOENT, "%s: no extended capability 0x%04x", dev->bdf, id);
}

/* ---- Regions ---- */

static void parse_region_caps(const struct vfio_region_info *ri,
			      struct vcdev_region_info *info)
{
	const struct vfio_info_cap_header *hdr;
	uint32_t off = ri->cap_offset;
	unsigned int i;

	for (i = 0; off && i < MAX_INFO_CAPS; i++) {
		if (off < sizeof(*ri) || off + sizeof(*hdr) > ri->argsz)
			return;
		hdr = (const void *)((const char *)ri + off);
		if (hdr->id == VFIO_REGION_INFO_CAP_MSIX_MAPPABLE) {
			info->msix_mappable = true;
		} else if (hdr->id == VFIO_REGION_INFO_CAP_SPARSE_MMAP) {
			const struct vfio_region_info_cap_sparse_mmap *sp = (const void *)hdr;
			unsigned int n = sp->nr_areas, j;

			if (off + sizeof(*sp) + (uint64_t)n * sizeof(sp->areas[0]) > ri->argsz)
				return;
			if (n > VCDEV_MAX_MMAP_AREAS)
				n = VCDEV_MAX_MMAP_AREAS;
			info->sparse = true;
			info->nr_mmap_areas = 0;
			for (j = 0; j < n; j++) {
				if (!sp->areas[j].size)
					continue;
				info->mmap_areas[info->nr_mmap_areas].offset = sp->areas[j].offset;
				info->mmap_areas[info->nr_mmap_areas].size = sp->areas[j].size;
				info->nr_mmap_areas++;
			}
		}
		off = hdr->next;
	}
}

int vcdev_get_region_info(struct vcdev *dev, unsigned int index,
			  struct vcdev_region_info *info)
{
	struct vfio_region_info probe, *full = &probe;
	int err;

	memset(info, 0, sizeof(*info));
	err = query_region(dev, index, &probe);
	if (err)
		return fail(err, "%s: region %u info", dev->bdf, index);
	if ((probe.flags & VFIO_REGION_INFO_FLAG_CAPS) && probe.argsz > sizeof(probe) &&
	    probe.argsz <= 65536) {
		full = calloc(1, probe.argsz);
		if (!full)
			return fail(-ENOMEM, "%s: region %u info", dev->bdf, index);
		full->argsz = probe.argsz;
		full->index = index;
		if (ioctl(dev->fd, VFIO_DEVICE_GET_REGION_INFO, full)) {
			err = fail(neg_errno(), "%s: region %u info", dev->bdf, index);
			free(full);
			return err;
		}
	}
	info->index = index;
	info->flags = full->flags;
	info->size = full->size;
	info->fd_offset = full->offset;
	if ((full->flags & VFIO_REGION_INFO_FLAG_MMAP) && full->size) {
		info->nr_mmap_areas = 1;
		info->mmap_areas[0].offset = 0;
		info->mmap_areas[0].size = full->size;
	}
	if (full != &probe) {
		if (full->flags & VFIO_REGION_INFO_FLAG_CAPS)
			parse_region_caps(full, info);
		free(full);
	}
	if (!(info->flags & VFIO_REGION_INFO_FLAG_MMAP))
		info->nr_mmap_areas = 0;
	return 0;
}

static int region_io(struct vcdev *dev, unsigned int index, bool write,
		     uint64_t offset, void *buf, size_t len)
{
	uint64_t size;
	char what[24];

	if (index >= dev->nr_regions || !dev->region_valid[index])
		return fail_msg(-EINVAL, "%s: no region %u", dev->bdf, index);
	size = dev->region_size[index];
	if (offset > size || len > size - offset)
		return fail_msg(-EINVAL, "%s: region %u: %zu bytes at 0x%llx beyond its size 0x%llx",
				dev->bdf, index, len, (unsigned long long)offset,
				(unsigned long long)size);
	snprintf(what, sizeof(what), "region %u", index);
	return transfer(dev, what, write, dev->region_offset[index] + offset, buf, len,
			offset);
}

int vcdev_region_read(struct vcdev *dev, unsigned int index,
		      uint64_t offset, void *buf, size_t len)
{
	return region_io(dev, index, false, offset, buf, len);
}

int vcdev_region_write(struct vcdev *dev, unsigned int index,
		       uint64_t offset, const void *buf, size_t len)
{
	return region_io(dev, index, true, offset, (void *)buf, len);
}

/* BAR registers travel in host order: the driver does ioread32/iowrite32. */
int vcdev_bar_read32(struct vcdev *dev, unsigned int bar,
		     uint64_t offset, uint32_t *val)
{
	return region_io(dev, bar, false, offset, val, sizeof(*val));
}

int vcdev_bar_write32(struct vcdev *dev, unsigned int bar,
		      uint64_t offset, uint32_t val)
{
	return region_io(dev, bar, true, offset, &val, sizeof(val));
}

int vcdev_bar_read64(struct vcdev *dev, unsigned int bar,
		     uint64_t offset, uint64_t *val)
{
	return region_io(dev, bar, false, offset, val, sizeof(*val));
}

int vcdev_bar_write64(struct vcdev *dev, unsigned int bar,
		      uint64_t offset, uint64_t val)
{
	return region_io(dev, bar, true, offset, &val, sizeof(val));
}

int vcdev_region_mmap(struct vcdev *dev, unsigned int index,
		      uint64_t offset, size_t size, int prot, void **addr)
{
	struct vcdev_region_info info;
	struct mapping *m;
	uint64_t page = cpu_page_size();
	unsigned int i;
	bool inside = false;
	void *va;
	int err;

	*addr = NULL;
	err = vcdev_get_region_info(dev, index, &info);
	if (err)
		return err;
	if (!size || (offset | size) & (page - 1))
		return fail_msg(-EINVAL, "%s: region %u: mmap of 0x%zx at 0x%llx is not page aligned",
				dev->bdf, index, size, (unsigned long long)offset);
	for (i = 0; i < info.nr_mmap_areas; i++) {
		const struct vcdev_mmap_area *a = &info.mmap_areas[i];
		uint64_t end = a->offset + a->size;

		/* vfio-pci maps the whole page of a BAR smaller than a page */
		if (end == info.size)
			end = (end + page - 1) & ~(page - 1);
		if (offset >= a->offset && offset < end && size <= end - offset)
			inside = true;
	}
	if (!inside)
		return fail_msg(-EINVAL, info.nr_mmap_areas ?
				"%s: region %u: 0x%zx bytes at 0x%llx are not inside one mmap area" :
				"%s: region %u cannot be mmapped (0x%zx at 0x%llx)",
				dev->bdf, index, size, (unsigned long long)offset);
	m = malloc(sizeof(*m));
	if (!m)
		return fail(-ENOMEM, "%s: region %u mmap", dev->bdf, index);
	va = mmap(NULL, size, prot, MAP_SHARED, dev->fd, (off_t)(info.fd_offset + offset));
	if (va == MAP_FAILED) {
		err = fail(neg_errno(), "%s: region %u mmap", dev->bdf, index);
		free(m);
		return err;
	}
	m->addr = va;
	m->size = size;
	pthread_mutex_lock(&dev->lock);
	m->next = dev->mappings;
	dev->mappings = m;
	pthread_mutex_unlock(&dev->lock);
	*addr = va;
	return 0;
}

int vcdev_region_unmap(struct vcdev *dev, void *addr)
{
	struct mapping **p, *m;

	pthread_mutex_lock(&dev->lock);
	for (p = &dev->mappings; (m = *p); p = &m->next) {
		if (m->addr == addr) {
			*p = m->next;
			pthread_mutex_unlock(&dev->lock);
			munmap(m->addr, m->size);
			free(m);
			return 0;
		}
	}
	pthread_mutex_unlock(&dev->lock);
	return fail_msg(-EINVAL, "%s: %p is not a mapping of the device", dev->bdf, addr);
}

/* ---- Interrupts ---- */

int vcdev_get_irq_info(struct vcdev *dev, unsigned int index,
		       struct vcdev_irq_info *info)
{
	struct vfio_irq_info ii = { .argsz = sizeof(ii), .index = index };

	memset(info, 0, sizeof(*info));
	if (ioctl(dev->fd, VFIO_DEVICE_GET_IRQ_INFO, &ii))
		return fail(neg_errno(), "%s: irq index %u info", dev->bdf, index);
	info->index = ii.index;
	info->flags = ii.flags;
	info->count = ii.count;
	return 0;
}

int vcdev_irq_set(struct vcdev *dev, unsigned int index,
		  uint32_t flags, unsigned int start, unsigned int count,
		  const void *data)
{
	struct vfio_irq_set *set;
	size_t elem = 0, argsz;
	int err = 0;

	if (flags & VFIO_IRQ_SET_DATA_BOOL)
		elem = sizeof(uint8_t);
	else if (flags & VFIO_IRQ_SET_DATA_EVENTFD)
		elem = sizeof(int32_t);
	if (count > 65536)
		return fail_msg(-EINVAL, "%s: irq index %u: %u vectors", dev->bdf, index, count);
	argsz = sizeof(*set) + elem * count;
	set = calloc(1, argsz);
	if (!set)
		return fail(-ENOMEM, "%s: SET_IRQS", dev->bdf);
	set->argsz = (uint32_t)argsz;
	set->flags = flags;
	set->index = index;
	set->start = start;
	set->count = count;
	if (elem && count && data)
		memcpy(set->data, data, elem * count);
	if (ioctl(dev->fd, VFIO_DEVICE_SET_IRQS, set))
		err = fail(neg_errno(), "%s: SET_IRQS index %u flags 0x%x start %u count %u",
			   dev->bdf, index, flags, start, count);
	free(set);
	return err;
}

int vcdev_irq_set_eventfds(struct vcdev *dev, unsigned int index,
			   unsigned int start, unsigned int count,
			   const int *fds)
{
	int32_t *data;
	unsigned int i;
	int err;

	if (!count)
		return fail_msg(-EINVAL, "%s: no eventfd given", dev->bdf);
	data = calloc(count, sizeof(*data));
	if (!data)
		return fail(-ENOMEM, "%s: SET_IRQS", dev->bdf);
	for (i = 0; i < count; i++)
		data[i] = fds[i];
	err = vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_EVENTFD |
			    VFIO_IRQ_SET_ACTION_TRIGGER, start, count, data);
	free(data);
	return err;
}

int vcdev_irq_disable(struct vcdev *dev, unsigned int index)
{
	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_NONE |
			     VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, NULL);
}

int vcdev_irq_trigger(struct vcdev *dev, unsigned int index,
		      unsigned int start, unsigned int count)
{
	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_NONE |
			     VFIO_IRQ_SET_ACTION_TRIGGER, start, count, NULL);
}

int vcdev_irq_mask(struct vcdev *dev, unsigned int index,
		   unsigned int start, unsigned int count)
{
	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_NONE |
			     VFIO_IRQ_SET_ACTION_MASK, start, count, NULL);
}

int vcdev_irq_unmask(struct vcdev *dev, unsigned int index,
		     unsigned int start, unsigned int count)
{
	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_NONE |
			     VFIO_IRQ_SET_ACTION_UNMASK, start, count, NULL);
}

int vcdev_irq_unmask_eventfd(struct vcdev *dev, unsigned int index,
			     unsigned int start, int fd)
{
	int32_t data = fd;

	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_EVENTFD |
			     VFIO_IRQ_SET_ACTION_UNMASK, start, 1, &data);
}

int vcdev_eventfd_wait(int fd, int timeout_ms, uint64_t *count)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	uint64_t value;
	int n;

	do {
		n = poll(&pfd, 1, timeout_ms);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return fail(neg_errno(), "poll on eventfd %d", fd);
	if (n == 0)
		return 0;
	if (read(fd, &value, sizeof(value)) != sizeof(value))
		return fail(neg_errno(), "read of eventfd %d", fd);
	if (count)
		*count = value;
	return 1;
}

/* ---- Config-action mode ---- */

struct action_feature {
	struct vfio_device_feature hdr;
	struct vfio_device_feature_vconfig_action action;
};

static int action_feature(struct vcdev *dev, uint32_t flags,
			  struct vfio_device_feature_vconfig_action *action)
{
	struct action_feature f;

	memset(&f, 0, sizeof(f));
	f.hdr.argsz = sizeof(f);
	f.hdr.flags = flags | VFIO_DEVICE_FEATURE_VCONFIG_ACTION;
	if (action)
		f.action = *action;
	if (ioctl(dev->fd, VFIO_DEVICE_FEATURE, &f))
		return neg_errno();
	if (action)
		*action = f.action;
	return 0;
}

int vcdev_action_supported(struct vcdev *dev)
{
	int err = action_feature(dev, VFIO_DEVICE_FEATURE_PROBE |
				 VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_GET, NULL);

	if (!err)
		return 1;
	if (err == -ENOTTY || err == -EINVAL || err == -EOPNOTSUPP)
		return 0;
	return fail(err, "%s: probing config-action mode", dev->bdf);
}

int vcdev_set_irq_mode(struct vcdev *dev, enum vcdev_irq_mode mode)
{
	struct vfio_device_feature_vconfig_action a = { .mode = mode };
	int err;

	if (mode != VCDEV_IRQ_MODE_VFIO && mode != VCDEV_IRQ_MODE_ACTION)
		return fail_msg(-EINVAL, "%s: unknown interrupt mode %d", dev->bdf, mode);
	err = action_feature(dev, VFIO_DEVICE_FEATURE_SET, &a);
	if (!err)
		return 0;
	if (err == -ENOTTY)
		return fail_msg(-EOPNOTSUPP, "%s: %s has no config-action mode",
				dev->bdf, dev->driver);
	if (err == -EBUSY)
		return fail_msg(-EBUSY, "%s: MSI or MSI-X vectors are allocated; disable them first",
				dev->bdf);
	return fail(err, "%s: setting interrupt mode %d", dev->bdf, mode);
}

int vcdev_get_action_state(struct vcdev *dev,
			   struct vcdev_action_state *state)
{
	struct vfio_device_feature_vconfig_action a = { 0 };
	int err;

	memset(state, 0, sizeof(*state));
	err = action_feature(dev, VFIO_DEVICE_FEATURE_GET, &a);
	if (err == -ENOTTY)
		return fail_msg(-EOPNOTSUPP, "%s: %s has no config-action mode",
				dev->bdf, dev->driver);
	if (err)
		return fail(err, "%s: reading the interrupt mode", dev->bdf);
	state->mode = a.mode == VFIO_VCONFIG_MODE_ACTION ? VCDEV_IRQ_MODE_ACTION :
							    VCDEV_IRQ_MODE_VFIO;
	state->msi_armed = a.msi_armed;
	state->msix_armed = a.msix_armed;
	state->active_vectors = a.active_vectors;
	return 0;
}

/* ---- Reset ---- */

int vcdev_reset(struct vcdev *dev)
{
	if (ioctl(dev->fd, VFIO_DEVICE_RESET))
		return fail(neg_errno(), "%s: VFIO_DEVICE_RESET", dev->bdf);
	return 0;
}

/* ---- DMA ---- */

int vcdev_dma_set_window(struct vcdev *dev, uint64_t start,
			 uint64_t end)
{
	if (start > end)
		return fail_msg(-EINVAL, "%s: empty IOVA window 0x%llx-0x%llx", dev->bdf,
				(unsigned long long)start, (unsigned long long)end);
	pthread_mutex_lock(&registry_lock);
	dev->group->window.start = start;
	dev->group->window.end = end;
	pthread_mutex_unlock(&registry_lock);
	return 0;
}

static int dma_map_entry(struct vcdev *dev, void *vaddr, size_t size,
			 bool owned, struct dma_entry **out)
{
	struct vfio_iommu_type1_dma_map map = { .argsz = sizeof(map) };
	struct dma_entry *e;
	uint64_t iova;
	int err;

	e = calloc(1, sizeof(*e));
	if (!e)
		return fail(-ENOMEM, "%s: DMA mapping", dev->bdf);
	pthread_mutex_lock(&registry_lock);
	err = iova_alloc(dev->group, size, &iova);
	pthread_mutex_unlock(&registry_lock);
	if (err) {
		free(e);
		return err == -ENOSPC ?
		       fail_msg(err, "%s: no free IOVA range of 0x%zx bytes in the window",
				dev->bdf, size) :
		       fail(err, "%s: IOVA allocation", dev->bdf);
	}
	map.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
	map.vaddr = (uintptr_t)vaddr;
	map.iova = iova;
	map.size = size;
	if (ioctl(dev->group->container_fd, VFIO_IOMMU_MAP_DMA, &map)) {
		err = fail(neg_errno(), "%s: VFIO_IOMMU_MAP_DMA of 0x%zx bytes at IOVA 0x%llx",
			   dev->bdf, size, (unsigned long long)iova);
		pthread_mutex_lock(&registry_lock);
		iova_release(dev->group, iova);
		pthread_mutex_unlock(&registry_lock);
		free(e);
		return err;
	}
	e->buf.vaddr = vaddr;
	e->buf.iova = iova;
	e->buf.size = size;
	e->owned = owned;
	pthread_mutex_lock(&dev->lock);
	e->next = dev->dma;
	dev->dma = e;
	pthread_mutex_unlock(&dev->lock);
	*out = e;
	return 0;
}

int vcdev_dma_alloc(struct vcdev *dev, size_t size,
		    struct vcdev_dma_buffer **out)
{
	struct dma_entry *e;
	size_t rounded;
	void *va;
	int err;

	*out = NULL;
	rounded = align_up(size, dev->group->page_size);
	if (!size || rounded < size)
		return fail_msg(-EINVAL, "%s: DMA buffer of %zu bytes", dev->bdf, size);
	va = mmap(NULL, rounded, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
		  -1, 0);
	if (va == MAP_FAILED)
		return fail(neg_errno(), "%s: DMA buffer of %zu bytes", dev->bdf, rounded);
	err = dma_map_entry(dev, va, rounded, true, &e);
	if (err) {
		munmap(va, rounded);
		return err;
	}
	*out = &e->buf;
	return 0;
}

/* Take @match (or the entry at @iova) off the device's list. */
static struct dma_entry *dma_unlink(struct vcdev *dev,
				    const struct vcdev_dma_buffer *match,
				    uint64_t iova)
{
	struct dma_entry **p, *e;

	pthread_mutex_lock(&dev->lock);
	for (p = &dev->dma; (e = *p); p = &e->next) {
		if (match ? &e->buf == match : (!e->owned && e->buf.iova == iova)) {
			*p = e->next;
			break;
		}
	}
	pthread_mutex_unlock(&dev->lock);
	return e;
}

void vcdev_dma_free(struct vcdev *dev, struct vcdev_dma_buffer *buf)
{
	struct dma_entry *e;

	if (!buf)
		return;
	e = dma_unlink(dev, buf, 0);
	if (e)
		dma_entry_release(dev, e);
}

int vcdev_dma_map(struct vcdev *dev, void *vaddr, size_t size,
		  uint64_t *iova)
{
	struct dma_entry *e;
	int err;

	if (!size || ((uintptr_t)vaddr | size) & (dev->group->page_size - 1))
		return fail_msg(-EINVAL, "%s: DMA map of %zu bytes at %p: not whole pages",
				dev->bdf, size, vaddr);
	err = dma_map_entry(dev, vaddr, size, false, &e);
	if (!err)
		*iova = e->buf.iova;
	return err;
}

int vcdev_dma_unmap(struct vcdev *dev, uint64_t iova)
{
	struct dma_entry *e = dma_unlink(dev, NULL, iova);

	if (!e)
		return fail_msg(-EINVAL, "%s: nothing mapped by vcdev_dma_map() at IOVA 0x%llx",
				dev->bdf, (unsigned long long)iova);
	dma_entry_release(dev, e);
	return 0;
}
