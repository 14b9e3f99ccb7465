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
#ifndef _VCSHIM_LINUX_PCI_H
#define _VCSHIM_LINUX_PCI_H

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
#include <linux/atomic.h>
#include <linux/list.h>
#include <linux/pm.h>
#include <linux/slab.h>
#include <linux/resource_ext.h>
#include <linux/pci_ids.h>
#include <linux/pci-dma-compat.h>

#define PCI_STATUS_ERROR_BITS (PCI_STATUS_DETECTED_PARITY  | \
			       PCI_STATUS_SIG_SYSTEM_ERROR | \
			       PCI_STATUS_REC_MASTER_ABORT | \
			       PCI_STATUS_REC_TARGET_ABORT | \
			       PCI_STATUS_SIG_TARGET_ABORT | \
			       PCI_STATUS_PARITY)

#define PCI_STD_NUM_BARS	6
#define PCI_ROM_RESOURCE	6
#define PCI_NUM_RESOURCES	7
#define DEVICE_COUNT_RESOURCE	PCI_NUM_RESOURCES
#define PCI_BRIDGE_RESOURCES	7

typedef int pci_power_t;
#define PCI_D0		((pci_power_t)0)
#define PCI_D1		((pci_power_t)1)
#define PCI_D2		((pci_power_t)2)
#define PCI_D3hot	((pci_power_t)3)
#define PCI_D3cold	((pci_power_t)4)
#define PCI_UNKNOWN	((pci_power_t)5)
#define PCI_POWER_ERROR	((pci_power_t)-1)

typedef unsigned int pci_channel_state_t;
#define pci_channel_io_normal		((pci_channel_state_t)1)
#define pci_channel_io_frozen		((pci_channel_state_t)2)
#define pci_channel_io_perm_failure	((pci_channel_state_t)3)
typedef unsigned int pci_ers_result_t;
#define PCI_ERS_RESULT_NONE		((pci_ers_result_t)1)
#define PCI_ERS_RESULT_CAN_RECOVER	((pci_ers_result_t)2)
#define PCI_ERS_RESULT_NEED_RESET	((pci_ers_result_t)3)
#define PCI_ERS_RESULT_DISCONNECT	((pci_ers_result_t)4)
#define PCI_ERS_RESULT_RECOVERED	((pci_ers_result_t)5)
#define PCI_ERS_RESULT_NO_AER_DRIVER	((pci_ers_result_t)6)

struct pci_dev;
struct pci_error_handlers {
	pci_ers_result_t (*error_detected)(struct pci_dev *dev, pci_channel_state_t error);
	pci_ers_result_t (*mmio_enabled)(struct pci_dev *dev);
	pci_ers_result_t (*slot_reset)(struct pci_dev *dev);
	void (*reset_prepare)(struct pci_dev *dev);
	void (*reset_done)(struct pci_dev *dev);
	void (*resume)(struct pci_dev *dev);
};

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
#define PCI_DEVICE_DATA(vend, dev, data) \
	.vendor = PCI_VENDOR_ID_##vend, .device = PCI_DEVICE_ID_##vend##_##dev, \
	.subvendor = PCI_ANY_ID, .subdevice = PCI_ANY_ID, 0, 0, \
	.driver_data = (kernel_ulong_t)(data)

#define PCI_DEVFN(slot, func)	((((slot) & 0x1f) << 3) | ((func) & 0x07))
#define PCI_SLOT(devfn)		(((devfn) >> 3) & 0x1f)
#define PCI_FUNC(devfn)		((devfn) & 0x07)

/* Return values of the configuration accessors. */
#define PCIBIOS_SUCCESSFUL		0x00
#define PCIBIOS_DEVICE_NOT_FOUND	0x86
#define PCIBIOS_FUNC_NOT_SUPPORTED	0x81
#define PCIBIOS_BAD_VENDOR_ID		0x83
#define PCIBIOS_BAD_REGISTER_NUMBER	0x87
#define PCIBIOS_SET_FAILED		0x88
#define PCIBIOS_BUFFER_TOO_SMALL	0x89

static inline int pcibios_err_to_errno(int err)
{
	if (err <= PCIBIOS_SUCCESSFUL)
		return err;
	switch (err) {
	case PCIBIOS_FUNC_NOT_SUPPORTED:
		return -ENOENT;
	case PCIBIOS_BAD_VENDOR_ID:
		return -ENOTTY;
	case PCIBIOS_DEVICE_NOT_FOUND:
		return -ENODEV;
	case PCIBIOS_BAD_REGISTER_NUMBER:
		return -EFAULT;
	case PCIBIOS_SET_FAILED:
		return -EIO;
	case PCIBIOS_BUFFER_TOO_SMALL:
		return -ENOSPC;
	}
	return -ERANGE;
}

/* Flags of pci_alloc_irq_vectors() */
#define PCI_IRQ_LEGACY		(1 << 0)
#define PCI_IRQ_INTX		PCI_IRQ_LEGACY
#define PCI_IRQ_MSI		(1 << 1)
#define PCI_IRQ_MSIX		(1 << 2)
#define PCI_IRQ_AFFINITY	(1 << 3)
#define PCI_IRQ_ALL_TYPES	(PCI_IRQ_LEGACY | PCI_IRQ_MSI | PCI_IRQ_MSIX)

struct pci_bus {
	struct pci_bus *parent;
	struct pci_dev *self;		/* NULL: the host bridge is not ours */
	unsigned char number;
	int domain_nr;
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
	u8 pm_cap;
	u8 pcie_cap;
	u8 pcix_cap;
	u16 pcie_flags_reg;
	u64 dma_mask;
	pci_power_t current_state;
	unsigned int irq;		/* INTx, or the first MSI vector */
	unsigned int cfg_size;
	unsigned int msi_enabled:1;
	unsigned int msix_enabled:1;
	unsigned int is_busmaster:1;
	unsigned int is_managed:1;	/* pcim_enable_device() */
	unsigned int state_saved:1;
	unsigned int is_virtfn:1;
	unsigned int is_physfn:1;
	unsigned int multifunction:1;
	unsigned int no_msi:1;
	unsigned int broken_intx_masking:1;
	unsigned int untrusted:1;
	unsigned int d3hot_delay;
	unsigned int d3cold_delay;
	u32 saved_config_space[16];
	atomic_t enable_cnt;
	struct pci_driver *driver;
	struct resource resource[PCI_NUM_RESOURCES];
	pci_channel_state_t error_state;
	struct list_head bus_list;
};

#define for_each_pci_bridge(dev, bus)	for (dev = NULL; dev; )
#define pci_dev_msi_enabled(d)	((d)->msi_enabled || (d)->msix_enabled)

#define to_pci_dev(d)	container_of(d, struct pci_dev, dev)

struct pci_driver {
	const char *name;
	const struct pci_device_id *id_table;
	int (*probe)(struct pci_dev *dev, const struct pci_device_id *id);
	void (*remove)(struct pci_dev *dev);
	int (*suspend)(struct pci_dev *dev, pm_message_t state);
	int (*resume)(struct pci_dev *dev);
	void (*shutdown)(struct pci_dev *dev);
	int (*sriov_configure)(struct pci_dev *dev, int num_vfs);
	const struct pci_error_handlers *err_handler;
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	struct device_driver driver;
	bool driver_managed_dma;
	struct pci_driver *vcshim_next;
};

#define to_pci_driver(drv)	container_of(drv, struct pci_driver, driver)

int pci_register_driver(struct pci_driver *drv);
const struct pci_device_id *pci_match_id(const struct pci_device_id *ids,
					 struct pci_dev *dev);
#define __pci_register_driver(drv, owner, name)	pci_register_driver(drv)
#define pci_sriov_configure_simple	NULL
void pci_unregister_driver(struct pci_driver *drv);

#define module_pci_driver(__pci_driver) \
	module_driver(__pci_driver, pci_register_driver, pci_unregister_driver)

/* No error recovery: a function the program holds is never offline. */
static inline bool pci_channel_offline(struct pci_dev *pdev)
{
	return pdev->error_state != pci_channel_io_normal;
}

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

int pci_find_next_capability(struct pci_dev *dev, u8 pos, int cap);
int pcie_capability_write_dword(struct pci_dev *dev, int pos, u32 val);
int pcie_capability_clear_and_set_dword(struct pci_dev *dev, int pos,
					u32 clear, u32 set);
#define pcie_capability_set_word(dev, pos, set) \
	pcie_capability_clear_and_set_word(dev, pos, 0, set)
#define pcie_capability_clear_word(dev, pos, clear) \
	pcie_capability_clear_and_set_word(dev, pos, clear, 0)
#define pcie_capability_set_dword(dev, pos, set) \
	pcie_capability_clear_and_set_dword(dev, pos, 0, set)
#define pcie_capability_clear_dword(dev, pos, clear) \
	pcie_capability_clear_and_set_dword(dev, pos, clear, 0)
int pci_bus_read_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 *val);
int pci_bus_read_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 *val);
int pci_bus_read_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 *val);
int pci_bus_write_config_byte(struct pci_bus *bus, unsigned int devfn, int where, u8 val);
int pci_bus_write_config_word(struct pci_bus *bus, unsigned int devfn, int where, u16 val);
int pci_bus_write_config_dword(struct pci_bus *bus, unsigned int devfn, int where, u32 val);

static inline bool pci_is_pcie(struct pci_dev *dev)
{
	return dev->pcie_cap != 0;
}

static inline int pci_pcie_type(const struct pci_dev *dev)
{
	return (dev->pcie_flags_reg & PCI_EXP_FLAGS_TYPE) >> 4;
}

static inline int pcie_cap_version(const struct pci_dev *dev)
{
	return dev->pcie_flags_reg & PCI_EXP_FLAGS_VERS;
}

static inline bool dev_is_pci(const struct device *dev)
{
	return dev->vcshim != NULL;
}

static inline u16 pci_dev_id(struct pci_dev *dev)
{
	return dev->bus->number << 8 | dev->devfn;
}

static inline int pci_domain_nr(struct pci_bus *bus)
{
	return bus->domain_nr;
}

static inline bool pci_is_root_bus(struct pci_bus *pbus)
{
	return !pbus->parent;
}

static inline struct pci_dev *pci_upstream_bridge(struct pci_dev *dev)
{
	(void)dev;
	return NULL;
}

static inline struct pci_dev *pci_physfn(struct pci_dev *dev)
{
	return dev;
}

static inline int pci_num_vf(struct pci_dev *dev)
{
	(void)dev;
	return 0;
}

#define pci_dev_get(dev)	(dev)
#define pci_dev_put(dev)	do { (void)(dev); } while (0)
bool pci_device_is_present(struct pci_dev *dev);
u16 pci_status_get_and_clear_errors(struct pci_dev *dev);
int pci_wait_for_pending_transaction(struct pci_dev *dev);
u64 pci_get_dsn(struct pci_dev *dev);
void pci_intx(struct pci_dev *dev, int enable);
bool pci_check_and_mask_intx(struct pci_dev *dev);
bool pci_check_and_unmask_intx(struct pci_dev *dev);

/* PCI-X */
int pcix_get_max_mmrbc(struct pci_dev *dev);
int pcix_get_mmrbc(struct pci_dev *dev);
int pcix_set_mmrbc(struct pci_dev *dev, int mmrbc);
int pcie_get_readrq(struct pci_dev *dev);
int pcie_set_readrq(struct pci_dev *dev, int rq);
int pcie_get_mps(struct pci_dev *dev);
int pci_set_mwi(struct pci_dev *dev);
int pci_try_set_mwi(struct pci_dev *dev);
void pci_clear_mwi(struct pci_dev *dev);
#define pci_disable_link_state(dev, state)		((void)(dev), 0)
#define pci_disable_link_state_locked(dev, state)	((void)(dev), 0)
#define pcie_aspm_enabled(dev)				((void)(dev), false)
#define pci_enable_pcie_error_reporting(dev)		((void)(dev), 0)
#define pci_disable_pcie_error_reporting(dev)		((void)(dev), 0)
#define pci_aer_clear_nonfatal_status(dev)		((void)(dev), 0)
#define pci_is_enabled(dev)	(atomic_read(&(dev)->enable_cnt) > 0)
#define pci_is_managed(dev)	((dev)->is_managed)

/* Power management: the PM capability's PowerState and PME bits. */
int pci_set_power_state(struct pci_dev *dev, pci_power_t state);
pci_power_t pci_choose_state(struct pci_dev *dev, pm_message_t state);
int pci_save_state(struct pci_dev *dev);
void pci_restore_state(struct pci_dev *dev);
bool pci_pme_capable(struct pci_dev *dev, pci_power_t state);
void pci_pme_active(struct pci_dev *dev, bool enable);
int pci_enable_wake(struct pci_dev *dev, pci_power_t state, bool enable);
int pci_wake_from_d3(struct pci_dev *dev, bool enable);
int pci_prepare_to_sleep(struct pci_dev *dev);
int pci_back_from_sleep(struct pci_dev *dev);
#define pci_dev_run_wake(dev)	((void)(dev), false)
#define pci_d3cold_disable(dev)	do { (void)(dev); } while (0)
#define pci_d3cold_enable(dev)	do { (void)(dev); } while (0)

/* Enabling, bus mastering, reset */
int pci_enable_device(struct pci_dev *dev);
int pci_enable_device_mem(struct pci_dev *dev);
int pci_enable_device_io(struct pci_dev *dev);
void pci_disable_device(struct pci_dev *dev);
int pcim_enable_device(struct pci_dev *dev);
void pcim_pin_device(struct pci_dev *dev);
void pci_set_master(struct pci_dev *dev);
void pci_clear_master(struct pci_dev *dev);
int pci_reset_function(struct pci_dev *dev);
#define pci_reset_function_locked(dev)	pci_reset_function(dev)
#define pci_try_reset_function(dev)	pci_reset_function(dev)

/* The VFIO device is this process's alone: requests record, nothing more. */
int pci_request_region(struct pci_dev *dev, int bar, const char *name);
void pci_release_region(struct pci_dev *dev, int bar);
int pci_request_selected_regions(struct pci_dev *dev, int bars, const char *name);
void pci_release_selected_regions(struct pci_dev *dev, int bars);
int pci_select_bars(struct pci_dev *dev, unsigned long flags);
#define pci_request_selected_regions_exclusive(d, b, n)	pci_request_selected_regions(d, b, n)

static inline int pci_request_regions(struct pci_dev *dev, const char *name)
{
	return pci_request_selected_regions(dev, (1 << PCI_STD_NUM_BARS) - 1, name);
}

static inline void pci_release_regions(struct pci_dev *dev)
{
	pci_release_selected_regions(dev, (1 << PCI_STD_NUM_BARS) - 1);
}

#define pci_request_regions_exclusive(d, n)	pci_request_regions(d, n)

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
#define pci_iomap_wc(dev, bar, max)	pci_iomap(dev, bar, max)
#define pci_iomap_wc_range(d, b, o, m)	pci_iomap_range(d, b, o, m)
void __iomem *pci_ioremap_bar(struct pci_dev *dev, int bar);
#define pci_ioremap_wc_bar(dev, bar)	pci_ioremap_bar(dev, bar)
#define pci_resource_to_user(d, b, r, s, e) \
	do { *(s) = (r)->start; *(e) = (r)->end; } while (0)

/* Managed mappings, unmapped when the driver goes. */
void __iomem *pcim_iomap(struct pci_dev *dev, int bar, unsigned long maxlen);
void pcim_iounmap(struct pci_dev *dev, void __iomem *addr);
void __iomem * const *pcim_iomap_table(struct pci_dev *dev);
int pcim_iomap_regions(struct pci_dev *dev, int mask, const char *name);
int pcim_iomap_regions_request_all(struct pci_dev *dev, int mask, const char *name);
void pcim_iounmap_regions(struct pci_dev *dev, int mask);
int pcim_set_mwi(struct pci_dev *dev);

/* Interrupts */
int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
			  unsigned int max_vecs, unsigned int flags);
void pci_free_irq_vectors(struct pci_dev *dev);
int pci_irq_vector(struct pci_dev *dev, unsigned int nr);
__printf(6, 7) int pci_request_irq(struct pci_dev *dev, unsigned int nr,
				   irq_handler_t handler, irq_handler_t thread_fn,
				   void *dev_id, const char *fmt, ...);
void pci_free_irq(struct pci_dev *dev, unsigned int nr, void *dev_id);
int pci_msix_vec_count(struct pci_dev *dev);
int pci_msi_vec_count(struct pci_dev *dev);

static inline int pci_enable_msi(struct pci_dev *dev)
{
	int ret = pci_alloc_irq_vectors(dev, 1, 1, PCI_IRQ_MSI);

	return ret < 0 ? ret : 0;
}

#define pci_disable_msi(dev)	pci_free_irq_vectors(dev)
#define pci_disable_msix(dev)	pci_free_irq_vectors(dev)
#define pci_alloc_irq_vectors_affinity(d, mn, mx, f, a)	pci_alloc_irq_vectors(d, mn, mx, f)

struct msix_entry {
	u32 vector;
	u16 entry;
};

int pci_enable_msix_range(struct pci_dev *dev, struct msix_entry *entries,
			  int minvec, int maxvec);

static inline int pci_enable_msix_exact(struct pci_dev *dev,
					struct msix_entry *entries, int nvec)
{
	int rc = pci_enable_msix_range(dev, entries, nvec, nvec);

	return rc < 0 ? rc : 0;
}

static inline int pci_enable_msi_range(struct pci_dev *dev, int minvec, int maxvec)
{
	return pci_alloc_irq_vectors(dev, minvec, maxvec, PCI_IRQ_MSI);
}

#define pci_dev_present(ids)	0
struct pci_dev *pci_get_device(unsigned int vendor, unsigned int device,
			       struct pci_dev *from);
struct pci_dev *pci_get_slot(struct pci_bus *bus, unsigned int devfn);
struct pci_dev *pci_get_domain_bus_and_slot(int domain, unsigned int bus,
					    unsigned int devfn);
#define pci_get_subsys(v, d, sv, sd, from)	pci_get_device(v, d, from)
#define for_each_pci_dev(d) while ((d = pci_get_device(PCI_ANY_ID, PCI_ANY_ID, d)) != NULL)


#endif /* _VCSHIM_LINUX_PCI_H */
