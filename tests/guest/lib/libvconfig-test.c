// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libvconfig-test: the library against a device bound to vfio-pci or
 * vfio-vconfig in the test guest.
 *
 *   libvconfig-test BDF KIND DRIVER
 *   libvconfig-test --together BOUND    (every "driver bdf kind" line of BOUND)
 *
 * The first form opens one device and checks identification, regions, BAR
 * access by read/write and by mmap, interrupts (edu MSI through SET_IRQS,
 * and through config-action mode on vfio-vconfig; loopback on MSI-X),
 * reset, and DMA (edu copies a pattern RAM -> device -> RAM). The second
 * opens every device at once and checks that their containers and IOVA
 * spaces stay apart. The ground truth is sysfs and the QEMU device models.
 *
 * Output: "PASS lib:DRIVER:KIND:check" or "FAIL lib:DRIVER:KIND:check: reason".
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include <linux/pci_regs.h>
#include <vconfig/libvconfig.h>

#include "../report.h"
#include "../vfio-dev.h"

#define IRQ_TIMEOUT_MS		3000
#define NO_IRQ_WAIT_MS		300

/* edu (QEMU 7.2) BAR0 registers */
#define EDU_ID			0x00
#define EDU_LIVENESS		0x04
#define EDU_IRQ_STATUS		0x24
#define EDU_IRQ_RAISE		0x60
#define EDU_IRQ_ACK		0x64
#define EDU_DMA_SRC		0x80
#define EDU_DMA_DST		0x88
#define EDU_DMA_COUNT		0x90
#define EDU_DMA_CMD		0x98
#define EDU_DMA_START		0x1
#define EDU_DMA_TO_RAM		0x2
#define EDU_DEVICE_BUFFER	0x40000
#define EDU_DMA_MASK		0x0fffffffULL	/* 28-bit device addresses */
/* Less than the 4 KiB device buffer: QEMU 7.2's range check rejects a
 * transfer that ends exactly at its end (and stops the machine). */
#define EDU_DMA_BYTES		2048

static unsigned long sysfs_hex(const char *bdf, const char *attr)
{
	char path[256];
	unsigned long v = ~0UL;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/%s", bdf, attr);
	f = fopen(path, "r");
	if (!f)
		return v;
	if (fscanf(f, "%lx", &v) != 1)
		v = ~0UL;
	fclose(f);
	return v;
}

/* Size of BAR @bar from the sysfs resource file. */
static unsigned long long sysfs_bar_size(const char *bdf, unsigned int bar)
{
	unsigned long long start = 0, end = 0, flags;
	char path[256], line[128];
	unsigned int i;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource", bdf);
	f = fopen(path, "r");
	if (!f)
		return 0;
	for (i = 0; i <= bar && fgets(line, sizeof(line), f); i++)
		if (sscanf(line, "%llx %llx %llx", &start, &end, &flags) != 3)
			start = end = 0;
	fclose(f);
	return end > start ? end - start + 1 : 0;
}

static void enable_decode_and_master(struct vcdev *dev)
{
	uint16_t cmd = 0;

	vcdev_cfg_read16(dev, PCI_COMMAND, &cmd);
	vcdev_cfg_write16(dev, PCI_COMMAND, cmd | PCI_COMMAND_MEMORY |
			  PCI_COMMAND_MASTER);
}

static void check_identity(struct vcdev *dev, const char *bdf,
			   const char *driver)
{
	struct vcdev_info info;
	uint16_t vendor = 0, device = 0;
	unsigned int cfg_size = 0;
	int err;

	vcdev_get_info(dev, &info);
	if (strcmp(info.driver, driver) || strcmp(info.bdf, bdf) ||
	    info.iommu_group != vfio_dev_group_id(bdf))
		report("info", "driver %s, bdf %s, group %d (sysfs %d)", info.driver,
		       info.bdf, info.iommu_group, vfio_dev_group_id(bdf));
	else if (!(info.flags & VFIO_DEVICE_FLAGS_PCI) || info.num_regions < 9 ||
		 info.num_irqs < 5)
		report("info", "flags 0x%x, %u regions, %u irqs", info.flags,
		       info.num_regions, info.num_irqs);
	else
		report("info", NULL);

	err = vcdev_cfg_read16(dev, PCI_VENDOR_ID, &vendor);
	if (!err)
		err = vcdev_cfg_read16(dev, PCI_DEVICE_ID, &device);
	if (err)
		report("config-ids", "%s", vcdev_last_error());
	else if (vendor != sysfs_hex(bdf, "vendor") || device != sysfs_hex(bdf, "device"))
		report("config-ids", "%04x:%04x, sysfs %04lx:%04lx", vendor, device,
		       sysfs_hex(bdf, "vendor"), sysfs_hex(bdf, "device"));
	else
		report("config-ids", NULL);

	vcdev_cfg_size(dev, &cfg_size);
	report("config-size", cfg_size == 256 || cfg_size == 4096 ? NULL :
	       "size %u", cfg_size);

	err = vcdev_cfg_read16(dev, 4096, &vendor);
	report("config-out-of-range", err < 0 ? NULL : "read beyond the space worked");
}

static void check_caps(struct vcdev *dev, const char *kind)
{
	int pos;

	if (!strcmp(kind, "edu")) {
		pos = vcdev_find_cap(dev, PCI_CAP_ID_MSI);
		report("find-cap-msi", pos >= 0x40 ? NULL : "%s", vcdev_last_error());
	} else {
		pos = vcdev_find_cap(dev, PCI_CAP_ID_EXP);
		report("find-cap-pcie", pos >= 0x40 ? NULL : "%s", vcdev_last_error());
		pos = vcdev_find_cap(dev, PCI_CAP_ID_MSIX);
		report("find-cap-msix", pos >= 0x40 ? NULL : "%s", vcdev_last_error());
	}
	pos = vcdev_find_cap(dev, 0xfe);
	report("find-cap-absent", pos == -ENOENT ? NULL : "returned %d", pos);
	if (!strcmp(kind, "e1000e")) {
		pos = vcdev_find_ext_cap(dev, PCI_EXT_CAP_ID_DSN);
		report("find-ext-cap-dsn", pos >= 0x100 ? NULL : "%s", vcdev_last_error());
	}
}

static void check_regions(struct vcdev *dev, const char *bdf)
{
	struct vcdev_region_info ri;
	unsigned long long size = sysfs_bar_size(bdf, 0);
	int err;

	err = vcdev_get_region_info(dev, VFIO_PCI_BAR0_REGION_INDEX, &ri);
	if (err)
		report("region-info", "%s", vcdev_last_error());
	else if (ri.size != size || !(ri.flags & VFIO_REGION_INFO_FLAG_READ) ||
		 !(ri.flags & VFIO_REGION_INFO_FLAG_MMAP) || !ri.nr_mmap_areas)
		report("region-info", "BAR0 size 0x%llx (sysfs 0x%llx), flags 0x%x, %u areas",
		       (unsigned long long)ri.size, size, ri.flags, ri.nr_mmap_areas);
	else
		report("region-info", NULL);

	err = vcdev_get_region_info(dev, VFIO_PCI_CONFIG_REGION_INDEX, &ri);
	report("region-info-config", !err && (ri.size == 256 || ri.size == 4096) &&
	       !ri.nr_mmap_areas ? NULL : "size 0x%llx, %u areas: %s",
	       (unsigned long long)ri.size, ri.nr_mmap_areas, vcdev_last_error());

	err = vcdev_get_region_info(dev, VFIO_PCI_VGA_REGION_INDEX, &ri);
	report("region-info-vga", err == -EINVAL ? NULL : "returned %d", err);
}

/* Liveness: edu returns the inverse of what was written, by read/write and mmap. */
static void check_edu_bar(struct vcdev *dev)
{
	uint32_t id = 0, back = 0;
	volatile uint32_t *regs;
	void *map;
	int err;

	enable_decode_and_master(dev);
	err = vcdev_bar_read32(dev, 0, EDU_ID, &id);
	report("bar-read", !err && (id & 0xff) == 0xed ? NULL : "id 0x%08x: %s", id,
	       vcdev_last_error());
	err = vcdev_bar_write32(dev, 0, EDU_LIVENESS, 0x12345678);
	if (!err)
		err = vcdev_bar_read32(dev, 0, EDU_LIVENESS, &back);
	report("bar-liveness", !err && back == ~0x12345678u ? NULL : "read 0x%08x: %s",
	       back, vcdev_last_error());

	err = vcdev_region_mmap(dev, 0, 0, 4096, PROT_READ | PROT_WRITE, &map);
	if (err) {
		report("bar-mmap", "%s", vcdev_last_error());
		return;
	}
	regs = map;
	regs[EDU_LIVENESS / 4] = 0xa5a5f00f;
	back = regs[EDU_LIVENESS / 4];
	report("bar-mmap", (regs[EDU_ID / 4] & 0xff) == 0xed && back == ~0xa5a5f00fu ?
	       NULL : "id 0x%08x, liveness 0x%08x", regs[EDU_ID / 4], back);
	err = vcdev_region_unmap(dev, map);
	report("bar-unmap", err ? "%s" : NULL, vcdev_last_error());
	err = vcdev_region_unmap(dev, map);
	report("bar-unmap-twice", err == -EINVAL ? NULL : "returned %d", err);

	err = vcdev_region_mmap(dev, 0, 100, 4096, PROT_READ, &map);
	report("bar-mmap-unaligned", err == -EINVAL ? NULL : "returned %d", err);
}

static void check_other_bar(struct vcdev *dev, const char *kind)
{
	struct vcdev_region_info ri;
	uint32_t by_read = 0;
	volatile uint32_t *regs;
	void *map;
	unsigned int i;
	int err;

	enable_decode_and_master(dev);
	err = vcdev_bar_read32(dev, 0, 0, &by_read);
	report("bar-read", err ? "%s" : NULL, vcdev_last_error());
	vcdev_get_region_info(dev, 0, &ri);
	/* The first mmap area: the whole BAR, or what a sparse capability allows. */
	for (i = 0; i < ri.nr_mmap_areas && ri.mmap_areas[i].offset; i++)
		;
	if (i == ri.nr_mmap_areas) {
		report("bar-mmap", "no mmap area at offset 0 (%u areas)", ri.nr_mmap_areas);
		return;
	}
	err = vcdev_region_mmap(dev, 0, 0, 4096, PROT_READ | PROT_WRITE, &map);
	if (err) {
		report("bar-mmap", "%s", vcdev_last_error());
		return;
	}
	regs = map;
	/* nvme CAP, e1000e CTRL: stable registers, same value both ways */
	report("bar-mmap", regs[0] == by_read ? NULL : "mmap 0x%08x, read 0x%08x",
	       regs[0], by_read);
	vcdev_region_unmap(dev, map);
	(void)kind;
}

static void edu_raise_and_wait(struct vcdev *dev, int efd, bool expect,
			       const char *check)
{
	uint32_t status = 0;
	int got;

	vcdev_bar_write32(dev, 0, EDU_IRQ_RAISE, 1);
	got = vcdev_eventfd_wait(efd, expect ? IRQ_TIMEOUT_MS : NO_IRQ_WAIT_MS, NULL);
	vcdev_bar_read32(dev, 0, EDU_IRQ_STATUS, &status);
	vcdev_bar_write32(dev, 0, EDU_IRQ_ACK, status);
	if (expect)
		report(check, got == 1 ? NULL : "no event within %d ms", IRQ_TIMEOUT_MS);
	else
		report(check, got == 0 ? NULL : "event with the interrupt off");
}

static void check_edu_msi(struct vcdev *dev, const char *driver)
{
	struct vcdev_action_state st;
	struct vcdev_irq_info ii;
	uint16_t ctrl = 0;
	int efd, err, msi, supported;

	err = vcdev_get_irq_info(dev, VFIO_PCI_MSI_IRQ_INDEX, &ii);
	report("irq-info-msi", !err && ii.count >= 1 &&
	       (ii.flags & VFIO_IRQ_INFO_EVENTFD) ? NULL : "count %u flags 0x%x: %s",
	       ii.count, ii.flags, vcdev_last_error());

	efd = eventfd(0, EFD_CLOEXEC);
	enable_decode_and_master(dev);
	err = vcdev_irq_set_eventfds(dev, VFIO_PCI_MSI_IRQ_INDEX, 0, 1, &efd);
	report("msi-set-irqs", err ? "%s" : NULL, vcdev_last_error());
	if (!err) {
		edu_raise_and_wait(dev, efd, true, "msi-delivered");
		err = vcdev_irq_disable(dev, VFIO_PCI_MSI_IRQ_INDEX);
		report("msi-disable", err ? "%s" : NULL, vcdev_last_error());
		edu_raise_and_wait(dev, efd, false, "msi-off-silent");
	}

	supported = vcdev_action_supported(dev);
	if (strcmp(driver, "vfio-vconfig")) {
		report("action-unsupported", supported == 0 ? NULL : "returned %d", supported);
		err = vcdev_set_irq_mode(dev, VCDEV_IRQ_MODE_ACTION);
		report("action-refused", err == -EOPNOTSUPP ? NULL : "returned %d", err);
		close(efd);
		return;
	}
	report("action-supported", supported == 1 ? NULL : "returned %d: %s", supported,
	       vcdev_last_error());
	err = vcdev_set_irq_mode(dev, VCDEV_IRQ_MODE_ACTION);
	report("action-mode", err ? "%s" : NULL, vcdev_last_error());
	if (err)
		goto out;
	msi = vcdev_find_cap(dev, PCI_CAP_ID_MSI);
	vcdev_cfg_read16(dev, msi + PCI_MSI_FLAGS, &ctrl);
	ctrl &= ~PCI_MSI_FLAGS_QSIZE;
	err = vcdev_irq_set_eventfds(dev, VFIO_PCI_MSI_IRQ_INDEX, 0, 1, &efd);
	vcdev_get_action_state(dev, &st);
	report("action-arm", !err && st.msi_armed == 1 && !st.active_vectors ? NULL :
	       "armed %u active %u: %s", st.msi_armed, st.active_vectors,
	       vcdev_last_error());
	vcdev_cfg_write16(dev, msi + PCI_MSI_FLAGS, ctrl | PCI_MSI_FLAGS_ENABLE);
	vcdev_get_action_state(dev, &st);
	report("action-enable-by-config-write",
	       st.mode == VCDEV_IRQ_MODE_ACTION && st.active_vectors == 1 ? NULL :
	       "mode %d active %u", st.mode, st.active_vectors);
	err = vcdev_set_irq_mode(dev, VCDEV_IRQ_MODE_VFIO);
	report("action-mode-busy", err == -EBUSY ? NULL : "returned %d", err);
	edu_raise_and_wait(dev, efd, true, "action-msi-delivered");
	vcdev_cfg_write16(dev, msi + PCI_MSI_FLAGS, ctrl & ~PCI_MSI_FLAGS_ENABLE);
	edu_raise_and_wait(dev, efd, false, "action-msi-off-silent");
	vcdev_irq_disable(dev, VFIO_PCI_MSI_IRQ_INDEX);
	err = vcdev_set_irq_mode(dev, VCDEV_IRQ_MODE_VFIO);
	vcdev_get_action_state(dev, &st);
	report("action-mode-back", !err && st.mode == VCDEV_IRQ_MODE_VFIO ? NULL :
	       "mode %d: %s", st.mode, vcdev_last_error());
out:
	close(efd);
}

/* MSI-X through SET_IRQS, signalled by loopback (DATA_NONE trigger). */
static void check_msix_loopback(struct vcdev *dev)
{
	struct vcdev_irq_info ii;
	int efd[2], err;

	err = vcdev_get_irq_info(dev, VFIO_PCI_MSIX_IRQ_INDEX, &ii);
	report("irq-info-msix", !err && ii.count >= 2 ? NULL : "count %u: %s", ii.count,
	       vcdev_last_error());
	efd[0] = eventfd(0, EFD_CLOEXEC);
	efd[1] = eventfd(0, EFD_CLOEXEC);
	err = vcdev_irq_set_eventfds(dev, VFIO_PCI_MSIX_IRQ_INDEX, 0, 2, efd);
	report("msix-set-irqs", err ? "%s" : NULL, vcdev_last_error());
	if (!err) {
		err = vcdev_irq_trigger(dev, VFIO_PCI_MSIX_IRQ_INDEX, 1, 1);
		report("msix-loopback", !err && vcdev_eventfd_wait(efd[1], 1000, NULL) == 1 &&
		       vcdev_eventfd_wait(efd[0], 0, NULL) == 0 ? NULL :
		       "vector 1 not signalled alone: %s", vcdev_last_error());
		err = vcdev_irq_disable(dev, VFIO_PCI_MSIX_IRQ_INDEX);
		report("msix-disable", err ? "%s" : NULL, vcdev_last_error());
	}
	err = vcdev_irq_set(dev, 42, VFIO_IRQ_SET_DATA_NONE |
			    VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, NULL);
	report("irq-bad-index", err == -EINVAL && strstr(vcdev_last_error(), "SET_IRQS") ?
	       NULL : "returned %d (%s)", err, vcdev_last_error());
	close(efd[0]);
	close(efd[1]);
}

static void check_reset(struct vcdev *dev, const char *kind)
{
	struct vcdev_info info;
	uint16_t vendor = 0;
	int err;

	if (strcmp(kind, "nvme"))
		return;
	vcdev_get_info(dev, &info);
	report("reset-flag", info.flags & VFIO_DEVICE_FLAGS_RESET ? NULL :
	       "no VFIO_DEVICE_FLAGS_RESET");
	enable_decode_and_master(dev);
	err = vcdev_reset(dev);
	report("reset", err ? "%s" : NULL, vcdev_last_error());
	err = vcdev_cfg_read16(dev, PCI_VENDOR_ID, &vendor);
	report("reset-config", !err && vendor == sysfs_hex(info.bdf, "vendor") ? NULL :
	       "vendor 0x%04x after reset: %s", vendor, vcdev_last_error());
}

static int edu_dma(struct vcdev *dev, uint64_t src, uint64_t dst,
		   uint32_t count, bool to_ram)
{
	struct timespec pause = { 0, 10 * 1000 * 1000 };
	uint32_t cmd = 0;
	int i;

	vcdev_bar_write32(dev, 0, EDU_DMA_SRC, (uint32_t)src);
	vcdev_bar_write32(dev, 0, EDU_DMA_SRC + 4, (uint32_t)(src >> 32));
	vcdev_bar_write32(dev, 0, EDU_DMA_DST, (uint32_t)dst);
	vcdev_bar_write32(dev, 0, EDU_DMA_DST + 4, (uint32_t)(dst >> 32));
	vcdev_bar_write32(dev, 0, EDU_DMA_COUNT, count);
	vcdev_bar_write32(dev, 0, EDU_DMA_CMD, EDU_DMA_START |
			  (to_ram ? EDU_DMA_TO_RAM : 0));
	for (i = 0; i < 500; i++) {
		if (vcdev_bar_read32(dev, 0, EDU_DMA_CMD, &cmd))
			return -1;
		if (!(cmd & EDU_DMA_START))
			return 0;
		nanosleep(&pause, NULL);
	}
	return -1;
}

static void check_dma(struct vcdev *dev, const char *kind)
{
	struct vcdev_dma_buffer *a = NULL, *b = NULL;
	unsigned int i;
	uint64_t iova = 0;
	void *page;
	int err;

	if (!strcmp(kind, "edu"))
		vcdev_dma_set_window(dev, 0x100000, EDU_DMA_MASK);
	err = vcdev_dma_alloc(dev, 4096, &a);
	if (!err)
		err = vcdev_dma_alloc(dev, 100, &b);
	if (err) {
		report("dma-alloc", "%s", vcdev_last_error());
		goto out;
	}
	report("dma-alloc", a->iova != b->iova && b->size == 4096 && !(a->iova & 4095) &&
	       a->iova >= 0x100000 ? NULL : "iovas 0x%llx 0x%llx size %zu",
	       (unsigned long long)a->iova, (unsigned long long)b->iova, b->size);

	page = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	err = vcdev_dma_map(dev, page, 8192, &iova);
	report("dma-map-user", !err && iova != a->iova && iova != b->iova ? NULL :
	       "iova 0x%llx: %s", (unsigned long long)iova, vcdev_last_error());
	if (!err) {
		err = vcdev_dma_unmap(dev, iova);
		report("dma-unmap-user", err ? "%s" : NULL, vcdev_last_error());
	}
	err = vcdev_dma_unmap(dev, a->iova);
	report("dma-unmap-not-user", err == -EINVAL ? NULL : "returned %d", err);
	munmap(page, 8192);

	if (!strcmp(kind, "edu")) {
		uint8_t *src = a->vaddr, *dst = b->vaddr;

		report("dma-window", a->iova + a->size - 1 <= EDU_DMA_MASK &&
		       b->iova + b->size - 1 <= EDU_DMA_MASK ? NULL :
		       "IOVA beyond 28 bits: 0x%llx 0x%llx",
		       (unsigned long long)a->iova, (unsigned long long)b->iova);
		for (i = 0; i < EDU_DMA_BYTES; i++)
			src[i] = (uint8_t)(i * 7 + 3);
		enable_decode_and_master(dev);
		err = edu_dma(dev, a->iova, EDU_DEVICE_BUFFER, EDU_DMA_BYTES, false);
		if (!err)
			err = edu_dma(dev, EDU_DEVICE_BUFFER, b->iova, EDU_DMA_BYTES, true);
		report("dma-edu-roundtrip", !err && !memcmp(src, dst, EDU_DMA_BYTES) ? NULL :
		       err ? "transfer did not complete" : "pattern differs");
	}
out:
	vcdev_dma_free(dev, a);
	vcdev_dma_free(dev, b);
}

static int test_one(const char *bdf, const char *kind, const char *driver)
{
	struct vcdev *dev, *again;
	int err;

	report_prefix("lib:%s:%s", driver, kind);
	err = vcdev_open(bdf, &dev);
	report("open", err ? "%s" : NULL, vcdev_last_error());
	if (err)
		return 1;
	err = vcdev_open(bdf, &again);
	report("open-twice", err == -EBUSY ? NULL : "returned %d", err);
	if (!err)
		vcdev_close(again);

	check_identity(dev, bdf, driver);
	check_caps(dev, kind);
	check_regions(dev, bdf);
	if (!strcmp(kind, "edu")) {
		check_edu_bar(dev);
		check_edu_msi(dev, driver);
	} else {
		check_other_bar(dev, kind);
		check_msix_loopback(dev);
	}
	check_dma(dev, kind);
	check_reset(dev, kind);
	vcdev_close(dev);

	/* reopen after close: the group and container were released */
	err = vcdev_open(bdf, &dev);
	report("reopen", err ? "%s" : NULL, vcdev_last_error());
	if (!err)
		vcdev_close(dev);
	return failed ? 1 : 0;
}

#define MAX_DEVICES 16

static int test_together(const char *bound)
{
	struct vcdev *dev[MAX_DEVICES];
	struct vcdev_dma_buffer *buf[MAX_DEVICES];
	struct vcdev_function *list = NULL;
	char drv[64], bdf[64], kind[64];
	struct vcdev_info info[MAX_DEVICES];
	int n = 0, i, j, err, listed;
	bool ok = true;
	FILE *f;

	report_prefix("lib:all:devices");
	f = fopen(bound, "r");
	if (!f) {
		report("bound", "%s: %s", bound, strerror(errno));
		return 1;
	}
	while (n < MAX_DEVICES && fscanf(f, "%63s %63s %63s", drv, bdf, kind) == 3) {
		err = vcdev_open(bdf, &dev[n]);
		if (err) {
			report("open-all", "%s", vcdev_last_error());
			ok = false;
			break;
		}
		vcdev_get_info(dev[n], &info[n]);
		n++;
	}
	fclose(f);
	if (ok)
		report("open-all", NULL);

	listed = vcdev_list_functions(&list);
	report("list", listed >= n ? NULL : "listed %d, %d bound", listed, n);
	free(list);

	for (i = 0; i < n; i++) {
		if (vcdev_dma_alloc(dev[i], 8192, &buf[i])) {
			report("dma-all", "%s", vcdev_last_error());
			buf[i] = NULL;
		}
	}
	/* Same group: same container and one IOVA space; else separate containers. */
	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n; j++) {
			bool same = info[i].iommu_group == info[j].iommu_group;
			bool shared = vcdev_container_fd(dev[i]) == vcdev_container_fd(dev[j]);

			if (same != shared)
				ok = false;
			if (same && buf[i] && buf[j] && buf[i]->iova == buf[j]->iova)
				ok = false;
		}
	}
	report("containers-per-group", ok ? NULL : "containers not shared per group");
	for (i = n - 1; i >= 0; i--)
		vcdev_close(dev[i]);
	return failed ? 1 : 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc == 3 && !strcmp(argv[1], "--together"))
		return test_together(argv[2]);
	if (argc != 4) {
		fprintf(stderr, "usage: %s BDF KIND DRIVER | --together BOUND\n", argv[0]);
		return 2;
	}
	return test_one(argv[1], argv[2], argv[3]);
}
