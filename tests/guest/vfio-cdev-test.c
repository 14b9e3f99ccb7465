// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-cdev-test: an edu function through the VFIO device character device
 * and iommufd, without group or container.
 *
 *   vfio-cdev-test BDF DRIVER
 *
 * Opens /dev/vfio/devices/vfioN of BDF, checks that it refuses device
 * ioctls before VFIO_DEVICE_BIND_IOMMUFD, binds it to /dev/iommu, allocates
 * an IOAS and attaches the device to it, maps a buffer, reads and writes
 * BAR0 through mmap (identification, liveness), and runs a DMA round trip
 * RAM -> device -> RAM through the IOMMU. After VFIO_DEVICE_DETACH_IOMMUFD_PT
 * a device-to-RAM DMA must no longer reach the buffer; after attaching again
 * it must. The hot-reset ioctls follow the cdev form (check_hot_reset()).
 * Prints PASS/FAIL lines and "N passed, N failed".
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <linux/pci_regs.h>
#include <linux/types.h>
#include <linux/vfio.h>

#include "report.h"

/*
 * The uapi of the VFIO cdev (6.6) and of iommufd (6.2), for builds against
 * older kernel headers (Debian 12's are 6.1's).
 */
#ifndef VFIO_DEVICE_BIND_IOMMUFD
struct vfio_device_bind_iommufd {
	__u32 argsz;
	__u32 flags;
	__s32 iommufd;
	__u32 out_devid;
};

struct vfio_device_attach_iommufd_pt {
	__u32 argsz;
	__u32 flags;
	__u32 pt_id;
};

struct vfio_device_detach_iommufd_pt {
	__u32 argsz;
	__u32 flags;
};

#define VFIO_DEVICE_BIND_IOMMUFD	_IO(VFIO_TYPE, VFIO_BASE + 18)
#define VFIO_DEVICE_ATTACH_IOMMUFD_PT	_IO(VFIO_TYPE, VFIO_BASE + 19)
#define VFIO_DEVICE_DETACH_IOMMUFD_PT	_IO(VFIO_TYPE, VFIO_BASE + 20)
#endif

#define IOMMUFD_TYPE		';'
#define IOMMUFD_CMD_DESTROY	0x80
#define IOMMUFD_CMD_IOAS_ALLOC	0x81
#define IOMMUFD_CMD_IOAS_MAP	0x85
#define IOMMUFD_CMD_IOAS_UNMAP	0x86
#define IOMMU_DESTROY		_IO(IOMMUFD_TYPE, IOMMUFD_CMD_DESTROY)
#define IOMMU_IOAS_ALLOC	_IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_ALLOC)
#define IOMMU_IOAS_MAP		_IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_MAP)
#define IOMMU_IOAS_UNMAP	_IO(IOMMUFD_TYPE, IOMMUFD_CMD_IOAS_UNMAP)
#define IOAS_MAP_FIXED_IOVA	(1 << 0)
#define IOAS_MAP_WRITEABLE	(1 << 1)
#define IOAS_MAP_READABLE	(1 << 2)

struct ioas_destroy {
	__u32 size;
	__u32 id;
};

struct ioas_alloc {
	__u32 size;
	__u32 flags;
	__u32 out_ioas_id;
};

struct ioas_map {
	__u32 size;
	__u32 flags;
	__u32 ioas_id;
	__u32 reserved;
	__aligned_u64 user_va;
	__aligned_u64 length;
	__aligned_u64 iova;
};

struct ioas_unmap {
	__u32 size;
	__u32 ioas_id;
	__aligned_u64 iova;
	__aligned_u64 length;
};

/* edu registers (BAR0) */
#define EDU_ID		0x00
#define EDU_LIVENESS	0x04
#define EDU_DMA_SRC	0x80
#define EDU_DMA_DST	0x88
#define EDU_DMA_COUNT	0x90
#define EDU_DMA_CMD	0x98
#define EDU_DMA_START	0x1
#define EDU_DMA_TO_RAM	0x2
#define EDU_BUFFER	0x40000

#define IOVA		0x100000ull
#define DMA_BYTES	2048	/* QEMU 7.2's edu refuses a full 4 KiB */

static const char *driver;

/* The vfioN name of @bdf's VFIO character device, or -1. */
static int cdev_path(const char *bdf, char *path, size_t len)
{
	char dir[128];
	struct dirent *e;
	DIR *d;
	int ret = -1;

	snprintf(dir, sizeof(dir), "/sys/bus/pci/devices/%s/vfio-dev", bdf);
	d = opendir(dir);
	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!strncmp(e->d_name, "vfio", 4)) {
			snprintf(path, len, "/dev/vfio/devices/%s", e->d_name);
			ret = 0;
			break;
		}
	}
	closedir(d);
	return ret;
}

static volatile uint32_t *bar0;

static uint32_t rd32(unsigned int off)
{
	return bar0[off / 4];
}

static void wr32(unsigned int off, uint32_t val)
{
	bar0[off / 4] = val;
}

static void wr64(unsigned int off, uint64_t val)
{
	*(volatile uint64_t *)((volatile char *)bar0 + off) = val;
}

/* Run one edu DMA and wait for it: 0, or -1 when it never finished. */
static int edu_dma(uint64_t src, uint64_t dst, uint32_t cmd)
{
	struct timespec ts = { 0, 1000000 };
	int i;

	wr64(EDU_DMA_SRC, src);
	wr64(EDU_DMA_DST, dst);
	wr64(EDU_DMA_COUNT, DMA_BYTES);
	wr64(EDU_DMA_CMD, cmd | EDU_DMA_START);
	for (i = 0; i < 3000; i++) {
		if (!(rd32(EDU_DMA_CMD) & EDU_DMA_START))
			return 0;
		nanosleep(&ts, NULL);
	}
	return -1;
}

static int attach(int dev, uint32_t ioas)
{
	struct vfio_device_attach_iommufd_pt at = {
		.argsz = sizeof(at), .pt_id = ioas,
	};

	return ioctl(dev, VFIO_DEVICE_ATTACH_IOMMUFD_PT, &at);
}

/* Device-to-RAM DMA into the second page; true when @pattern arrived. */
static bool dma_to_ram_arrives(unsigned char *buf, const unsigned char *pattern)
{
	memset(buf + 4096, 0, DMA_BYTES);
	if (edu_dma(EDU_BUFFER, IOVA + 4096, EDU_DMA_TO_RAM))
		return false;
	return !memcmp(buf + 4096, pattern, DMA_BYTES);
}

static int config_write16(int dev, uint64_t cfg_off, unsigned int reg,
			  uint16_t val)
{
	return pwrite(dev, &val, 2, cfg_off + reg) == 2 ? 0 : -1;
}

/*
 * Hot reset through the cdev (vfio-pci 6.6 on): the iommufd context proves
 * ownership, so an empty group array is the only form and a non-empty one
 * is refused before anything else; edu on the root bus has no slot or bus
 * reset, so the info and the empty-array reset are -ENODEV.
 */
static void check_hot_reset(int dev)
{
	struct vfio_pci_hot_reset_info info = { .argsz = sizeof(info) };
	struct {
		struct vfio_pci_hot_reset hdr;
		int32_t fd;
	} reset = { .hdr = { .argsz = sizeof(reset), .count = 1 }, .fd = dev };
	int info_err, groups_err, empty_err;

	info_err = ioctl(dev, VFIO_DEVICE_GET_PCI_HOT_RESET_INFO, &info) ? errno : 0;
	groups_err = ioctl(dev, VFIO_DEVICE_PCI_HOT_RESET, &reset) ? errno : 0;
	reset.hdr.count = 0;
	reset.hdr.argsz = sizeof(reset.hdr);
	empty_err = ioctl(dev, VFIO_DEVICE_PCI_HOT_RESET, &reset) ? errno : 0;
	pass_if(info_err == ENODEV && groups_err == EINVAL && empty_err == ENODEV,
		"hot-reset", "info: %s, with a group array: %s, empty array: %s",
		strerror(info_err), strerror(groups_err), strerror(empty_err));
}

int main(int argc, char **argv)
{
	struct vfio_device_bind_iommufd bind = { .argsz = sizeof(bind) };
	struct vfio_device_detach_iommufd_pt det = { .argsz = sizeof(det) };
	struct vfio_device_info info = { .argsz = sizeof(info) };
	struct vfio_region_info cfg = { .argsz = sizeof(cfg),
					.index = VFIO_PCI_CONFIG_REGION_INDEX };
	struct vfio_region_info bar = { .argsz = sizeof(bar),
					.index = VFIO_PCI_BAR0_REGION_INDEX };
	struct ioas_alloc alloc = { .size = sizeof(alloc) };
	unsigned char pattern[DMA_BYTES];
	unsigned char *buf = MAP_FAILED;
	char path[320];
	int dev = -1, iommufd = -1;
	uint16_t cmd = 0;
	unsigned int i;
	uint32_t id;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 3) {
		fprintf(stderr, "usage: vfio-cdev-test BDF DRIVER\n");
		return 2;
	}
	driver = argv[2];
	report_prefix("cdev:%s", driver);

	if (cdev_path(argv[1], path, sizeof(path))) {
		pass_if(false, "cdev", "%s has no vfio-dev/vfioN in sysfs", argv[1]);
		goto out;
	}
	dev = open(path, O_RDWR | O_CLOEXEC);
	pass_if(dev >= 0, "open", "%s%s%s", path, dev < 0 ? ": " : "",
		dev < 0 ? strerror(errno) : "");
	if (dev < 0)
		goto out;

	/* nothing but BIND_IOMMUFD before the device is bound */
	{
		int ret = ioctl(dev, VFIO_DEVICE_GET_INFO, &info);
		int err = ret < 0 ? errno : 0;

		pass_if(ret < 0 && err == EINVAL, "unbound-refused",
			"GET_INFO before bind: %s",
			ret < 0 ? strerror(err) : "succeeded");
	}

	iommufd = open("/dev/iommu", O_RDWR | O_CLOEXEC);
	if (iommufd < 0) {
		pass_if(false, "iommufd", "/dev/iommu: %s", strerror(errno));
		goto out;
	}
	bind.iommufd = iommufd;
	if (ioctl(dev, VFIO_DEVICE_BIND_IOMMUFD, &bind)) {
		pass_if(false, "bind", "%s", strerror(errno));
		goto out;
	}
	pass_if(true, "bind", "device id %u", bind.out_devid);

	check_hot_reset(dev);

	if (ioctl(iommufd, IOMMU_IOAS_ALLOC, &alloc)) {
		pass_if(false, "ioas-alloc", "%s", strerror(errno));
		goto out;
	}
	if (attach(dev, alloc.out_ioas_id)) {
		pass_if(false, "attach", "IOAS %u: %s", alloc.out_ioas_id,
			strerror(errno));
		goto out;
	}
	pass_if(true, "attach", "IOAS %u", alloc.out_ioas_id);

	buf = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (buf == MAP_FAILED) {
		pass_if(false, "buffer", "%s", strerror(errno));
		goto out;
	}
	{
		struct ioas_map map = {
			.size = sizeof(map),
			.flags = IOAS_MAP_FIXED_IOVA | IOAS_MAP_READABLE |
				 IOAS_MAP_WRITEABLE,
			.ioas_id = alloc.out_ioas_id,
			.user_va = (uintptr_t)buf, .length = 8192, .iova = IOVA,
		};

		if (ioctl(iommufd, IOMMU_IOAS_MAP, &map)) {
			pass_if(false, "ioas-map", "%s", strerror(errno));
			goto out;
		}
		pass_if(true, "ioas-map", "8 KiB at IOVA 0x%llx", IOVA);
	}

	if (ioctl(dev, VFIO_DEVICE_GET_INFO, &info) ||
	    !(info.flags & VFIO_DEVICE_FLAGS_PCI) ||
	    ioctl(dev, VFIO_DEVICE_GET_REGION_INFO, &cfg) ||
	    ioctl(dev, VFIO_DEVICE_GET_REGION_INFO, &bar)) {
		pass_if(false, "info", "%s", strerror(errno));
		goto out;
	}
	pass_if(true, "info", "%u regions, %u irqs, BAR0 %llu KiB", info.num_regions,
		info.num_irqs, (unsigned long long)bar.size >> 10);

	if (!(bar.flags & VFIO_REGION_INFO_FLAG_MMAP)) {
		pass_if(false, "bar-mmap", "BAR0 not mmap-able (flags 0x%x)", bar.flags);
		goto out;
	}
	if (pread(dev, &cmd, 2, cfg.offset + PCI_COMMAND) != 2 ||
	    config_write16(dev, cfg.offset, PCI_COMMAND,
			   cmd | PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER)) {
		pass_if(false, "command", "%s", strerror(errno));
		goto out;
	}
	bar0 = mmap(NULL, bar.size, PROT_READ | PROT_WRITE, MAP_SHARED, dev,
		    bar.offset);
	if (bar0 == MAP_FAILED) {
		pass_if(false, "bar-mmap", "%s", strerror(errno));
		goto out;
	}
	id = rd32(EDU_ID);
	wr32(EDU_LIVENESS, 0x12345678);
	pass_if((id & 0xff) == 0xed && rd32(EDU_LIVENESS) == ~0x12345678u,
		"bar-mmap", "id 0x%08x, liveness 0x%08x", id, rd32(EDU_LIVENESS));

	for (i = 0; i < DMA_BYTES; i++)
		pattern[i] = (unsigned char)(i * 7 + 3);
	memcpy(buf, pattern, DMA_BYTES);
	if (edu_dma(IOVA, EDU_BUFFER, 0)) {
		pass_if(false, "dma", "RAM to device did not finish");
		goto out;
	}
	pass_if(dma_to_ram_arrives(buf, pattern), "dma",
		"%u bytes RAM -> device -> RAM through IOVA 0x%llx", DMA_BYTES, IOVA);

	if (ioctl(dev, VFIO_DEVICE_DETACH_IOMMUFD_PT, &det)) {
		pass_if(false, "detach", "%s", strerror(errno));
		goto out;
	}
	pass_if(!dma_to_ram_arrives(buf, pattern), "detach-blocks-dma",
		"device-to-RAM DMA after detach %s", "must not reach the buffer");

	if (attach(dev, alloc.out_ioas_id)) {
		pass_if(false, "reattach", "%s", strerror(errno));
		goto out;
	}
	pass_if(dma_to_ram_arrives(buf, pattern), "reattach", "DMA reaches the buffer again");

	config_write16(dev, cfg.offset, PCI_COMMAND, cmd);
	{
		struct ioas_unmap unmap = {
			.size = sizeof(unmap), .ioas_id = alloc.out_ioas_id,
			.iova = IOVA, .length = 8192,
		};

		pass_if(!ioctl(iommufd, IOMMU_IOAS_UNMAP, &unmap) &&
			unmap.length == 8192, "ioas-unmap", NULL);
	}
	munmap((void *)bar0, bar.size);
out:
	if (buf != MAP_FAILED)
		munmap(buf, 8192);
	if (dev >= 0)
		close(dev);
	if (iommufd >= 0) {
		struct ioas_destroy d = { .size = sizeof(d), .id = alloc.out_ioas_id };

		/* the device file is closed: the IOAS has no user left */
		if (alloc.out_ioas_id)
			pass_if(!ioctl(iommufd, IOMMU_DESTROY, &d), "ioas-destroy",
				NULL);
		close(iommufd);
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
