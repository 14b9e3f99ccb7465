/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A stand-in for the VFIO part of libvconfig, for the shim's unit test:
 * the test program defines these functions itself, so the shim's runtime
 * links against them instead of the library's, and drives a modelled PCI
 * function with no kernel involved. The model:
 *
 *   config space   256 bytes; MSI capability at 0x50 (8 vectors, 64-bit)
 *   BAR0           memory, 8 KiB, mmappable (a memfd the test can read)
 *   BAR1           memory, 4 KiB, not mmappable (read()/write() only)
 *   BAR2           I/O ports 0xc000-0xc01f
 *   BAR3           memory, 16 bytes, mmappable (vfio-pci maps the page)
 *   BAR4           memory, 4 KiB, not mmappable
 *
 * It counts region reads and mmaps, records config writes, the eventfds
 * armed per interrupt index, and hands out IOVAs from a bump allocator.
 */
#ifndef VCONFIG_TEST_FAKE_VFIO_H
#define VCONFIG_TEST_FAKE_VFIO_H

#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <vconfig/libvconfig.h>

#define FAKE_NR_BARS	5
#define FAKE_MSI	0x50

static const uint64_t fake_bar_size[FAKE_NR_BARS] = { 8192, 4096, 32, 16, 4096 };
static const bool fake_bar_mmap[FAKE_NR_BARS] = { true, false, false, true, false };

struct fake_state {
	uint8_t cfg[256];
	int bar_fd[FAKE_NR_BARS];	/* memfds: the BARs' contents */
	unsigned int region_reads, region_writes, mmaps, cfg_writes;
	int last_cfg_write;		/* offset, -1 when none */
	int irq_fds[3][32];		/* per VFIO index */
	unsigned int irq_count[3];
	uint64_t next_iova;
};

static struct fake_state fake;
static struct vcdev *const fake_dev = (struct vcdev *)&fake;

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v;
	p[1] = v >> 8;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v);
	put16(p + 2, v >> 16);
}

static void fake_reset(void)
{
	unsigned int i;

	for (i = 0; i < FAKE_NR_BARS; i++)
		if (fake.bar_fd[i] > 0)
			close(fake.bar_fd[i]);
	memset(&fake, 0, sizeof(fake));
	put16(fake.cfg + 0x00, 0x8086);
	put16(fake.cfg + 0x02, 0x1234);
	put16(fake.cfg + 0x06, 0x0010);		/* capability list */
	put32(fake.cfg + 0x08, 0x02000001);	/* network controller, rev 1 */
	put32(fake.cfg + 0x10, 0xfe000000);
	put32(fake.cfg + 0x14, 0xfe002000);
	put32(fake.cfg + 0x18, 0x0000c001);	/* I/O */
	put32(fake.cfg + 0x1c, 0xfe003000);
	put32(fake.cfg + 0x20, 0xfe004000);
	fake.cfg[0x34] = FAKE_MSI;
	fake.cfg[FAKE_MSI] = 0x05;		/* MSI, end of list */
	put16(fake.cfg + FAKE_MSI + 2, 0x0086);	/* 64-bit, 8 vectors capable */
	for (i = 0; i < FAKE_NR_BARS; i++) {
		fake.bar_fd[i] = memfd_create("bar", 0);
		if (ftruncate(fake.bar_fd[i], 8192))
			abort();
	}
	fake.last_cfg_write = -1;
	fake.next_iova = 1 << 20;
}

const char *vcdev_last_error(void) { return "fake"; }

int vcdev_open(const char *bdf, struct vcdev **out)
{
	(void)bdf;
	*out = fake_dev;
	return 0;
}

void vcdev_close(struct vcdev *dev) { (void)dev; }

int vcdev_get_info(struct vcdev *dev, struct vcdev_info *info)
{
	(void)dev;
	memset(info, 0, sizeof(*info));
	snprintf(info->bdf, sizeof(info->bdf), "0000:00:05.0");
	snprintf(info->driver, sizeof(info->driver), "vfio-pci");
	return 0;
}

int vcdev_cfg_read8(struct vcdev *d, unsigned int o, uint8_t *v)
{
	(void)d;
	if (o >= 256)
		return -EIO;
	*v = fake.cfg[o];
	return 0;
}

int vcdev_cfg_read16(struct vcdev *d, unsigned int o, uint16_t *v)
{
	(void)d;
	if (o + 2 > 256)
		return -EIO;
	*v = fake.cfg[o] | fake.cfg[o + 1] << 8;
	return 0;
}

int vcdev_cfg_read32(struct vcdev *d, unsigned int o, uint32_t *v)
{
	uint16_t lo, hi;

	if (vcdev_cfg_read16(d, o, &lo) || vcdev_cfg_read16(d, o + 2, &hi))
		return -EIO;
	*v = lo | (uint32_t)hi << 16;
	return 0;
}

static int fake_cfg_write(unsigned int o, uint32_t v, unsigned int n)
{
	unsigned int i;

	if (o + n > 256)
		return -EIO;
	fake.cfg_writes++;
	fake.last_cfg_write = o;
	for (i = 0; i < n; i++)
		fake.cfg[o + i] = v >> (8 * i);
	return 0;
}

int vcdev_cfg_write8(struct vcdev *d, unsigned int o, uint8_t v)
{
	(void)d;
	return fake_cfg_write(o, v, 1);
}

int vcdev_cfg_write16(struct vcdev *d, unsigned int o, uint16_t v)
{
	(void)d;
	return fake_cfg_write(o, v, 2);
}

int vcdev_cfg_write32(struct vcdev *d, unsigned int o, uint32_t v)
{
	(void)d;
	return fake_cfg_write(o, v, 4);
}

int vcdev_find_cap(struct vcdev *d, uint8_t id)
{
	(void)d;
	return id == 0x05 ? FAKE_MSI : -ENOENT;
}

int vcdev_find_ext_cap(struct vcdev *d, uint16_t id)
{
	(void)d, (void)id;
	return -ENOENT;
}

int vcdev_get_region_info(struct vcdev *d, unsigned int index,
			    struct vcdev_region_info *info)
{
	(void)d;
	memset(info, 0, sizeof(*info));
	info->index = index;
	if (index == VFIO_PCI_CONFIG_REGION_INDEX) {
		info->size = 256;
		return 0;
	}
	if (index >= FAKE_NR_BARS)
		return index < VFIO_PCI_ROM_REGION_INDEX ? 0 : -EINVAL;
	info->size = fake_bar_size[index];
	info->flags = VFIO_REGION_INFO_FLAG_READ | VFIO_REGION_INFO_FLAG_WRITE;
	if (fake_bar_mmap[index]) {
		info->flags |= VFIO_REGION_INFO_FLAG_MMAP;
		info->nr_mmap_areas = 1;
		info->mmap_areas[0].size = info->size;
	}
	return 0;
}

int vcdev_region_read(struct vcdev *d, unsigned int index,
			uint64_t offset, void *buf, size_t len)
{
	(void)d;
	fake.region_reads++;
	if (index >= FAKE_NR_BARS || offset + len > fake_bar_size[index])
		return -EINVAL;
	return pread(fake.bar_fd[index], buf, len, offset) == (ssize_t)len ? 0 : -EIO;
}

int vcdev_region_write(struct vcdev *d, unsigned int index,
			 uint64_t offset, const void *buf, size_t len)
{
	(void)d;
	fake.region_writes++;
	if (index >= FAKE_NR_BARS || offset + len > fake_bar_size[index])
		return -EINVAL;
	return pwrite(fake.bar_fd[index], buf, len, offset) == (ssize_t)len ? 0 : -EIO;
}

int vcdev_region_mmap(struct vcdev *d, unsigned int index,
			uint64_t offset, size_t size, int prot, void **addr)
{
	(void)d;
	if (index >= FAKE_NR_BARS || !fake_bar_mmap[index])
		return -EINVAL;
	*addr = mmap(NULL, size, prot, MAP_SHARED, fake.bar_fd[index], offset);
	if (*addr == MAP_FAILED)
		return -errno;
	fake.mmaps++;
	return 0;
}

int vcdev_region_unmap(struct vcdev *d, void *addr)
{
	(void)d;
	return munmap(addr, 4096);
}

int vcdev_get_irq_info(struct vcdev *d, unsigned int index,
			 struct vcdev_irq_info *info)
{
	(void)d;
	memset(info, 0, sizeof(*info));
	info->index = index;
	info->count = index == VFIO_PCI_MSI_IRQ_INDEX ? 8 : 0;
	return 0;
}

int vcdev_irq_set_eventfds(struct vcdev *d, unsigned int index,
			     unsigned int start, unsigned int count, const int *fds)
{
	(void)d;
	if (index > 2 || start + count > 32)
		return -EINVAL;
	memcpy(&fake.irq_fds[index][start], fds, count * sizeof(int));
	fake.irq_count[index] = start + count;
	return 0;
}

int vcdev_irq_disable(struct vcdev *d, unsigned int index)
{
	(void)d;
	if (index <= 2)
		fake.irq_count[index] = 0;
	return 0;
}

int vcdev_irq_unmask(struct vcdev *d, unsigned int index,
		       unsigned int start, unsigned int count)
{
	(void)d, (void)index, (void)start, (void)count;
	return 0;
}

int vcdev_action_supported(struct vcdev *d)
{
	(void)d;
	return 0;
}

int vcdev_set_irq_mode(struct vcdev *d, enum vcdev_irq_mode mode)
{
	(void)d, (void)mode;
	return -EOPNOTSUPP;
}

int vcdev_get_action_state(struct vcdev *d, struct vcdev_action_state *s)
{
	(void)d;
	memset(s, 0, sizeof(*s));
	return 0;
}

int vcdev_reset(struct vcdev *d)
{
	(void)d;
	return 0;
}

int vcdev_dma_set_window(struct vcdev *d, uint64_t start, uint64_t end)
{
	(void)d, (void)start, (void)end;
	return 0;
}

/* Page-aligned IOVAs, one after the other, as the library hands them out. */
int vcdev_dma_alloc(struct vcdev *d, size_t size,
		      struct vcdev_dma_buffer **out)
{
	struct vcdev_dma_buffer *b = calloc(1, sizeof(*b));

	(void)d;
	size = (size + 4095) & ~(size_t)4095;
	if (!b || posix_memalign(&b->vaddr, 4096, size))
		return -ENOMEM;
	memset(b->vaddr, 0, size);
	b->size = size;
	b->iova = fake.next_iova;
	fake.next_iova += size;
	*out = b;
	return 0;
}

void vcdev_dma_free(struct vcdev *d, struct vcdev_dma_buffer *b)
{
	(void)d;
	free(b->vaddr);
	free(b);
}

int vcdev_dma_map(struct vcdev *d, void *vaddr, size_t size, uint64_t *iova)
{
	(void)d, (void)vaddr;
	*iova = fake.next_iova;
	fake.next_iova += size;
	return 0;
}

int vcdev_dma_unmap(struct vcdev *d, uint64_t iova)
{
	(void)d, (void)iova;
	return 0;
}

#endif /* VCONFIG_TEST_FAKE_VFIO_H */
