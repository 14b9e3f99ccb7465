/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * libvconfig: a userspace PCI driver's view of a VFIO device.
 *
 * Opens a PCI function bound to vfio-vconfig or to upstream vfio-pci by its
 * address, and gives access to its configuration space, regions (BARs, ROM),
 * interrupts, reset and DMA through the VFIO group/container interface with
 * the type1 IOMMU. Devices of one IOMMU group share the group's container
 * and its IOVA space.
 *
 * Errors: every function that can fail returns 0 (or a count) on success
 * and a negative errno value on failure, and records a message for the
 * calling thread, retrieved with vcdev_last_error(). The library never
 * prints and never exits.
 *
 * Threads: the group/container registry and the IOVA allocator are
 * locked; one device may be used from several threads as long as each
 * caller orders its own accesses.
 *
 * Only libc and <linux/vfio.h> are needed. Region and interrupt indices are
 * the VFIO ones: VFIO_PCI_BAR0_REGION_INDEX ... VFIO_PCI_CONFIG_REGION_INDEX,
 * VFIO_PCI_INTX_IRQ_INDEX ... VFIO_PCI_REQ_IRQ_INDEX.
 */
#ifndef VCONFIG_LIBVCONFIG_H
#define VCONFIG_LIBVCONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <linux/vfio.h>

/* The declarations below are the library's ABI (lib/libvconfig.map). */
#if !defined(__KERNEL__) && defined(__GNUC__)
#pragma GCC visibility push(default)
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define LIBVCONFIG_VERSION_MAJOR	1
#define LIBVCONFIG_VERSION_MINOR	0

/* An open VFIO device. */
struct vcdev;

/* ---- Errors ---- */

/* Text of a negative errno value returned by the library. */
const char *vcdev_strerror(int err);

/*
 * Message of the last failure in the calling thread, with its context
 * ("0000:00:03.0: /dev/vfio/5: Permission denied"). "" when none.
 */
const char *vcdev_last_error(void);

/* ---- Discovery ---- */

#define VCDEV_BDF_LEN		16	/* "dddd:bb:dd.f" and its NUL */
#define VCDEV_DRIVER_LEN	32

/* A PCI function bound to a VFIO driver, as sysfs shows it. */
struct vcdev_function {
	char bdf[VCDEV_BDF_LEN];
	char driver[VCDEV_DRIVER_LEN];	/* "vfio-pci" or "vfio-vconfig" */
	int iommu_group;			/* -1 when the function has none */
};

/*
 * Functions bound to vfio-pci or vfio-vconfig, sorted by address. Returns
 * their number and an array in @out to release with free() (NULL when
 * the count is 0). Needs no privilege.
 */
int vcdev_list_functions(struct vcdev_function **out);

/* Whether @driver is a VFIO PCI driver this library handles. */
bool vcdev_is_vfio_driver(const char *driver);

/* ---- Open and close ---- */

/*
 * Open the function at @bdf ("0000:00:03.0", or "00:03.0" for domain 0):
 * find its IOMMU group, open /dev/vfio/GROUP and a container (or reuse
 * those of a device of the same group already open), set the type1 IOMMU,
 * and get the device file descriptor.
 *
 * -ENODEV: no such function, or not bound to a VFIO driver; -EACCES and
 * -EPERM: no access to /dev/vfio; -EBUSY: the device is already open;
 * -EINVAL: malformed address or a group that is not viable.
 */
int vcdev_open(const char *bdf, struct vcdev **out);

/* Unmap what the device mapped, release its DMA buffers, close it. */
void vcdev_close(struct vcdev *dev);

struct vcdev_info {
	char bdf[VCDEV_BDF_LEN];		/* canonical address */
	char driver[VCDEV_DRIVER_LEN];
	int iommu_group;
	uint32_t flags;				/* VFIO_DEVICE_FLAGS_* */
	uint32_t num_regions;
	uint32_t num_irqs;
};

int vcdev_get_info(struct vcdev *dev,
		   struct vcdev_info *info);

/* File descriptors, for what the library does not wrap. Owned by it. */
int vcdev_fd(const struct vcdev *dev);
int vcdev_container_fd(const struct vcdev *dev);

/* ---- Configuration space ---- */

/*
 * Read or write @len bytes at @offset of the configuration region. A short
 * transfer is an error (-EIO). Accesses go to the driver as they are given:
 * vfio-vconfig and vfio-pci split them into aligned pieces themselves.
 */
int vcdev_cfg_read(struct vcdev *dev, unsigned int offset,
		   void *buf, size_t len);
int vcdev_cfg_write(struct vcdev *dev, unsigned int offset,
		    const void *buf, size_t len);

/* Little-endian register helpers. */
int vcdev_cfg_read8(struct vcdev *dev, unsigned int offset,
		    uint8_t *val);
int vcdev_cfg_read16(struct vcdev *dev, unsigned int offset,
		     uint16_t *val);
int vcdev_cfg_read32(struct vcdev *dev, unsigned int offset,
		     uint32_t *val);
int vcdev_cfg_write8(struct vcdev *dev, unsigned int offset,
		     uint8_t val);
int vcdev_cfg_write16(struct vcdev *dev, unsigned int offset,
		      uint16_t val);
int vcdev_cfg_write32(struct vcdev *dev, unsigned int offset,
		      uint32_t val);

/* Size of the configuration region (256 or 4096). */
int vcdev_cfg_size(struct vcdev *dev, unsigned int *size);

/*
 * Offset of capability @id (PCI_CAP_ID_*) in the standard list, or of
 * extended capability @id (PCI_EXT_CAP_ID_*) in the extended list, as the
 * virtual configuration space shows them. -ENOENT when absent. The walks
 * are bounded.
 */
int vcdev_find_cap(struct vcdev *dev, uint8_t id);
int vcdev_find_ext_cap(struct vcdev *dev, uint16_t id);

/* ---- Regions ---- */

#define VCDEV_MAX_MMAP_AREAS	16

struct vcdev_mmap_area {
	uint64_t offset;		/* from the start of the region */
	uint64_t size;
};

struct vcdev_region_info {
	uint32_t index;
	uint32_t flags;			/* VFIO_REGION_INFO_FLAG_* */
	uint64_t size;
	uint64_t fd_offset;		/* of the region in the device fd */
	bool msix_mappable;		/* VFIO_REGION_INFO_CAP_MSIX_MAPPABLE */
	bool sparse;			/* a sparse-mmap capability lists the areas */
	/* Where mmap works: the whole region when it is mappable without a
	 * sparse capability, the listed areas with one, none otherwise. */
	unsigned int nr_mmap_areas;
	struct vcdev_mmap_area mmap_areas[VCDEV_MAX_MMAP_AREAS];
};

/* -EINVAL for an index the device does not have (the VGA region, say). */
int vcdev_get_region_info(struct vcdev *dev, unsigned int index,
			  struct vcdev_region_info *info);

/* read()/write() of a region through the device fd; short is -EIO. */
int vcdev_region_read(struct vcdev *dev, unsigned int index,
		      uint64_t offset, void *buf, size_t len);
int vcdev_region_write(struct vcdev *dev, unsigned int index,
		       uint64_t offset, const void *buf, size_t len);

/* One register of a BAR by read()/write(), of exactly the given width. */
int vcdev_bar_read32(struct vcdev *dev, unsigned int bar,
		     uint64_t offset, uint32_t *val);
int vcdev_bar_write32(struct vcdev *dev, unsigned int bar,
		      uint64_t offset, uint32_t val);
int vcdev_bar_read64(struct vcdev *dev, unsigned int bar,
		     uint64_t offset, uint64_t *val);
int vcdev_bar_write64(struct vcdev *dev, unsigned int bar,
		      uint64_t offset, uint64_t val);

/*
 * Map @size bytes at @offset of region @index (shared, PROT_READ|WRITE
 * as @prot says). The range must lie in one mmap area and be page aligned
 * (-EINVAL otherwise). The mapping lives until vcdev_region_unmap() or
 * the close of the device.
 */
int vcdev_region_mmap(struct vcdev *dev, unsigned int index,
		      uint64_t offset, size_t size, int prot, void **addr);
int vcdev_region_unmap(struct vcdev *dev, void *addr);

/* ---- Interrupts ---- */

struct vcdev_irq_info {
	uint32_t index;
	uint32_t flags;			/* VFIO_IRQ_INFO_* */
	uint32_t count;
};

int vcdev_get_irq_info(struct vcdev *dev, unsigned int index,
		       struct vcdev_irq_info *info);

/*
 * VFIO_DEVICE_SET_IRQS as it is: @flags holds one VFIO_IRQ_SET_DATA_* and
 * one VFIO_IRQ_SET_ACTION_* flag; @data has @count bools (DATA_BOOL) or
 * int32 eventfds (DATA_EVENTFD), and is NULL for DATA_NONE.
 */
int vcdev_irq_set(struct vcdev *dev, unsigned int index,
		  uint32_t flags, unsigned int start, unsigned int count,
		  const void *data);

/* Trigger eventfds of vectors @start..@start+@count-1; -1 clears a slot. */
int vcdev_irq_set_eventfds(struct vcdev *dev, unsigned int index,
			   unsigned int start, unsigned int count,
			   const int *fds);
/* Tear the index down (DATA_NONE | ACTION_TRIGGER with count 0). */
int vcdev_irq_disable(struct vcdev *dev, unsigned int index);
/* Signal the trigger eventfds from the kernel side (loopback). */
int vcdev_irq_trigger(struct vcdev *dev, unsigned int index,
		      unsigned int start, unsigned int count);
int vcdev_irq_mask(struct vcdev *dev, unsigned int index,
		   unsigned int start, unsigned int count);
int vcdev_irq_unmask(struct vcdev *dev, unsigned int index,
		     unsigned int start, unsigned int count);
/* Unmask @index vector @start whenever @fd is signalled (INTx virqfd). */
int vcdev_irq_unmask_eventfd(struct vcdev *dev, unsigned int index,
			     unsigned int start, int fd);

/*
 * Wait up to @timeout_ms (-1: forever) for eventfd @fd. Returns 1 and the
 * counter in @count (may be NULL) when it was signalled, 0 on timeout.
 */
int vcdev_eventfd_wait(int fd, int timeout_ms, uint64_t *count);

/* ---- Config-action mode (vfio-vconfig only) ---- */

/*
 * In config-action mode an MSI/MSI-X configuration write acts: SET_IRQS on
 * the MSI or MSI-X index only arms eventfds, and the write that sets the
 * enable bit allocates the vectors (Documentation/vfio.md). The mode
 * belongs to this open of the device.
 */
enum vcdev_irq_mode {
	VCDEV_IRQ_MODE_VFIO = 0,	/* SET_IRQS enables, as with vfio-pci */
	VCDEV_IRQ_MODE_ACTION = 1,	/* configuration writes enable */
};

struct vcdev_action_state {
	enum vcdev_irq_mode mode;
	uint32_t msi_armed;		/* eventfds armed for MSI */
	uint32_t msix_armed;		/* eventfds armed for MSI-X */
	uint32_t active_vectors;	/* host vectors allocated by writes */
};

/* 1 when the driver offers the mode, 0 when not (vfio-pci). */
int vcdev_action_supported(struct vcdev *dev);
/* -EOPNOTSUPP without the feature; -EBUSY while vectors are allocated. */
int vcdev_set_irq_mode(struct vcdev *dev, enum vcdev_irq_mode mode);
int vcdev_get_action_state(struct vcdev *dev,
			   struct vcdev_action_state *state);

/* ---- Reset ---- */

/* VFIO_DEVICE_RESET; -ENOTTY when the device has no reset method. */
int vcdev_reset(struct vcdev *dev);

/* ---- DMA ---- */

/* Memory mapped for device access at an IOVA of the device's container. */
struct vcdev_dma_buffer {
	void *vaddr;
	uint64_t iova;
	size_t size;			/* rounded up to whole pages */
};

/*
 * Restrict IOVAs allocated from now on for the container of @dev to
 * [@start, @end] (inclusive), for devices with narrow DMA masks. The
 * default is [1 MiB, the end of the first usable IOMMU aperture], also
 * clipped to the valid ranges the IOMMU reports.
 */
int vcdev_dma_set_window(struct vcdev *dev, uint64_t start,
			 uint64_t end);

/*
 * Allocate @size bytes of zeroed page-aligned memory, take an IOVA range
 * for it and map it read/write with VFIO_IOMMU_MAP_DMA. Release with
 * vcdev_dma_free(); the close of the device frees what is left.
 */
int vcdev_dma_alloc(struct vcdev *dev, size_t size,
		    struct vcdev_dma_buffer **out);
void vcdev_dma_free(struct vcdev *dev, struct vcdev_dma_buffer *buf);

/*
 * Map caller memory (page aligned, whole pages) at an allocated IOVA, and
 * unmap it. The caller keeps ownership of the memory; it must stay
 * allocated while mapped.
 */
int vcdev_dma_map(struct vcdev *dev, void *vaddr, size_t size,
		  uint64_t *iova);
int vcdev_dma_unmap(struct vcdev *dev, uint64_t iova);

#ifdef __cplusplus
}
#endif

#if !defined(__KERNEL__) && defined(__GNUC__)
#pragma GCC visibility pop
#endif

#endif /* VCONFIG_LIBVCONFIG_H */
