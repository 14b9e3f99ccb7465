// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace PCI shim: PCI devices over libvconfig, drivers and their
 * matching, configuration space, enabling, reset and BAR mappings.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <linux/delay.h>
#include <linux/pci.h>

#include "shim.h"

static struct pci_driver *drivers;
static struct vcshim_pci *devices;
static pthread_mutex_t devices_lock = PTHREAD_MUTEX_INITIALIZER;

uintptr_t vcshim_slow_io_lo = UINTPTR_MAX, vcshim_slow_io_hi;

static size_t page_size(void)
{
	return sysconf(_SC_PAGESIZE);
}

/* ---- configuration space ---- */

int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val)
{
	if (where < 0 || vcdev_cfg_read8(vcshim_of(dev)->vdev, where, val)) {
		*val = 0xff;
		return PCIBIOS_DEVICE_NOT_FOUND;
	}
	return PCIBIOS_SUCCESSFUL;
}

int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val)
{
	if (where < 0 || vcdev_cfg_read16(vcshim_of(dev)->vdev, where, val)) {
		*val = 0xffff;
		return PCIBIOS_DEVICE_NOT_FOUND;
	}
	return PCIBIOS_SUCCESSFUL;
}

int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val)
{
	if (where < 0 || vcdev_cfg_read32(vcshim_of(dev)->vdev, where, val)) {
		*val = 0xffffffff;
		return PCIBIOS_DEVICE_NOT_FOUND;
	}
	return PCIBIOS_SUCCESSFUL;
}

int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val)
{
	if (where < 0 || vcdev_cfg_write8(vcshim_of(dev)->vdev, where, val))
		return PCIBIOS_DEVICE_NOT_FOUND;
	return PCIBIOS_SUCCESSFUL;
}

int pci_write_config_word(const struct pci_dev *dev, int where, u16 val)
{
	if (where < 0 || vcdev_cfg_write16(vcshim_of(dev)->vdev, where, val))
		return PCIBIOS_DEVICE_NOT_FOUND;
	return PCIBIOS_SUCCESSFUL;
}

int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val)
{
	if (where < 0 || vcdev_cfg_write32(vcshim_of(dev)->vdev, where, val))
		return PCIBIOS_DEVICE_NOT_FOUND;
	return PCIBIOS_SUCCESSFUL;
}

u8 pci_find_capability(struct pci_dev *dev, int cap)
{
	int pos = vcdev_find_cap(vcshim_of(dev)->vdev, cap);

	return pos > 0 ? pos : 0;
}

u16 pci_find_ext_capability(struct pci_dev *dev, int cap)
{
	int pos = vcdev_find_ext_cap(vcshim_of(dev)->vdev, cap);

	return pos > 0 ? pos : 0;
}

int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val)
{
	if (!dev->pcie_cap) {
		*val = 0;
		return -EINVAL;
	}
	return pcibios_err_to_errno(pci_read_config_word(dev, dev->pcie_cap + pos, val));
}

int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val)
{
	if (!dev->pcie_cap) {
		*val = 0;
		return -EINVAL;
	}
	return pcibios_err_to_errno(pci_read_config_dword(dev, dev->pcie_cap + pos, val));
}

int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val)
{
	if (!dev->pcie_cap)
		return -EINVAL;
	return pcibios_err_to_errno(pci_write_config_word(dev, dev->pcie_cap + pos, val));
}

int pcie_capability_clear_and_set_word(struct pci_dev *dev, int pos,
				       u16 clear, u16 set)
{
	u16 val;
	int ret = pcie_capability_read_word(dev, pos, &val);

	if (ret)
		return ret;
	return pcie_capability_write_word(dev, pos, (val & ~clear) | set);
}

/* ---- enabling, bus mastering, reset ---- */

static int update_command(struct pci_dev *dev, u16 clear, u16 set)
{
	u16 cmd, new;

	if (pci_read_config_word(dev, PCI_COMMAND, &cmd))
		return -ENODEV;
	new = (cmd & ~clear) | set;
	if (new != cmd && pci_write_config_word(dev, PCI_COMMAND, new))
		return -EIO;
	return 0;
}

/* Turn on decoding for the kinds of BAR the device has, as the kernel does. */
static int enable_resources(struct pci_dev *dev, unsigned long kinds)
{
	u16 set = 0;
	int i;

	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		unsigned long flags = dev->resource[i].flags & kinds;

		if (i == PCI_ROM_RESOURCE)
			continue;
		if (flags & IORESOURCE_IO)
			set |= PCI_COMMAND_IO;
		if (flags & IORESOURCE_MEM)
			set |= PCI_COMMAND_MEMORY;
	}
	return update_command(dev, 0, set);
}

int pci_enable_device(struct pci_dev *dev)
{
	return enable_resources(dev, IORESOURCE_IO | IORESOURCE_MEM);
}

int pci_enable_device_mem(struct pci_dev *dev)
{
	return enable_resources(dev, IORESOURCE_MEM);
}

void pci_disable_device(struct pci_dev *dev)
{
	pci_clear_master(dev);
}

void pci_set_master(struct pci_dev *dev)
{
	if (!update_command(dev, 0, PCI_COMMAND_MASTER))
		dev->is_busmaster = 1;
}

void pci_clear_master(struct pci_dev *dev)
{
	if (!update_command(dev, PCI_COMMAND_MASTER, 0))
		dev->is_busmaster = 0;
}

/*
 * FLR by the config write a kernel driver would make (vfio-vconfig and
 * vfio-pci both act on it), else VFIO_DEVICE_RESET. Command and the enabled
 * MSI/MSI-X control are written back afterwards, as the kernel restores the
 * saved state; the enable write allocates the vectors again.
 */
int pci_reset_function(struct pci_dev *dev)
{
	struct vcshim_pci *sp = vcshim_of(dev);
	u16 cmd, ctrl = 0, ctrl_pos = 0;
	u32 devcap = 0;
	int ret = 0;

	pci_read_config_word(dev, PCI_COMMAND, &cmd);
	if (dev->msi_enabled)
		ctrl_pos = dev->msi_cap + PCI_MSI_FLAGS;
	else if (dev->msix_enabled)
		ctrl_pos = dev->msix_cap + PCI_MSIX_FLAGS;
	if (ctrl_pos)
		pci_read_config_word(dev, ctrl_pos, &ctrl);

	if (dev->pcie_cap)
		pcie_capability_read_dword(dev, PCI_EXP_DEVCAP, &devcap);
	if (devcap & PCI_EXP_DEVCAP_FLR) {
		dev_dbg(&dev->dev, "reset: FLR through Device Control\n");
		ret = pcie_capability_clear_and_set_word(dev, PCI_EXP_DEVCTL, 0,
							 PCI_EXP_DEVCTL_BCR_FLR);
		msleep(100);
	} else {
		dev_dbg(&dev->dev, "reset: VFIO_DEVICE_RESET\n");
		ret = vcdev_reset(sp->vdev);
	}
	if (ret)
		return ret;

	pci_write_config_word(dev, PCI_COMMAND, cmd);
	if (ctrl_pos) {
		pci_write_config_word(dev, ctrl_pos, ctrl & ~(dev->msi_enabled ?
			PCI_MSI_FLAGS_ENABLE : PCI_MSIX_FLAGS_ENABLE));
		pci_write_config_word(dev, ctrl_pos, ctrl);
	}
	return 0;
}

/* ---- BAR mappings ---- */

static struct vcshim_map *free_map(struct vcshim_pci *sp)
{
	int i;

	for (i = 0; i < VCSHIM_MAX_MAPS; i++)
		if (!sp->maps[i].addr)
			return &sp->maps[i];
	return NULL;
}

/* Whether [off, off + len) lies in one of the region's mmap areas. */
static bool mappable(const struct vcdev_region_info *info, u64 off, u64 len)
{
	unsigned int i;

	if (!(info->flags & VFIO_REGION_INFO_FLAG_MMAP))
		return false;
	for (i = 0; i < info->nr_mmap_areas; i++) {
		const struct vcdev_mmap_area *a = &info->mmap_areas[i];

		if (off >= a->offset && off + len <= a->offset + a->size)
			return true;
	}
	return false;
}

void __iomem *pci_iomap_range(struct pci_dev *dev, int bar,
			      unsigned long offset, unsigned long maxlen)
{
	struct vcshim_pci *sp = vcshim_of(dev);
	struct vcdev_region_info info;
	struct vcshim_map *map;
	u64 start, end, len;
	size_t page = page_size();
	void *addr = NULL;
	int ret;

	if (bar < 0 || bar >= PCI_STD_NUM_BARS ||
	    vcdev_get_region_info(sp->vdev, bar, &info) || offset >= info.size)
		return NULL;
	len = info.size - offset;
	if (maxlen && maxlen < len)
		len = maxlen;
	map = free_map(sp);
	if (!map)
		return NULL;

	start = offset & ~(u64)(page - 1);
	end = (offset + len + page - 1) & ~(u64)(page - 1);
	if (!(pci_resource_flags(dev, bar) & IORESOURCE_IO) &&
	    mappable(&info, start, end - start)) {
		ret = vcdev_region_mmap(sp->vdev, bar, start, end - start,
					PROT_READ | PROT_WRITE, &addr);
		if (ret) {
			dev_err(&dev->dev, "cannot map BAR%d: %s\n", bar,
				vcdev_last_error());
			return NULL;
		}
		*map = (struct vcshim_map){ addr, end - start, bar, start, false };
		dev_dbg(&dev->dev, "BAR%d: %#llx bytes mapped at %p\n",
			bar, end - start, addr);
		return (char *)addr + (offset - start);
	}

	/* An address range that faults if touched, served by ioread/iowrite. */
	addr = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (addr == MAP_FAILED)
		return NULL;
	*map = (struct vcshim_map){ addr, len, bar, offset, true };
	pthread_mutex_lock(&devices_lock);
	if ((uintptr_t)addr < vcshim_slow_io_lo)
		vcshim_slow_io_lo = (uintptr_t)addr;
	if ((uintptr_t)addr + len > vcshim_slow_io_hi)
		vcshim_slow_io_hi = (uintptr_t)addr + len;
	pthread_mutex_unlock(&devices_lock);
	dev_dbg(&dev->dev, "BAR%d: %#llx bytes through read/write at %p\n",
		bar, len, addr);
	return addr;
}

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen)
{
	return pci_iomap_range(dev, bar, 0, maxlen);
}

static struct vcshim_map *find_map(struct vcshim_pci *sp, const volatile void *addr)
{
	uintptr_t a = (uintptr_t)addr;
	int i;

	for (i = 0; i < VCSHIM_MAX_MAPS; i++) {
		struct vcshim_map *m = &sp->maps[i];

		if (m->addr && a >= (uintptr_t)m->addr && a < (uintptr_t)m->addr + m->len)
			return m;
	}
	return NULL;
}

static void unmap(struct vcshim_pci *sp, struct vcshim_map *m)
{
	if (m->slow)
		munmap(m->addr, m->len);
	else
		vcdev_region_unmap(sp->vdev, m->addr);
	m->addr = NULL;
}

void pci_iounmap(struct pci_dev *dev, void __iomem *addr)
{
	struct vcshim_pci *sp = vcshim_of(dev);
	struct vcshim_map *m = find_map(sp, addr);

	if (m)
		unmap(sp, m);
}

void vcshim_pci_unmap_all(struct vcshim_pci *sp)
{
	int i;

	for (i = 0; i < VCSHIM_MAX_MAPS; i++)
		if (sp->maps[i].addr)
			unmap(sp, &sp->maps[i]);
}

/* The device and offset in its BAR behind a slow-path address. */
static struct vcshim_pci *slow_target(const volatile void *addr,
				      unsigned int *bar, u64 *offset)
{
	struct vcshim_pci *sp;
	struct vcshim_map *m = NULL;

	pthread_mutex_lock(&devices_lock);
	for (sp = devices; sp; sp = sp->next) {
		m = find_map(sp, addr);
		if (m && m->slow)
			break;
	}
	pthread_mutex_unlock(&devices_lock);
	if (!sp)
		return NULL;
	*bar = m->bar;
	*offset = m->offset + ((uintptr_t)addr - (uintptr_t)m->addr);
	return sp;
}

u64 vcshim_slow_read(const volatile void __iomem *addr, unsigned int size)
{
	unsigned int bar;
	u64 offset, val = 0;
	struct vcshim_pci *sp = slow_target(addr, &bar, &offset);

	if (!sp || vcdev_region_read(sp->vdev, bar, offset, &val, size))
		return ~0ULL >> (64 - 8 * size);
	return val;
}

void vcshim_slow_write(u64 val, volatile void __iomem *addr, unsigned int size)
{
	unsigned int bar;
	u64 offset;
	struct vcshim_pci *sp = slow_target(addr, &bar, &offset);

	if (sp)
		vcdev_region_write(sp->vdev, bar, offset, &val, size);
}

/* ---- devices ---- */

/* Host address of a BAR from sysfs; 0 when sysfs does not say. */
static u64 sysfs_bar_start(const char *bdf, int bar)
{
	char path[128], line[128];
	unsigned long long start = 0, end, flags;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource", bdf);
	f = fopen(path, "r");
	if (!f)
		return 0;
	for (i = 0; i <= bar && fgets(line, sizeof(line), f); i++)
		if (i == bar && sscanf(line, "%llx %llx %llx", &start, &end, &flags) != 3)
			start = 0;
	fclose(f);
	return start;
}

static void read_resources(struct vcshim_pci *sp)
{
	struct pci_dev *dev = &sp->pdev;
	struct vcdev_region_info info;
	int i;

	for (i = 0; i < PCI_NUM_RESOURCES; i++) {
		struct resource *res = &dev->resource[i];
		u32 bar = 0;
		u64 start;

		if (vcdev_get_region_info(sp->vdev, i, &info) || !info.size)
			continue;
		res->name = dev->dev.name;
		if (i == PCI_ROM_RESOURCE) {
			res->flags = IORESOURCE_MEM | IORESOURCE_READONLY;
		} else {
			pci_read_config_dword(dev, PCI_BASE_ADDRESS_0 + 4 * i, &bar);
			if (bar & PCI_BASE_ADDRESS_SPACE_IO) {
				res->flags = IORESOURCE_IO;
			} else {
				res->flags = IORESOURCE_MEM;
				if ((bar & PCI_BASE_ADDRESS_MEM_TYPE_MASK) ==
				    PCI_BASE_ADDRESS_MEM_TYPE_64)
					res->flags |= IORESOURCE_MEM_64;
				if (bar & PCI_BASE_ADDRESS_MEM_PREFETCH)
					res->flags |= IORESOURCE_PREFETCH;
			}
		}
		start = sysfs_bar_start(dev->dev.name, i);
		if (!start)
			start = bar & (res->flags & IORESOURCE_IO ?
				       PCI_BASE_ADDRESS_IO_MASK : PCI_BASE_ADDRESS_MEM_MASK);
		res->start = start;
		res->end = start + info.size - 1;
	}
}

struct vcshim_pci *vcshim_pci_open(const char *bdf)
{
	struct vcdev_info info;
	struct vcdev_irq_info irq;
	struct vcshim_pci *sp;
	struct pci_dev *dev;
	unsigned int dom, bus, slot, fn;
	u32 class_rev = 0;
	u16 ss = 0;
	int ret;

	sp = calloc(1, sizeof(*sp));
	if (!sp)
		return NULL;
	ret = vcdev_open(bdf, &sp->vdev);
	if (!ret)
		ret = vcdev_get_info(sp->vdev, &info);
	if (ret) {
		pr_err("%s\n", vcdev_last_error()[0] ? vcdev_last_error() : strerror(-ret));
		if (sp->vdev)
			vcdev_close(sp->vdev);
		free(sp);
		return NULL;
	}
	dev = &sp->pdev;
	dev->dev.vcshim = sp;
	sp->irq_index = -1;
	pthread_mutex_init(&sp->dma_lock, NULL);
	snprintf(dev->dev.name, sizeof(dev->dev.name), "%s", info.bdf);
	if (sscanf(info.bdf, "%x:%x:%x.%x", &dom, &bus, &slot, &fn) == 4) {
		sp->bus.number = bus;
		dev->devfn = PCI_DEVFN(slot, fn);
	}
	dev->bus = &sp->bus;

	pci_read_config_word(dev, PCI_VENDOR_ID, &dev->vendor);
	pci_read_config_word(dev, PCI_DEVICE_ID, &dev->device);
	pci_read_config_dword(dev, PCI_CLASS_REVISION, &class_rev);
	dev->class = class_rev >> 8;
	dev->revision = class_rev & 0xff;
	pci_read_config_byte(dev, PCI_HEADER_TYPE, &dev->hdr_type);
	pci_read_config_word(dev, PCI_SUBSYSTEM_VENDOR_ID, &ss);
	dev->subsystem_vendor = ss;
	pci_read_config_word(dev, PCI_SUBSYSTEM_ID, &ss);
	dev->subsystem_device = ss;
	pci_read_config_byte(dev, PCI_INTERRUPT_PIN, &dev->pin);
	dev->msi_cap = pci_find_capability(dev, PCI_CAP_ID_MSI);
	dev->msix_cap = pci_find_capability(dev, PCI_CAP_ID_MSIX);
	dev->pcie_cap = pci_find_capability(dev, PCI_CAP_ID_EXP);
	read_resources(sp);

	/* The kernel's default for a PCI device: 32-bit DMA. */
	dev->dma_mask = DMA_BIT_MASK(32);
	dev->dev.dma_mask = &dev->dma_mask;
	dev->dev.coherent_dma_mask = DMA_BIT_MASK(32);
	dma_set_mask(&dev->dev, DMA_BIT_MASK(32));

	/* Tom Lyon's model: MSI/MSI-X enable writes allocate host vectors. */
	if (vcdev_action_supported(sp->vdev) == 1 &&
	    !vcdev_set_irq_mode(sp->vdev, VCDEV_IRQ_MODE_ACTION))
		sp->action_mode = true;

	if (dev->pin && !vcdev_get_irq_info(sp->vdev, VFIO_PCI_INTX_IRQ_INDEX, &irq) &&
	    irq.count) {
		ret = vcshim_irq_create(sp, VFIO_PCI_INTX_IRQ_INDEX, 0, false);
		if (ret > 0)
			sp->intx_irq = dev->irq = ret;
	}

	pr_debug("%s: %04x:%04x class %06x on %s%s\n", dev->dev.name, dev->vendor,
		 dev->device, dev->class, info.driver,
		 sp->action_mode ? ", config-action mode" : "");
	pthread_mutex_lock(&devices_lock);
	sp->next = devices;
	devices = sp;
	pthread_mutex_unlock(&devices_lock);
	return sp;
}

/* After the driver is gone: what it left behind, then the device. */
void vcshim_pci_close(struct vcshim_pci *sp)
{
	struct vcshim_pci **p;

	vcshim_irq_release_device(sp);
	vcshim_pci_unmap_all(sp);
	vcshim_dma_release_device(sp);
	pthread_mutex_lock(&devices_lock);
	for (p = &devices; *p; p = &(*p)->next) {
		if (*p == sp) {
			*p = sp->next;
			break;
		}
	}
	pthread_mutex_unlock(&devices_lock);
	if (sp->intx_irq)
		vcshim_irq_destroy(sp->intx_irq);
	vcdev_close(sp->vdev);
	free(sp);
}

/* ---- drivers ---- */

static bool id_matches(const struct pci_device_id *id, const struct pci_dev *dev)
{
	return (id->vendor == (u32)PCI_ANY_ID || id->vendor == dev->vendor) &&
	       (id->device == (u32)PCI_ANY_ID || id->device == dev->device) &&
	       (id->subvendor == (u32)PCI_ANY_ID || id->subvendor == dev->subsystem_vendor) &&
	       (id->subdevice == (u32)PCI_ANY_ID || id->subdevice == dev->subsystem_device) &&
	       !((id->class ^ dev->class) & id->class_mask);
}

static const struct pci_device_id *match_id(const struct pci_driver *drv,
					    const struct pci_dev *dev)
{
	const struct pci_device_id *id;

	for (id = drv->id_table; id && (id->vendor || id->subvendor || id->class_mask); id++)
		if (id_matches(id, dev))
			return id;
	return NULL;
}

static int probe(struct pci_driver *drv, struct vcshim_pci *sp)
{
	struct pci_dev *dev = &sp->pdev;
	const struct pci_device_id *id = match_id(drv, dev);
	int ret;

	if (!id)
		return -ENODEV;
	dev->driver = drv;
	dev->dev.driver = &drv->driver;
	ret = drv->probe(dev, id);
	if (ret) {
		pr_warn("%s: probe of %s failed with error %d\n", drv->name,
			dev->dev.name, ret);
		dev->driver = NULL;
		dev->dev.driver = NULL;
		vcshim_irq_release_device(sp);
		vcshim_pci_unmap_all(sp);
		vcshim_dma_release_device(sp);
	}
	return ret;
}

/* Probe @sp with the first registered driver that matches it. */
int vcshim_pci_attach(struct vcshim_pci *sp)
{
	struct pci_driver *drv;

	for (drv = drivers; drv; drv = drv->vcshim_next)
		if (match_id(drv, &sp->pdev))
			return probe(drv, sp);
	return -ENODEV;
}

int pci_register_driver(struct pci_driver *drv)
{
	struct vcshim_pci *sp;

	drv->driver.name = drv->name;
	drv->vcshim_next = drivers;
	drivers = drv;
	/* As in the kernel, a new driver is offered the devices nobody has. */
	for (sp = devices; sp; sp = sp->next)
		if (!sp->pdev.driver && match_id(drv, &sp->pdev))
			probe(drv, sp);
	return 0;
}

void pci_unregister_driver(struct pci_driver *drv)
{
	struct pci_driver **p;
	struct vcshim_pci *sp;

	for (sp = devices; sp; sp = sp->next) {
		if (sp->pdev.driver != drv)
			continue;
		if (drv->remove)
			drv->remove(&sp->pdev);
		sp->pdev.driver = NULL;
		vcshim_irq_release_device(sp);
		vcshim_pci_unmap_all(sp);
		vcshim_dma_release_device(sp);
		sp->pdev.dev.driver = NULL;
	}
	for (p = &drivers; *p; p = &(*p)->vcshim_next) {
		if (*p == drv) {
			*p = drv->vcshim_next;
			break;
		}
	}
}
