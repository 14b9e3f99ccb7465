/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * vfio-vconfig: private definitions shared by the driver's files.
 */
#ifndef VFIO_VCONFIG_PRIV_H
#define VFIO_VCONFIG_PRIV_H

#include <linux/mutex.h>
#include <linux/pci.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/vfio.h>

#include <vconfig/vconfig.h>
#include <uapi/linux/vfio_vconfig.h>

#include "compat.h"

#ifdef VFIO_VCONFIG_DROPIN
#define VFIO_VCONFIG_DRIVER		"vfio-pci"	/* VFIO_DROPIN=1 build */
#else
#define VFIO_VCONFIG_DRIVER		"vfio-vconfig"
#endif

/* Region offsets in the device file, as vfio-pci lays them out. */
#define VFIO_VCONFIG_OFFSET_SHIFT	40
/* Unsigned: a negative file offset names no region (not a negative index). */
#define VFIO_VCONFIG_OFFSET_TO_INDEX(off) ((u64)(off) >> VFIO_VCONFIG_OFFSET_SHIFT)
#define VFIO_VCONFIG_INDEX_TO_OFFSET(index) \
	((u64)(index) << VFIO_VCONFIG_OFFSET_SHIFT)
#define VFIO_VCONFIG_OFFSET_MASK \
	((1ULL << VFIO_VCONFIG_OFFSET_SHIFT) - 1)

/* No interrupt type is active. */
#define VFIO_VCONFIG_IRQ_NONE		VFIO_PCI_NUM_IRQS

/* MSI can deliver at most 32 vectors. */
#define VFIO_VCONFIG_MAX_MSI		32

struct vfio_vconfig_vf_token;

struct vfio_vconfig_vector {
	struct eventfd_ctx *trigger;	/* read by the handler */
	char *name;
	bool requested;			/* request_irq() succeeded */
};

/*
 * Config-action mode: eventfds armed per index, consumed when a config
 * write enables MSI or MSI-X. The vectors borrow these references.
 */
struct vfio_vconfig_action {
	bool enabled;
	struct eventfd_ctx *msi_armed[VFIO_VCONFIG_MAX_MSI];
	struct eventfd_ctx **msix_armed;	/* msix_entries slots */
	bool msix_masked;
	u32 msi_masked;			/* per-vector MSI mask applied */
};

/**
 * struct vfio_vconfig_device - one function bound to vfio-vconfig
 * @vdev: the VFIO core's device
 * @pdev: the PCI function
 * @vc: the configuration engine, live between open and close
 * @config_lock: serializes calls into the engine
 * @memory_lock: held for write while decode may change, for read by
 *	every BAR access and mmap fault (CVE-2020-12888)
 * @bar_inode: the inode whose address space holds every BAR mapping
 * @barmap_lock: serializes the creation of @barmap entries
 * @barmap: iomem mappings of the BARs, created on first use
 * @bar_mmap_supported: BARs userspace may mmap
 * @subpage_res: while open, the rest of the page of each mappable
 *	sub-page BAR, reserved so that no other BAR lands there
 * @msix_bar: BAR holding the MSI-X table, or 0xff
 * @msix_offset: table offset in @msix_bar
 * @msix_size: table size in bytes
 * @msix_entries: MSI-X table entries
 * @msix_mmappable: the MSI-X table pages may be mapped (msix_mmap=1)
 * @has_dyn_msix: MSI-X vectors can be added while MSI-X is enabled
 * @reset_works: pci_try_reset_function() succeeded at open
 * @needs_reset: the function was not reset at its last close; a slot or
 *	bus reset of its set is due (vfio_vconfig_dev_set_try_reset())
 * @needs_pm_restore: the function loses its state on D3hot->D0
 * @pci_2_3: INTx can be masked at the device (PCI 2.3 DisINTx)
 * @nointx: INTx is hidden and kept disabled (vfio-pci's nointx list)
 * @open_state: PCI state saved at open, restored at close
 * @pm_state: PCI state saved before entering D3hot
 * @pm_runtime_engaged: the user entered the low-power state (runtime PM
 *	reference given up, BAR mappings fault with SIGBUS)
 * @pm_intx_masked: the runtime suspend masked INTx, the resume unmasks it
 * @pm_wake_eventfd_ctx: signalled, and the low-power state left, by the
 *	next resume (LOW_POWER_ENTRY_WITH_WAKEUP)
 * @igate: serializes interrupt configuration and config writes
 * @irqlock: protects INTx masking against the handler
 * @irq_type: active VFIO irq index, or VFIO_VCONFIG_IRQ_NONE
 * @intx_trigger: INTx eventfd
 * @intx_unmask: virqfd unmasking INTx
 * @intx_masked: INTx is masked at the device or the irq chip
 * @intx_name: name given to request_irq()
 * @virq_disabled: the user set Command.INTx-disable
 * @vectors: MSI/MSI-X vectors, one per vector the user may connect
 * @nr_vectors: entries of @vectors (with dynamic MSI-X, every table entry;
 *	a host vector is allocated when it is first connected)
 * @err_trigger: AER error eventfd
 * @req_trigger: device request eventfd
 * @action: config-action mode state
 * @strict: build the engine with its strict profile at the next open
 * @vf_token: a PF's VF token, NULL on other functions
 * @sriov_pf: a VF's PF, when that PF enabled it through this driver
 * @sriov_nb: a PF's bus notifier capturing its new VFs
 * @sriov_pfs_item: a PF's entry in the list of PFs with VFs enabled
 * @sriov_active: a PF has VFs enabled through this driver
 * @ioeventfds_lock: protects @ioeventfds_list and @ioeventfds_nr
 * @ioeventfds_list: armed VFIO_DEVICE_IOEVENTFD eventfds
 * @ioeventfds_nr: entries of @ioeventfds_list
 */
struct vfio_vconfig_device {
	struct vfio_device vdev;
	struct pci_dev *pdev;
	struct vconfig *vc;
	struct mutex config_lock;
	struct rw_semaphore memory_lock;
	struct inode *bar_inode;
	struct mutex barmap_lock;
	void __iomem *barmap[PCI_STD_NUM_BARS];
	bool bar_mmap_supported[PCI_STD_NUM_BARS];
	struct resource *subpage_res[PCI_STD_NUM_BARS];
	u8 msix_bar;
	u32 msix_offset;
	u32 msix_size;
	u16 msix_entries;
	bool msix_mmappable;
	bool has_dyn_msix;
	bool reset_works;
	bool needs_reset;
	bool needs_pm_restore;
	bool pci_2_3;
	bool strict;
	bool nointx;
	bool has_vga;
	struct pci_saved_state *open_state;
	struct pci_saved_state *pm_state;
	bool pm_runtime_engaged;
	bool pm_intx_masked;
	struct eventfd_ctx *pm_wake_eventfd_ctx;

	struct mutex igate;
	spinlock_t irqlock;
	int irq_type;
	struct eventfd_ctx *intx_trigger;
	struct virqfd *intx_unmask;
	bool intx_masked;
	char *intx_name;
	bool virq_disabled;
	struct vfio_vconfig_vector *vectors;
	unsigned int nr_vectors;
	struct eventfd_ctx *err_trigger;
	struct eventfd_ctx *req_trigger;
	struct vfio_vconfig_action action;

	struct vfio_vconfig_vf_token *vf_token;
	struct vfio_vconfig_device *sriov_pf;
	struct notifier_block sriov_nb;
	struct list_head sriov_pfs_item;
	bool sriov_active;

	struct mutex ioeventfds_lock;
	struct list_head ioeventfds_list;
	int ioeventfds_nr;
};

/* Length of the next access: naturally aligned, inside one dword. */
static inline unsigned int vfio_vconfig_piece(loff_t pos, size_t count)
{
	if (count >= 4 && !(pos % 4))
		return 4;
	if (count >= 2 && !(pos % 2))
		return 2;
	return 1;
}

static inline struct vfio_vconfig_device *
to_vconfig_dev(struct vfio_device *core)
{
	return container_of(core, struct vfio_vconfig_device, vdev);
}

/* config.c */
extern bool vfio_vconfig_unassigned_passthrough;

int vfio_vconfig_engine_create(struct vfio_vconfig_device *vdev);
void vfio_vconfig_engine_destroy(struct vfio_vconfig_device *vdev);
int vfio_vconfig_engine_check(struct vfio_vconfig_device *vdev);
ssize_t vfio_vconfig_config_rw(struct vfio_vconfig_device *vdev,
			       char __user *buf, size_t count, loff_t pos,
			       bool iswrite);
bool vfio_vconfig_memory_enabled(struct vfio_vconfig_device *vdev);
bool vfio_vconfig_io_enabled(struct vfio_vconfig_device *vdev);
int vfio_vconfig_reset_function(struct vfio_vconfig_device *vdev);
int vfio_vconfig_set_power_state(struct vfio_vconfig_device *vdev,
				 pci_power_t state);
void vfio_vconfig_after_reset(struct vfio_vconfig_device *vdev, bool done);
void vfio_vconfig_power_up(struct vfio_vconfig_device *vdev);

/* rdwr.c */
ssize_t vfio_vconfig_bar_rw(struct vfio_vconfig_device *vdev,
			    char __user *buf, size_t count, loff_t pos,
			    bool iswrite);
ssize_t vfio_vconfig_vga_rw(struct vfio_vconfig_device *vdev,
			    char __user *buf, size_t count, loff_t pos,
			    bool iswrite);
int vfio_vconfig_vga_init(struct vfio_vconfig_device *vdev);
void vfio_vconfig_vga_uninit(struct vfio_vconfig_device *vdev);
ssize_t vfio_vconfig_rom_read(struct vfio_vconfig_device *vdev,
			      char __user *buf, size_t count, loff_t pos);
int vfio_vconfig_setup_barmap(struct vfio_vconfig_device *vdev, int bar);
void vfio_vconfig_release_barmaps(struct vfio_vconfig_device *vdev);

/* mmap.c */
int vfio_vconfig_mmap(struct vfio_device *core, struct vm_area_struct *vma);
int vfio_vconfig_bar_inode_get(struct vfio_vconfig_device *vdev);
void vfio_vconfig_bar_inode_put(struct vfio_vconfig_device *vdev);
void vfio_vconfig_zap_bars(struct vfio_vconfig_device *vdev);
void vfio_vconfig_zap_and_down_write_memory_lock(struct vfio_vconfig_device *vdev);
u16 vfio_vconfig_hw_memory_enable(struct vfio_vconfig_device *vdev);
void vfio_vconfig_hw_memory_restore(struct vfio_vconfig_device *vdev, u16 cmd);
void vfio_vconfig_probe_mmaps(struct vfio_vconfig_device *vdev);
void vfio_vconfig_release_mmaps(struct vfio_vconfig_device *vdev);

/* intrs.c */
int vfio_vconfig_irq_count(struct vfio_vconfig_device *vdev, unsigned int index);
int vfio_vconfig_set_irqs(struct vfio_vconfig_device *vdev, u32 flags,
			  unsigned int index, unsigned int start,
			  unsigned int count, void *data);
void vfio_vconfig_irqs_release(struct vfio_vconfig_device *vdev);
void vfio_vconfig_intx_mask(struct vfio_vconfig_device *vdev);
void vfio_vconfig_intx_unmask(struct vfio_vconfig_device *vdev);
bool vfio_vconfig_intx_pm_mask(struct vfio_vconfig_device *vdev);
void vfio_vconfig_set_virq_disabled(struct vfio_vconfig_device *vdev,
				    bool disabled);
void vfio_vconfig_irqs_after_reset(struct vfio_vconfig_device *vdev,
				   bool intx_disabled);
int vfio_vconfig_action_msi(struct vfio_vconfig_device *vdev, bool enable,
			    unsigned int nvec);
void vfio_vconfig_action_msi_mask(struct vfio_vconfig_device *vdev, u32 mask);
int vfio_vconfig_action_msix(struct vfio_vconfig_device *vdev, bool enable,
			     bool masked);
int vfio_vconfig_action_set_mode(struct vfio_vconfig_device *vdev, u32 mode);
void vfio_vconfig_action_info(struct vfio_vconfig_device *vdev,
			      struct vfio_device_feature_vconfig_action *info);

/* sriov.c */
int vfio_vconfig_sriov_refuse(struct pci_dev *pdev);
int vfio_vconfig_sriov_init(struct vfio_vconfig_device *vdev);
void vfio_vconfig_sriov_uninit(struct vfio_vconfig_device *vdev);
int vfio_vconfig_sriov_configure(struct pci_dev *pdev, int nr_virtfn);
void vfio_vconfig_sriov_remove(struct vfio_vconfig_device *vdev);
void vfio_vconfig_sriov_open(struct vfio_vconfig_device *vdev);
void vfio_vconfig_sriov_close(struct vfio_vconfig_device *vdev);
int vfio_vconfig_match(struct vfio_device *core, char *buf);
int vfio_vconfig_feature_vf_token(struct vfio_vconfig_device *vdev, u32 flags,
				  void __user *arg, size_t argsz);
void vfio_vconfig_sriov_engine_config(struct vfio_vconfig_device *vdev,
				      struct vconfig_config *cfg);
bool vfio_vconfig_sriov_busy(struct vfio_vconfig_device *vdev);

/* nointx.c */
void vfio_vconfig_intx_setup(struct vfio_vconfig_device *vdev);
void vfio_vconfig_nointx_restore(struct vfio_vconfig_device *vdev);

/* ioeventfd.c */
int vfio_vconfig_ioctl_ioeventfd(struct vfio_vconfig_device *vdev,
				 struct vfio_device_ioeventfd __user *arg);
void vfio_vconfig_ioeventfds_release(struct vfio_vconfig_device *vdev);

/* reset.c */
int vfio_vconfig_dev_set_assign(struct vfio_vconfig_device *vdev);
int vfio_vconfig_ioctl_hot_reset_info(struct vfio_vconfig_device *vdev,
				      struct vfio_pci_hot_reset_info __user *arg);
int vfio_vconfig_ioctl_hot_reset(struct vfio_vconfig_device *vdev,
				 struct vfio_pci_hot_reset __user *arg);
void vfio_vconfig_dev_set_try_reset(struct vfio_device_set *dev_set);

/* power.c */
extern const struct dev_pm_ops vfio_vconfig_pm_ops;

void vfio_vconfig_pm_init(struct vfio_vconfig_device *vdev);
void vfio_vconfig_pm_uninit(struct vfio_vconfig_device *vdev);
void vfio_vconfig_pm_exit(struct vfio_vconfig_device *vdev);
int vfio_vconfig_pm_get(struct vfio_vconfig_device *vdev);
int vfio_vconfig_feature_low_power(struct vfio_vconfig_device *vdev, u32 flags,
				   void __user *arg, size_t argsz);

/* ioctl.c */
long vfio_vconfig_ioctl(struct vfio_device *core, unsigned int cmd,
			unsigned long arg);
int vfio_vconfig_device_feature(struct vfio_device *core, u32 flags,
				void __user *arg, size_t argsz);

#endif /* VFIO_VCONFIG_PRIV_H */
