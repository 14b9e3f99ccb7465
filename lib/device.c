// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libvconfig devices: the functions in sysfs, IOMMU groups and their
 * containers, opening and closing a device, its information and reset.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "vcdev.h"

#define SYSFS_PCI_DEVICES	"/sys/bus/pci/devices"
#define VFIO_DIR		"/dev/vfio"
#define VFIO_CONTAINER		"/dev/vfio/vfio"

#define DEFAULT_IOVA_START	0x100000ULL	/* keep IOVA 0 unmapped */

pthread_mutex_t vcd_registry_lock = PTHREAD_MUTEX_INITIALIZER;
static struct vfio_group *groups;

static struct vcdev *open_devices;

/* Copy a NUL-terminated string, truncated to fit. */
static void copy_string(char *dst, size_t len, const char *src)
{
	size_t n = strnlen(src, len - 1);

	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* ---- Groups and containers ---- */

/* Read the valid IOVA ranges and page sizes of a container's IOMMU. */
static void group_read_iommu_info(struct vfio_group *g)
{
	struct vfio_iommu_type1_info probe = { .argsz = sizeof(probe) };
	struct vfio_iommu_type1_info *info;
	struct vfio_info_cap_header *hdr;
	uint32_t off;
	unsigned int i;

	g->page_size = vcd_page_size();
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
		return vcd_fail(vcd_neg_errno(), "%s: %s", bdf, path);
	if (ioctl(g->group_fd, VFIO_GROUP_GET_STATUS, &status))
		return vcd_fail(vcd_neg_errno(), "%s: VFIO_GROUP_GET_STATUS", bdf);
	if (!(status.flags & VFIO_GROUP_FLAGS_VIABLE))
		return vcd_fail_msg(-EINVAL,
				"%s: IOMMU group %d is not viable: bind every device of the group to a VFIO driver or unbind it",
				bdf, g->number);

	g->container_fd = open(VFIO_CONTAINER, O_RDWR | O_CLOEXEC);
	if (g->container_fd < 0)
		return vcd_fail(vcd_neg_errno(), "%s: " VFIO_CONTAINER, bdf);
	if (ioctl(g->container_fd, VFIO_GET_API_VERSION) != VFIO_API_VERSION)
		return vcd_fail_msg(-EINVAL, "%s: unknown VFIO API version", bdf);
	if (ioctl(g->container_fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1v2_IOMMU) > 0)
		type = VFIO_TYPE1v2_IOMMU;
	else if (ioctl(g->container_fd, VFIO_CHECK_EXTENSION, VFIO_TYPE1_IOMMU) > 0)
		type = VFIO_TYPE1_IOMMU;
	else
		return vcd_fail_msg(-EOPNOTSUPP, "%s: the VFIO container has no type1 IOMMU (vfio_iommu_type1 not loaded?)",
				bdf);
	if (ioctl(g->group_fd, VFIO_GROUP_SET_CONTAINER, &g->container_fd))
		return vcd_fail(vcd_neg_errno(), "%s: VFIO_GROUP_SET_CONTAINER", bdf);
	if (ioctl(g->container_fd, VFIO_SET_IOMMU, type)) {
		err = vcd_neg_errno();
		ioctl(g->group_fd, VFIO_GROUP_UNSET_CONTAINER);
		return vcd_fail(err, "%s: VFIO_SET_IOMMU", bdf);
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

/* Caller holds vcd_registry_lock. */
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
		return vcd_fail(-ENOMEM, "%s", bdf);
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

/* Caller holds vcd_registry_lock. */
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
		return vcd_fail(vcd_neg_errno(), SYSFS_PCI_DEVICES);
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
				return vcd_fail(-ENOMEM, "listing VFIO devices");
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
		return vcd_fail_msg(-EINVAL, "'%s' is not a PCI address (DDDD:BB:DD.F)",
				bdf ? bdf : "(null)");
	snprintf(devdir, sizeof(devdir), SYSFS_PCI_DEVICES "/%s", canon);
	if (stat(devdir, &st))
		return vcd_fail_msg(-ENODEV, "%s: no such PCI function", canon);

	dev = calloc(1, sizeof(*dev));
	if (!dev)
		return vcd_fail(-ENOMEM, "%s", canon);
	dev->fd = -1;
	pthread_mutex_init(&dev->lock, NULL);
	memcpy(dev->bdf, canon, sizeof(canon));
	read_link_name(devdir, "driver", dev->driver, sizeof(dev->driver));
	if (!vcdev_is_vfio_driver(dev->driver)) {
		err = vcd_fail_msg(-ENODEV, dev->driver[0] ?
			       "%s: bound to %s, not to vfio-pci or vfio-vconfig" :
			       "%s: not bound to a driver%s (bind it to vfio-pci or vfio-vconfig)",
			       canon, dev->driver);
		goto free_dev;
	}
	number = group_number_of(devdir);
	if (number < 0) {
		err = vcd_fail_msg(-ENODEV, "%s: no IOMMU group (is the IOMMU enabled?)", canon);
		goto free_dev;
	}

	pthread_mutex_lock(&vcd_registry_lock);
	for (d = open_devices; d; d = d->next) {
		if (!strcmp(d->bdf, canon)) {
			pthread_mutex_unlock(&vcd_registry_lock);
			err = vcd_fail_msg(-EBUSY, "%s: already open", canon);
			goto free_dev;
		}
	}
	err = group_get(number, canon, &dev->group);
	if (err) {
		pthread_mutex_unlock(&vcd_registry_lock);
		goto free_dev;
	}
	dev->fd = ioctl(dev->group->group_fd, VFIO_GROUP_GET_DEVICE_FD, canon);
	if (dev->fd < 0) {
		err = vcd_fail(vcd_neg_errno(), "%s: VFIO_GROUP_GET_DEVICE_FD", canon);
		group_put(dev->group);
		pthread_mutex_unlock(&vcd_registry_lock);
		goto free_dev;
	}
	dev->next = open_devices;
	open_devices = dev;
	pthread_mutex_unlock(&vcd_registry_lock);

	dev->info.argsz = sizeof(dev->info);
	if (ioctl(dev->fd, VFIO_DEVICE_GET_INFO, &dev->info)) {
		err = vcd_fail(vcd_neg_errno(), "%s: VFIO_DEVICE_GET_INFO", canon);
		goto close_dev;
	}
	if (!(dev->info.flags & VFIO_DEVICE_FLAGS_PCI) ||
	    dev->info.num_regions <= VFIO_PCI_CONFIG_REGION_INDEX) {
		err = vcd_fail_msg(-ENODEV, "%s: not a VFIO PCI device", canon);
		goto close_dev;
	}
	err = vcd_query_region(dev, VFIO_PCI_CONFIG_REGION_INDEX, &cfg);
	if (err) {
		vcd_fail(err, "%s: config region info", canon);
		goto close_dev;
	}
	dev->cfg_offset = cfg.offset;
	dev->cfg_size = cfg.size;
	dev->nr_regions = dev->info.num_regions < VFIO_PCI_NUM_REGIONS ?
			  dev->info.num_regions : VFIO_PCI_NUM_REGIONS;
	for (i = 0; i < dev->nr_regions; i++) {
		/* the VGA region, say, is absent: -EINVAL, left invalid */
		if (vcd_query_region(dev, i, &cfg))
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

void vcdev_close(struct vcdev *dev)
{
	struct vcdev **p;

	if (!dev)
		return;
	vcd_unmap_all(dev);
	vcd_dma_release_all(dev);
	if (dev->fd >= 0)
		close(dev->fd);
	pthread_mutex_lock(&vcd_registry_lock);
	for (p = &open_devices; *p; p = &(*p)->next) {
		if (*p == dev) {
			*p = dev->next;
			break;
		}
	}
	group_put(dev->group);
	pthread_mutex_unlock(&vcd_registry_lock);
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

/* ---- Reset ---- */

int vcdev_reset(struct vcdev *dev)
{
	if (ioctl(dev->fd, VFIO_DEVICE_RESET))
		return vcd_fail(vcd_neg_errno(), "%s: VFIO_DEVICE_RESET", dev->bdf);
	return 0;
}
