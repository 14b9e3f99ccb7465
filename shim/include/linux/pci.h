/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: <linux/pci.h> for a kernel PCI driver that runs as a
 * process over a VFIO device opened with libvconfig.
 *
 * Configuration accesses go to the VFIO configuration region. On
 * vfio-vconfig the device is opened in config-action mode, so the writes a
 * driver makes act as on hardware (Tom Lyon's model): the MSI or MSI-X
 * enable bit written by pci_alloc_irq_vectors() allocates the host vectors,
 * an FLR written to Device Control resets the function. On vfio-pci the
 * same calls fall back to VFIO_DEVICE_SET_IRQS and VFIO_DEVICE_RESET.
 *
 * The uapi header of the same name comes first: it brings pci_regs.h.
 */
#ifndef VCONFIG_SHIM_LINUX_PCI_H
#define VCONFIG_SHIM_LINUX_PCI_H

#include_next <linux/pci.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/errno.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/kernel.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/pci_ids.h>
#include <linux/types.h>

#define PCI_STD_NUM_BARS	6
#define PCI_ROM_RESOURCE	6
#define PCI_NUM_RESOURCES	7

#define PCI_DEVICE(vend, dev) \
	.vendor = (vend), .device = (dev), \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_DEVICE_SUB(vend, dev, subvend, subdev) \
	.vendor = (vend), .device = (dev), \
	.subvendor = (subvend), .subdevice = (subdev)
#define PCI_DEVICE_CLASS(dev_class, dev_class_mask) \
	.class = (dev_class), .class_mask = (dev_class_mask), \
	.vendor = PCI_ANY_ID, .device = PCI_ANY_ID, \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID
#define PCI_VDEVICE(vend, dev) \
	.vendor = PCI_VENDOR_ID_##vend, .device = (dev), \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0

#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

/* Return values of the configuration accessors. */
#define PCIBIOS_SUCCESSFUL		0x00
#define PCIBIOS_DEVICE_NOT_FOUND	0x86
#define PCIBIOS_BAD_REGISTER_NUMBER	0x87

static inline int pcibios_err_to_errno(int err)
{
	if (err <= PCIBIOS_SUCCESSFUL)
		return err;
	return err == PCIBIOS_DEVICE_NOT_FOUND ? -ENODEV : -EINVAL;
}

/* Flags of pci_alloc_irq_vectors() */
#define PCI_IRQ_LEGACY		(1 << 0)
#define PCI_IRQ_INTX		PCI_IRQ_LEGACY
#define PCI_IRQ_MSI		(1 << 1)
#define PCI_IRQ_MSIX		(1 << 2)
#define PCI_IRQ_AFFINITY	(1 << 3)
#define PCI_IRQ_ALL_TYPES	(PCI_IRQ_LEGACY | PCI_IRQ_MSI | PCI_IRQ_MSIX)

struct pci_bus {
	unsigned char number;
};

struct pci_driver;

struct pci_dev {
	struct device dev;
	struct pci_bus *bus;
	unsigned int devfn;
	unsigned short vendor;
	unsigned short device;
	unsigned short subsystem_vendor;
	unsigned short subsystem_device;
	unsigned int class;		/* base, sub-class, prog-if */
	u8 revision;
	u8 hdr_type;
	u8 pin;
	u8 msi_cap;
	u8 msix_cap;
	u16 pcie_cap;
	u64 dma_mask;
	unsigned int irq;		/* INTx, or the first MSI vector */
	unsigned int msi_enabled:1;
	unsigned int msix_enabled:1;
	unsigned int is_busmaster:1;
	struct pci_driver *driver;
	struct resource resource[PCI_NUM_RESOURCES];
};

#define to_pci_dev(d)	container_of(d, struct pci_dev, dev)

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	struct device_driver driver;
	struct pci_driver *vcshim_next;
};

int pci_register_driver(struct pci_driver *drv);
void pci_unregister_driver(struct pci_driver *drv);

#define module_pci_driver(__pci_driver) \
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)

static inline const char *pci_name(const struct pci_dev *pdev)
{
	return dev_name(&pdev->dev);
}

static inline void *pci_get_drvdata(struct pci_dev *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void pci_set_drvdata(struct pci_dev *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

/* Configuration space */
int pci_read_config_byte(const struct pci_dev *dev, int where, u8 *val);
int pci_read_config_word(const struct pci_dev *dev, int where, u16 *val);
int pci_read_config_dword(const struct pci_dev *dev, int where, u32 *val);
int pci_write_config_byte(const struct pci_dev *dev, int where, u8 val);
int pci_write_config_word(const struct pci_dev *dev, int where, u16 val);
int pci_write_config_dword(const struct pci_dev *dev, int where, u32 val);
u8 pci_find_capability(struct pci_dev *dev, int cap);
u16 pci_find_ext_capability(struct pci_dev *dev, int cap);
int pcie_capability_read_word(struct pci_dev *dev, int pos, u16 *val);
int pcie_capability_read_dword(struct pci_dev *dev, int pos, u32 *val);
int pcie_capability_write_word(struct pci_dev *dev, int pos, u16 val);
int pcie_capability_clear_and_set_word(struct pci_dev *dev, int pos,
				       u16 clear, u16 set);

static inline bool pci_is_pcie(struct pci_dev *dev)
{
	return dev->pcie_cap != 0;
}

/* Enabling, bus mastering, reset */
int pci_enable_device(struct pci_dev *dev);
int pci_enable_device_mem(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
int pci_reset_function(struct pci_dev *dev);
#define pci_reset_function_locked(dev)	pci_reset_function(dev)
#define pci_try_reset_function(dev)	pci_reset_function(dev)

/* The VFIO device is this process's alone: there is nothing to reserve. */
static inline int pci_request_regions(struct pci_dev *dev, const char *name)
{
	(void)dev, (void)name;
	return 0;
}

static inline void pci_release_regions(struct pci_dev *dev)
{
	(void)dev;
}

#define pci_request_region(dev, bar, name)	pci_request_regions(dev, name)
#define pci_release_region(dev, bar)		pci_release_regions(dev)

/* BARs */
#define pci_resource_start(dev, bar)	((dev)->resource[(bar)].start)
#define pci_resource_end(dev, bar)	((dev)->resource[(bar)].end)
#define pci_resource_flags(dev, bar)	((dev)->resource[(bar)].flags)
#define pci_resource_len(dev, bar)					\
	((pci_resource_end((dev), (bar)) == 0) ? 0 :			\
	 (pci_resource_end((dev), (bar)) - pci_resource_start((dev), (bar)) + 1))

void __iomem *pci_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void __iomem *pci_iomap_range(struct pci_dev *dev, int bar,
			      unsigned long offset, unsigned long maxlen);
void pci_iounmap(struct pci_dev *dev, void __iomem *addr);
#define pci_ioremap_bar(dev, bar)	pci_iomap(dev, bar, 0)

/* Interrupts */
int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
			  unsigned int max_vecs, unsigned int flags);
void pci_free_irq_vectors(struct pci_dev *dev);
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
int pci_msix_vec_count(struct pci_dev *dev);
int pci_msi_vec_count(struct pci_dev *dev);

static inline int pci_enable_msi(struct pci_dev *dev)
{
	int ret = pci_alloc_irq_vectors(dev, 1, 1, PCI_IRQ_MSI);

	return ret < 0 ? ret : 0;
}

#define pci_disable_msi(dev)	pci_free_irq_vectors(dev)
#define pci_disable_msix(dev)	pci_free_irq_vectors(dev)

static inline int pci_set_dma_mask(struct pci_dev *dev, u64 mask)
{
	return dma_set_mask(&dev->dev, mask);
}

#endif /* VCONFIG_SHIM_LINUX_PCI_H */
