// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: a VFIO PCI device driver whose configuration space is the
 * vconfig engine's. Unmodified VFIO userspace uses it as it uses vfio-pci.
 */
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <linux/vfio.h>

#include "vfio_vconfig.h"

static char ids[1024] __initdata;
module_param_string(ids, ids, sizeof(ids), 0);
MODULE_PARM_DESC(ids, "Initial PCI IDs to add to the driver, format is \"vendor:device[:subvendor[:subdevice[:class[:class_mask]]]]\" and multiple comma separated entries can be specified");

/*
 * As vfio-pci: the type1 IOMMU only attaches groups whose MSIs are isolated
 * (interrupt remapping), so a user mapping of the table cannot reach the host.
 */
static bool msix_mmap = true;
module_param(msix_mmap, bool, 0444);
MODULE_PARM_DESC(msix_mmap, "Let userspace mmap the MSI-X table pages and report MSIX_MAPPABLE, as vfio-pci does (default: 1; 0 keeps the table pages out of mmap with a sparse-mmap capability)");

/*
 * The engine's strict profile (Documentation/engine.md) for devices bound
 * from now on; each device can change it through its vconfig_strict
 * attribute, which takes effect at the next open.
 */
static bool strict;
module_param(strict, bool, 0444);
MODULE_PARM_DESC(strict, "Bind devices with the engine's strict profile: unassigned config bytes and vendor-specific capabilities read-only, MSI mask bits virtual (default: 0, as vfio-pci)");

/* Under the strict profile, unassigned bytes reach hardware all the same. */
bool vfio_vconfig_unassigned_passthrough;
module_param_named(unassigned_passthrough, vfio_vconfig_unassigned_passthrough,
		   bool, 0444);
MODULE_PARM_DESC(unassigned_passthrough, "Under the strict profile, pass config bytes no capability claims through to hardware (default: 0)");

static ssize_t vconfig_strict_show(struct device *dev,
				   struct device_attribute *attr, char *buf)
{
	struct vfio_vconfig_device *vdev = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%d\n", READ_ONCE(vdev->strict));
}

static ssize_t vconfig_strict_store(struct device *dev,
				    struct device_attribute *attr,
				    const char *buf, size_t count)
{
	struct vfio_vconfig_device *vdev = dev_get_drvdata(dev);
	bool val;
	int ret;

	ret = kstrtobool(buf, &val);
	if (ret)
		return ret;
	WRITE_ONCE(vdev->strict, val);
	return count;
}
static DEVICE_ATTR_RW(vconfig_strict);

static struct attribute *vfio_vconfig_dev_attrs[] = {
	&dev_attr_vconfig_strict.attr,
	NULL,
};
ATTRIBUTE_GROUPS(vfio_vconfig_dev);

static void vfio_vconfig_probe_msix(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;
	u16 flags;
	u32 table;

	vdev->msix_bar = 0xff;
	vdev->msix_entries = 0;
	vdev->has_dyn_msix = false;
	if (!pdev->msix_cap)
		return;

	pci_read_config_word(pdev, pdev->msix_cap + PCI_MSIX_FLAGS, &flags);
	pci_read_config_dword(pdev, pdev->msix_cap + PCI_MSIX_TABLE, &table);
	vdev->msix_bar = table & PCI_MSIX_TABLE_BIR;
	vdev->msix_offset = table & PCI_MSIX_TABLE_OFFSET;
	vdev->msix_entries = (flags & PCI_MSIX_FLAGS_QSIZE) + 1;
	vdev->msix_size = vdev->msix_entries * PCI_MSIX_ENTRY_SIZE;
	vdev->has_dyn_msix = vfio_vconfig_msix_can_alloc_dyn(pdev);
}

/* Power up, save the state to restore at close, enable and reset. */
static int vfio_vconfig_enable(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;
	int ret;
	u16 cmd;

	/* held while open, given up by LOW_POWER_ENTRY */
	ret = pm_runtime_resume_and_get(&pdev->dev);
	if (ret < 0)
		return ret;

	vfio_vconfig_set_power_state(vdev, PCI_D0);
	/* the saved state must not carry bus mastering */
	pci_clear_master(pdev);

	ret = pci_enable_device(pdev);
	if (ret) {
		pm_runtime_put(&pdev->dev);
		return ret;
	}

	/* the device lock is taken elsewhere: fail rather than reset late */
	if (vfio_vconfig_sriov_busy(vdev)) {
		/* a reset would take the VFs down with the PF */
		vdev->reset_works = pdev->reset_methods[0] != 0;
	} else {
		ret = pci_try_reset_function(pdev);
		if (ret == -EAGAIN) {
			pci_disable_device(pdev);
			pm_runtime_put(&pdev->dev);
			return ret;
		}
		vdev->reset_works = !ret;
	}

	pci_save_state(pdev);
	vdev->open_state = pci_store_saved_state(pdev);
	if (!vdev->open_state)
		pci_dbg(pdev, "could not store the saved state\n");

	vfio_vconfig_intx_setup(vdev);
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	if (vdev->pci_2_3 && (cmd & PCI_COMMAND_INTX_DISABLE))
		pci_write_config_word(pdev, PCI_COMMAND,
				      cmd & ~PCI_COMMAND_INTX_DISABLE);

	vfio_vconfig_probe_msix(vdev);
	vfio_vconfig_probe_mmaps(vdev);
	return 0;
}

/* Undo vfio_vconfig_enable(): reset and restore the state saved at open. */
static void vfio_vconfig_disable(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;

	/* the reference the user gave up is taken back, the function woken */
	vfio_vconfig_pm_exit(vdev);
	pm_runtime_resume(&pdev->dev);

	vfio_vconfig_set_power_state(vdev, PCI_D0);
	pci_clear_master(pdev);
	vfio_vconfig_release_barmaps(vdev);
	vfio_vconfig_release_mmaps(vdev);
	vdev->needs_reset = true;

	if (pci_load_and_free_saved_state(pdev, &vdev->open_state)) {
		pci_info(pdev, "could not reload the saved state\n");
		if (!vdev->reset_works)
			goto out;
		pci_save_state(pdev);
	}

	/* quiesce INTx during the reset, as pci_reset_function() does */
	pci_write_config_word(pdev, PCI_COMMAND, PCI_COMMAND_INTX_DISABLE);

	/* the "try" variant would overwrite the state just loaded */
	if (vdev->reset_works && !vfio_vconfig_sriov_busy(vdev) &&
	    pci_dev_trylock(pdev)) {
		if (!__pci_reset_function_locked(pdev))
			vdev->needs_reset = false;
		pci_dev_unlock(pdev);
	}
	pci_restore_state(pdev);
out:
	kfree(vdev->pm_state);
	vdev->pm_state = NULL;
	pci_disable_device(pdev);
	vfio_vconfig_dev_set_try_reset(vdev->vdev.dev_set);
	pm_runtime_put(&pdev->dev);
}

static int vfio_vconfig_open_device(struct vfio_device *core)
{
	struct vfio_vconfig_device *vdev = to_vconfig_dev(core);
	int ret;

	ret = vfio_vconfig_enable(vdev);
	if (ret)
		return ret;

	ret = vfio_vconfig_engine_create(vdev);
	if (ret) {
		vfio_vconfig_disable(vdev);
		return ret;
	}
	vfio_vconfig_sriov_open(vdev);
	return 0;
}

static void vfio_vconfig_close_device(struct vfio_device *core)
{
	struct vfio_vconfig_device *vdev = to_vconfig_dev(core);

	vfio_vconfig_sriov_close(vdev);
	/* as vfio-pci: no DMA or MSI write while interrupts are torn down */
	pci_clear_master(vdev->pdev);
	vfio_vconfig_ioeventfds_release(vdev);
	mutex_lock(&vdev->igate);
	vfio_vconfig_irqs_release(vdev);
	mutex_unlock(&vdev->igate);

	vfio_vconfig_disable(vdev);
	vfio_vconfig_engine_destroy(vdev);
}

static ssize_t vfio_vconfig_rw(struct vfio_vconfig_device *vdev,
			       char __user *buf, size_t count, loff_t *ppos,
			       bool iswrite)
{
	unsigned int index = VFIO_VCONFIG_OFFSET_TO_INDEX(*ppos);
	loff_t pos = *ppos & VFIO_VCONFIG_OFFSET_MASK;
	ssize_t ret;

	if (!count)
		return 0;
	if (index >= VFIO_PCI_NUM_REGIONS)
		return -EINVAL;

	/* as vfio-pci: an access wakes a function in low power */
	ret = vfio_vconfig_pm_get(vdev);
	if (ret)
		return ret;

	switch (index) {
	case VFIO_PCI_CONFIG_REGION_INDEX:
		ret = vfio_vconfig_config_rw(vdev, buf, count, pos, iswrite);
		break;
	case VFIO_PCI_BAR0_REGION_INDEX ... VFIO_PCI_BAR5_REGION_INDEX:
		ret = vfio_vconfig_bar_rw(vdev, buf, count, *ppos, iswrite);
		break;
	case VFIO_PCI_ROM_REGION_INDEX:
		ret = iswrite ? -EINVAL :
		      vfio_vconfig_rom_read(vdev, buf, count, *ppos);
		break;
	case VFIO_PCI_VGA_REGION_INDEX:
		ret = vfio_vconfig_vga_rw(vdev, buf, count, *ppos, iswrite);
		break;
	default:
		ret = -EINVAL;
		break;
	}
	pm_runtime_put(&vdev->pdev->dev);

	if (ret > 0)
		*ppos += ret;
	return ret;
}

static ssize_t vfio_vconfig_read(struct vfio_device *core, char __user *buf,
				 size_t count, loff_t *ppos)
{
	return vfio_vconfig_rw(to_vconfig_dev(core), buf, count, ppos, false);
}

static ssize_t vfio_vconfig_write(struct vfio_device *core,
				  const char __user *buf, size_t count,
				  loff_t *ppos)
{
	return vfio_vconfig_rw(to_vconfig_dev(core), (char __user *)buf,
			       count, ppos, true);
}

static void vfio_vconfig_request(struct vfio_device *core, unsigned int count)
{
	struct vfio_vconfig_device *vdev = to_vconfig_dev(core);

	mutex_lock(&vdev->igate);
	if (vdev->req_trigger) {
		if (!(count % 10))
			pci_notice_ratelimited(vdev->pdev,
					       "Relaying device request to user (#%u)\n",
					       count);
		vfio_vconfig_eventfd_signal(vdev->req_trigger);
	} else if (count == 0) {
		pci_warn(vdev->pdev,
			 "No device request channel registered, blocked until released by user\n");
	}
	mutex_unlock(&vdev->igate);
}

static int vfio_vconfig_init_dev(struct vfio_device *core)
{
	struct vfio_vconfig_device *vdev = to_vconfig_dev(core);

	vdev->pdev = to_pci_dev(core->dev);
	vdev->irq_type = VFIO_VCONFIG_IRQ_NONE;
	vdev->msix_bar = 0xff;
	mutex_init(&vdev->config_lock);
	mutex_init(&vdev->igate);
	mutex_init(&vdev->barmap_lock);
	mutex_init(&vdev->ioeventfds_lock);
	INIT_LIST_HEAD(&vdev->ioeventfds_list);
	spin_lock_init(&vdev->irqlock);
	init_rwsem(&vdev->memory_lock);
	return vfio_vconfig_bar_inode_get(vdev);
}

static void vfio_vconfig_release_dev(struct vfio_device *core)
{
	struct vfio_vconfig_device *vdev = to_vconfig_dev(core);

	mutex_destroy(&vdev->config_lock);
	mutex_destroy(&vdev->igate);
	mutex_destroy(&vdev->barmap_lock);
	mutex_destroy(&vdev->ioeventfds_lock);
	vfio_vconfig_bar_inode_put(vdev);
	vfio_vconfig_free_device(core);
}

static const struct vfio_device_ops vfio_vconfig_ops = {
	.name		= VFIO_VCONFIG_DRIVER,
	.init		= vfio_vconfig_init_dev,
	.release	= vfio_vconfig_release_dev,
	VFIO_VCONFIG_IOMMUFD_OPS
	.open_device	= vfio_vconfig_open_device,
	.close_device	= vfio_vconfig_close_device,
	.ioctl		= vfio_vconfig_ioctl,
	.device_feature	= vfio_vconfig_device_feature,
	.read		= vfio_vconfig_read,
	.write		= vfio_vconfig_write,
	.mmap		= vfio_vconfig_mmap,
	.request	= vfio_vconfig_request,
	.match		= vfio_vconfig_match,
};

/* A function without No_Soft_Reset loses its state on D3hot->D0. */
static bool vfio_vconfig_loses_state_in_d3(struct pci_dev *pdev)
{
	u16 pmcsr;

	if (!pdev->pm_cap)
		return false;
	pci_read_config_word(pdev, pdev->pm_cap + PCI_PM_CTRL, &pmcsr);
	return !(pmcsr & PCI_PM_CTRL_NO_SOFT_RESET);
}

static int vfio_vconfig_probe(struct pci_dev *pdev,
			      const struct pci_device_id *id)
{
	struct vfio_vconfig_device *vdev;
	int ret;

	if (pdev->hdr_type != PCI_HEADER_TYPE_NORMAL) {
		pci_warn(pdev, "%s: header type %#x refused, only type-0 functions are supported\n",
			 VFIO_VCONFIG_DRIVER, pdev->hdr_type);
		return -EINVAL;
	}
	ret = vfio_vconfig_sriov_refuse(pdev);
	if (ret)
		return ret;

	vdev = vfio_alloc_device(vfio_vconfig_device, vdev, &pdev->dev,
				 &vfio_vconfig_ops);
	if (IS_ERR(vdev))
		return PTR_ERR(vdev);

	vdev->needs_pm_restore = vfio_vconfig_loses_state_in_d3(pdev);
	vdev->msix_mmappable = msix_mmap;
	vdev->strict = strict;
	ret = vfio_vconfig_engine_check(vdev);
	if (ret) {
		pci_warn(pdev, "%s: configuration space refused by the engine (%d)\n",
			 VFIO_VCONFIG_DRIVER, ret);
		vfio_put_device(&vdev->vdev);
		return ret;
	}
	dev_set_drvdata(&pdev->dev, vdev);

	ret = vfio_vconfig_dev_set_assign(vdev);
	if (!ret)
		ret = vfio_vconfig_sriov_init(vdev);
	if (ret) {
		vfio_put_device(&vdev->vdev);
		return ret;
	}
	ret = vfio_vconfig_vga_init(vdev);
	if (ret) {
		vfio_vconfig_sriov_uninit(vdev);
		vfio_put_device(&vdev->vdev);
		return ret;
	}
	/* unused until opened: let it suspend (D3hot with a PM capability) */
	vfio_vconfig_set_power_state(vdev, PCI_D0);
	vfio_vconfig_pm_init(vdev);
	ret = vfio_register_group_dev(&vdev->vdev);
	if (ret) {
		vfio_vconfig_pm_uninit(vdev);
		vfio_vconfig_vga_uninit(vdev);
		vfio_vconfig_sriov_uninit(vdev);
		vfio_put_device(&vdev->vdev);
		return ret;
	}
	return 0;
}

static void vfio_vconfig_remove(struct pci_dev *pdev)
{
	struct vfio_vconfig_device *vdev = dev_get_drvdata(&pdev->dev);

	vfio_vconfig_sriov_remove(vdev);
	vfio_unregister_group_dev(&vdev->vdev);
	vfio_vconfig_pm_uninit(vdev);
	vfio_vconfig_vga_uninit(vdev);
	vfio_vconfig_sriov_uninit(vdev);
	vfio_put_device(&vdev->vdev);
}

static pci_ers_result_t vfio_vconfig_err_detected(struct pci_dev *pdev,
						  pci_channel_state_t state)
{
	struct vfio_vconfig_device *vdev = dev_get_drvdata(&pdev->dev);

	mutex_lock(&vdev->igate);
	if (vdev->err_trigger)
		vfio_vconfig_eventfd_signal(vdev->err_trigger);
	mutex_unlock(&vdev->igate);
	return PCI_ERS_RESULT_CAN_RECOVER;
}

static const struct pci_error_handlers vfio_vconfig_err_handlers = {
	.error_detected = vfio_vconfig_err_detected,
};

static struct pci_driver vfio_vconfig_driver = {
	.name			= VFIO_VCONFIG_DRIVER,
	.id_table		= NULL,	/* only dynamic IDs and driver_override */
	.probe			= vfio_vconfig_probe,
	.remove			= vfio_vconfig_remove,
	.sriov_configure	= vfio_vconfig_sriov_configure,
	.err_handler		= &vfio_vconfig_err_handlers,
	.dev_groups		= vfio_vconfig_dev_groups,
	.driver_managed_dma	= true,
	.driver.pm		= &vfio_vconfig_pm_ops,
};

static void __init vfio_vconfig_add_ids(void)
{
	char *p, *id;

	p = ids;
	while ((id = strsep(&p, ","))) {
		unsigned int vendor, device, subvendor = PCI_ANY_ID,
			     subdevice = PCI_ANY_ID, class = 0, class_mask = 0;
		int fields, ret;

		if (!strlen(id))
			continue;

		fields = sscanf(id, "%x:%x:%x:%x:%x:%x", &vendor, &device,
				&subvendor, &subdevice, &class, &class_mask);
		if (fields < 2) {
			pr_warn("%s: invalid id string \"%s\"\n",
				VFIO_VCONFIG_DRIVER, id);
			continue;
		}

		ret = pci_add_dynid(&vfio_vconfig_driver, vendor, device,
				    subvendor, subdevice, class, class_mask, 0);
		if (ret)
			pr_warn("%s: failed to add dynamic id [%04x:%04x[%04x:%04x]] class %#08x/%08x (%d)\n",
				VFIO_VCONFIG_DRIVER, vendor, device, subvendor,
				subdevice, class, class_mask, ret);
		else
			pr_info("%s: add [%04x:%04x[%04x:%04x]] class %#08x/%08x\n",
				VFIO_VCONFIG_DRIVER, vendor, device, subvendor,
				subdevice, class, class_mask);
	}
}

static int __init vfio_vconfig_init(void)
{
	int ret;

	ret = pci_register_driver(&vfio_vconfig_driver);
	if (ret)
		return ret;
	vfio_vconfig_add_ids();
	return 0;
}

static void __exit vfio_vconfig_exit(void)
{
	pci_unregister_driver(&vfio_vconfig_driver);
}

module_init(vfio_vconfig_init);
module_exit(vfio_vconfig_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("VFIO PCI driver with a vconfig virtual configuration space");
