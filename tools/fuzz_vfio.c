// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The config region of a VFIO PCI device: group, container with the type1
 * IOMMU, device fd, and the region offset VFIO reports. Nothing but the
 * config region is ever accessed.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/vfio.h>
#include "fuzz_vfio.h"

static int fail(char *err, size_t len, int ret, const char *fmt, const char *a)
{
	char what[PATH_MAX + 64];

	snprintf(what, sizeof(what), fmt, a);
	snprintf(err, len, "%.200s: %s", what, strerror(-ret));
	return ret;
}

int fuzz_vfio_open(const char *bdf, struct fuzz_vfio *dev, char *err, size_t len)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	struct vfio_region_info info = { .argsz = sizeof(info) };
	struct vfio_device_info dinfo = { .argsz = sizeof(dinfo) };
	char path[PATH_MAX], link[PATH_MAX];
	const char *group;
	ssize_t n;

	memset(dev, 0, sizeof(*dev));
	dev->container = dev->group = dev->fd = -1;
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/iommu_group", bdf);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0)
		return fail(err, len, -errno, "%s: no IOMMU group", bdf);
	link[n] = '\0';
	group = strrchr(link, '/') + 1;

	dev->container = open("/dev/vfio/vfio", O_RDWR);
	if (dev->container < 0)
		return fail(err, len, -errno, "%s", "/dev/vfio/vfio");
	snprintf(path, sizeof(path), "/dev/vfio/%s", group);
	dev->group = open(path, O_RDWR);
	if (dev->group < 0)
		return fail(err, len, -errno, "%s", path);
	if (ioctl(dev->group, VFIO_GROUP_GET_STATUS, &status) ||
	    !(status.flags & VFIO_GROUP_FLAGS_VIABLE))
		return fail(err, len, -EBUSY, "group %s is not viable", group);
	if (ioctl(dev->group, VFIO_GROUP_SET_CONTAINER, &dev->container) ||
	    ioctl(dev->container, VFIO_SET_IOMMU, VFIO_TYPE1_IOMMU))
		return fail(err, len, -errno, "%s: setting up the type1 container", bdf);
	dev->fd = ioctl(dev->group, VFIO_GROUP_GET_DEVICE_FD, bdf);
	if (dev->fd < 0)
		return fail(err, len, -errno, "%s: VFIO_GROUP_GET_DEVICE_FD", bdf);
	if (!ioctl(dev->fd, VFIO_DEVICE_GET_INFO, &dinfo))
		dev->can_reset = dinfo.flags & VFIO_DEVICE_FLAGS_RESET;
	info.index = VFIO_PCI_CONFIG_REGION_INDEX;
	if (ioctl(dev->fd, VFIO_DEVICE_GET_REGION_INFO, &info))
		return fail(err, len, -errno, "%s: config region info", bdf);
	if (!(info.flags & VFIO_REGION_INFO_FLAG_READ) || info.size < 256)
		return fail(err, len, -ENODEV, "%s: no readable config region", bdf);
	dev->cfg_offset = info.offset;
	dev->cfg_size = info.size >= 4096 ? 4096 : 256;
	return 0;
}

void fuzz_vfio_close(struct fuzz_vfio *dev)
{
	if (dev->fd >= 0)
		close(dev->fd);
	if (dev->group >= 0)
		close(dev->group);
	if (dev->container >= 0)
		close(dev->container);
	dev->fd = dev->group = dev->container = -1;
}

int fuzz_vfio_read(struct fuzz_vfio *dev, unsigned int off, unsigned int size, void *buf)
{
	ssize_t n = pread(dev->fd, buf, size, dev->cfg_offset + off);

	if (n < 0)
		return -errno;
	return n == (ssize_t)size ? 0 : -EIO;
}

int fuzz_vfio_write(struct fuzz_vfio *dev, unsigned int off, unsigned int size,
		    const void *buf)
{
	ssize_t n = pwrite(dev->fd, buf, size, dev->cfg_offset + off);

	if (n < 0)
		return -errno;
	return n == (ssize_t)size ? 0 : -EIO;
}

int fuzz_vfio_reset(struct fuzz_vfio *dev)
{
	if (!dev->can_reset)
		return -ENOTTY;
	return ioctl(dev->fd, VFIO_DEVICE_RESET) ? -errno : 0;
}
