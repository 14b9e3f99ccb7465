/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * libvconfig internals shared by the library sources in lib/: the device,
 * its IOMMU group and container, and the helpers every part uses. Not
 * installed; the API is include/vconfig/libvconfig.h.
 *
 * A device holds a reference on its IOMMU group; the group owns the group
 * fd, the container fd and the IOVA allocator, so that every device of a
 * group shares one container and one IOVA space.
 */
#ifndef VCONFIG_LIB_VCDEV_H
#define VCONFIG_LIB_VCDEV_H

#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <vconfig/libvconfig.h>
#include "../include/uapi/linux/vfio_vconfig.h"

/* Bounds on walks over data the kernel or the device supplies. */
#define MAX_INFO_CAPS		32
#define MAX_IOVA_RANGES		16

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

/*
 * Guards the group registry, the open-device list and every group's IOVA
 * allocator (lib/device.c, lib/dma.c).
 */
extern pthread_mutex_t vcd_registry_lock;

/* lib/error.c: record "context: text of @err" for this thread, return @err */
int vcd_fail(int err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* the same without the errno text, for messages that say it all */
int vcd_fail_msg(int err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* -errno of the last failed call, -EIO when errno is not set */
int vcd_neg_errno(void);

/* lib/region.c */
int vcd_query_region(struct vcdev *dev, unsigned int index,
		     struct vfio_region_info *info);
/* pread/pwrite at @fd_offset of the device fd; errors name @what and @at */
int vcd_transfer(struct vcdev *dev, const char *what, bool write,
		 uint64_t fd_offset, void *buf, size_t len, uint64_t at);
void vcd_unmap_all(struct vcdev *dev);

/* lib/dma.c */
void vcd_dma_release_all(struct vcdev *dev);

static inline size_t vcd_page_size(void)
{
	long ps = sysconf(_SC_PAGESIZE);

	return ps > 0 ? (size_t)ps : 4096;
}

#endif /* VCONFIG_LIB_VCDEV_H */
