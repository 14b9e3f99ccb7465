// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: the configuration region, served by the vconfig engine,
 * and the execution of the effects its writes return.
 */
#include <linux/delay.h>
#include <linux/pci.h>
#include <linux/uaccess.h>

#include "vfio_vconfig.h"

static int vfio_vconfig_backend_read(void *priv, unsigned int offset,
				     unsigned int size, u32 *val)
{
	struct pci_dev *pdev = priv;
	u16 word;
	u8 byte;
	int ret;

	switch (size) {
	case 1:
		ret = pci_user_read_config_byte(pdev, offset, &byte);
		*val = byte;
		break;
	case 2:
		ret = pci_user_read_config_word(pdev, offset, &word);
		*val = word;
		break;
	case 4:
		ret = pci_user_read_config_dword(pdev, offset, val);
		break;
	default:
		return -EINVAL;
	}
	return pcibios_err_to_errno(ret);
}

static int vfio_vconfig_backend_write(void *priv, unsigned int offset,
				      unsigned int size, u32 val)
{
	struct pci_dev *pdev = priv;
	int ret;

	switch (size) {
	case 1:
		ret = pci_user_write_config_byte(pdev, offset, val);
		break;
	case 2:
		ret = pci_user_write_config_word(pdev, offset, val);
		break;
	case 4:
		ret = pci_user_write_config_dword(pdev, offset, val);
		break;
	default:
		return -EINVAL;
	}
	return pcibios_err_to_errno(ret);
}

static const struct vconfig_backend_ops vfio_vconfig_backend = {
	.read = vfio_vconfig_backend_read,
	.write = vfio_vconfig_backend_write,
};

static void vfio_vconfig_describe_region(struct pci_dev *pdev, int bar,
					 struct vconfig_region_desc *desc)
{
	unsigned long flags = pci_resource_flags(pdev, bar);

	desc->size = pci_resource_len(pdev, bar);
	desc->flags = 0;
	if (!desc->size)
		return;
	if (flags & IORESOURCE_IO)
		desc->flags |= VCONFIG_REGION_IO;
	if (flags & IORESOURCE_MEM_64)
		desc->flags |= VCONFIG_REGION_MEM64;
	if (flags & IORESOURCE_PREFETCH)
		desc->flags |= VCONFIG_REGION_PREFETCH;
}

/**
 * vfio_vconfig_engine_create() - build the virtual configuration space
 * @vdev: the device, enabled and reset
 *
 * Return: 0 or a negative errno from the engine.
 */
int vfio_vconfig_engine_create(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;
	struct vconfig_config cfg = {
		.ops = &vfio_vconfig_backend,
		.priv = pdev,
		.cfg_size = pdev->cfg_size > PCI_CFG_SPACE_SIZE ?
			    VCONFIG_CFG_SIZE_PCIE : VCONFIG_CFG_SIZE_PCI,
		.max_msi_vectors = VFIO_VCONFIG_MAX_MSI,
	};
	int bar, ret;

	for (bar = 0; bar < VCONFIG_NR_BARS; bar++)
		vfio_vconfig_describe_region(pdev, bar, &cfg.region[bar]);
	vfio_vconfig_describe_region(pdev, PCI_ROM_RESOURCE,
				     &cfg.region[VCONFIG_ROM_BAR]);
	if (!pdev->irq || vdev->nointx)
		cfg.flags |= VCONFIG_F_NO_INTX;
	if (READ_ONCE(vdev->strict))
		cfg.flags |= VCONFIG_F_STRICT;
	if (vfio_vconfig_unassigned_passthrough)
		cfg.flags |= VCONFIG_F_UNASSIGNED_PASSTHROUGH;
	vfio_vconfig_sriov_engine_config(vdev, &cfg);

	ret = vconfig_create(&cfg, &vdev->vc);
	if (ret)
		pci_warn(pdev, "virtual config space refused: %d\n", ret);
	return ret;
}

/**
 * vfio_vconfig_engine_check() - can the engine describe this function
 * @vdev: the device
 *
 * Builds a throw-away engine at bind time so that a function whose
 * configuration space the engine refuses is refused by the driver.
 *
 * Return: 0 or the engine's error.
 */
int vfio_vconfig_engine_check(struct vfio_vconfig_device *vdev)
{
	int ret = vfio_vconfig_engine_create(vdev);

	vfio_vconfig_engine_destroy(vdev);
	return ret;
}

/**
 * vfio_vconfig_engine_destroy() - release the virtual configuration space
 * @vdev: the device
 */
void vfio_vconfig_engine_destroy(struct vfio_vconfig_device *vdev)
{
	if (vdev->vc)
		vconfig_destroy(vdev->vc);
	vdev->vc = NULL;
}

/**
 * vfio_vconfig_memory_enabled() - may the user reach the memory BARs
 * @vdev: the device; caller holds memory_lock
 *
 * Return: true when the virtual Command register enables memory decode
 * and the function is powered.
 */
bool vfio_vconfig_memory_enabled(struct vfio_vconfig_device *vdev)
{
	if (vdev->pdev->current_state >= PCI_D3hot)
		return false;
	return vdev->vc && vconfig_memory_enabled(vdev->vc);
}

/**
 * vfio_vconfig_io_enabled() - may the user reach the I/O BARs
 * @vdev: the device; caller holds memory_lock
 *
 * Return: true when the virtual Command register enables I/O decode.
 */
bool vfio_vconfig_io_enabled(struct vfio_vconfig_device *vdev)
{
	if (vdev->pdev->current_state >= PCI_D3hot)
		return false;
	return vdev->vc && vconfig_io_enabled(vdev->vc);
}

/*
 * The function was reset: the virtual space returns to its reset values
 * and the interrupt state follows it. Caller holds igate, memory_lock for
 * write and config_lock.
 */
static void vfio_vconfig_virtual_reset(struct vfio_vconfig_device *vdev)
{
	u8 cmd[2] = { 0, 0 };

	vconfig_reset(vdev->vc);
	vconfig_read(vdev->vc, PCI_COMMAND, sizeof(cmd), cmd);
	vfio_vconfig_irqs_after_reset(vdev, cmd[1] &
				      (PCI_COMMAND_INTX_DISABLE >> 8));
}

/**
 * vfio_vconfig_reset_function() - reset the function and its virtual space
 * @vdev: the device; caller holds igate and memory_lock for write,
 *	mappings zapped
 *
 * The virtual space is reset only when the function was: after a failed
 * reset it still describes the function as it is.
 *
 * Return: 0 or the error of pci_try_reset_function().
 */
int vfio_vconfig_reset_function(struct vfio_vconfig_device *vdev)
{
	int ret;

	if (vfio_vconfig_sriov_busy(vdev))
		return -EBUSY;
	vfio_vconfig_set_power_state(vdev, PCI_D0);
	ret = pci_try_reset_function(vdev->pdev);
	vfio_vconfig_nointx_restore(vdev);
	if (!ret) {
		mutex_lock(&vdev->config_lock);
		vfio_vconfig_virtual_reset(vdev);
		mutex_unlock(&vdev->config_lock);
	}
	return ret;
}

/**
 * vfio_vconfig_after_reset() - follow a slot or bus reset of an open function
 * @vdev: the device; caller holds igate and memory_lock for write
 * @done: the reset succeeded
 *
 * As after vfio_vconfig_reset_function(): the virtual space is reset only
 * when the function was.
 */
void vfio_vconfig_after_reset(struct vfio_vconfig_device *vdev, bool done)
{
	if (!vdev->vc)
		return;
	vfio_vconfig_nointx_restore(vdev);
	if (done) {
		mutex_lock(&vdev->config_lock);
		vfio_vconfig_virtual_reset(vdev);
		mutex_unlock(&vdev->config_lock);
	}
}

/**
 * vfio_vconfig_set_power_state() - move the function to a power state
 * @vdev: the device; caller holds memory_lock for write
 * @state: the new state
 *
 * A function without No_Soft_Reset loses its configuration on D3hot->D0:
 * its state is saved on the way down and restored on the way up, as
 * vfio-pci does. Config-engine state is not touched here.
 *
 * Return: 0 or the error of pci_set_power_state().
 */
int vfio_vconfig_set_power_state(struct vfio_vconfig_device *vdev,
				 pci_power_t state)
{
	struct pci_dev *pdev = vdev->pdev;
	bool needs_restore = false, needs_save = false;
	int ret;

	if (state > PCI_D3hot)
		state = PCI_D3hot;
	/* VFs need their PF in D0 */
	if (state > PCI_D0 && vfio_vconfig_sriov_busy(vdev))
		return -EBUSY;
	if (vdev->needs_pm_restore) {
		if (pdev->current_state < PCI_D3hot && state >= PCI_D3hot) {
			pci_save_state(pdev);
			needs_save = true;
		}
		if (pdev->current_state >= PCI_D3hot && state <= PCI_D0)
			needs_restore = true;
	}

	ret = pci_set_power_state(pdev, state);
	if (ret)
		return ret;

	/* a function that stayed in D0 has nothing to restore later */
	if (needs_save && pdev->current_state >= PCI_D3hot) {
		kfree(vdev->pm_state);
		vdev->pm_state = pci_store_saved_state(pdev);
	} else if (needs_restore) {
		pci_load_and_free_saved_state(pdev, &vdev->pm_state);
		pci_restore_state(pdev);
	}
	return 0;
}

/* The PowerState field of PMCSR (D0-D3hot: 0-3) as the kernel's pci_power_t. */
static pci_power_t vfio_vconfig_pm_field(unsigned int field)
{
	return (__force pci_power_t)field;
}

static void vfio_vconfig_do_power(struct vfio_vconfig_device *vdev,
				  const struct vconfig_effect *fx)
{
	pci_power_t from = vfio_vconfig_pm_field(fx->power.from);
	pci_power_t to = vfio_vconfig_pm_field(fx->power.to);
	bool resets = vdev->needs_pm_restore && from == PCI_D3hot &&
		      to == PCI_D0;

	if (to > PCI_D3hot)
		return;
	/* no mapping may outlive the decode a low-power state takes away */
	vfio_vconfig_zap_bars(vdev);
	if (vfio_vconfig_set_power_state(vdev, to))
		return;
	if (resets)
		vfio_vconfig_virtual_reset(vdev);
}

static void vfio_vconfig_do_vpd(struct vfio_vconfig_device *vdev,
				const struct vconfig_effect *fx)
{
	struct pci_dev *pdev = vdev->pdev;
	u32 data = fx->vpd.data;
	ssize_t ret;

	if (fx->vpd.write)
		ret = pci_write_vpd(pdev, fx->vpd.addr, sizeof(data), &data);
	else
		ret = pci_read_vpd(pdev, fx->vpd.addr, sizeof(data), &data);
	vconfig_vpd_complete(vdev->vc, data, ret == sizeof(data));
}

static void vfio_vconfig_do_flr(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;
	int ret;

	if (vfio_vconfig_sriov_busy(vdev)) {
		pci_info_ratelimited(pdev, "reset refused: SR-IOV VFs enabled\n");
		return;
	}
	vfio_vconfig_zap_bars(vdev);
	vfio_vconfig_set_power_state(vdev, PCI_D0);
	ret = pci_try_reset_function(pdev);
	vfio_vconfig_nointx_restore(vdev);
	if (ret) {
		pci_info_ratelimited(pdev, "requested reset failed\n");
		return;
	}
	vfio_vconfig_virtual_reset(vdev);
}

static void vfio_vconfig_do_decode(struct vfio_vconfig_device *vdev,
				   const struct vconfig_effect *fx)
{
	/*
	 * The virtual Command register guards every access and fault, and
	 * memory_lock is held: zap what was populated while decode was on.
	 */
	if (!fx->decode.memory)
		vfio_vconfig_zap_bars(vdev);
}

/* As vfio-pci: never below Max Payload Size, which the host chose. */
static void vfio_vconfig_do_readrq(struct vfio_vconfig_device *vdev,
				   const struct vconfig_effect *fx)
{
	struct pci_dev *pdev = vdev->pdev;

	if (pci_is_pcie(pdev))
		pcie_set_readrq(pdev, max_t(int, fx->readrq.bytes,
					    pcie_get_mps(pdev)));
}

/*
 * Execute the effects of one write. Called with igate, memory_lock (for
 * write) and config_lock held. Whether BAR mappings are revoked is decided
 * by the effect itself, whichever capability instance produced it, at the
 * moment its action runs: faults wait on memory_lock until it is done.
 */
static void vfio_vconfig_run_effects(struct vfio_vconfig_device *vdev,
				     const struct vconfig_effects *fxs)
{
	unsigned int i;

	if (fxs->overflow)
		dev_warn_ratelimited(&vdev->pdev->dev, "config effects dropped\n");

	for (i = 0; i < fxs->count && i < VCONFIG_MAX_EFFECTS; i++) {
		const struct vconfig_effect *fx = &fxs->effect[i];

		switch (fx->type) {
		case VCONFIG_EFFECT_INTX_MASK:
			vfio_vconfig_set_virq_disabled(vdev, fx->intx.masked);
			break;
		case VCONFIG_EFFECT_MSI:
			if (vdev->action.enabled)
				vfio_vconfig_action_msi(vdev, fx->msi.enable,
							fx->msi.nvec);
			break;
		case VCONFIG_EFFECT_MSIX:
			if (vdev->action.enabled)
				vfio_vconfig_action_msix(vdev, fx->msix.enable,
							 fx->msix.masked);
			break;
		case VCONFIG_EFFECT_MSI_MASK:
			if (vdev->action.enabled)
				vfio_vconfig_action_msi_mask(vdev,
							     fx->msi_mask.mask);
			break;
		case VCONFIG_EFFECT_FLR:
			vfio_vconfig_do_flr(vdev);
			break;
		case VCONFIG_EFFECT_POWER_STATE:
			vfio_vconfig_do_power(vdev, fx);
			break;
		case VCONFIG_EFFECT_VPD:
			vfio_vconfig_do_vpd(vdev, fx);
			break;
		case VCONFIG_EFFECT_READRQ:
			vfio_vconfig_do_readrq(vdev, fx);
			break;
		case VCONFIG_EFFECT_DECODE:
			vfio_vconfig_do_decode(vdev, fx);
			break;
		default:
			/* bus master and BAR placement need nothing */
			break;
		}
	}
}

/* Offset of the visible PM capability's PMCSR in the virtual space, or 0. */
static unsigned int vfio_vconfig_pmcsr(struct vfio_vconfig_device *vdev)
{
	struct vconfig_cap_info info;
	unsigned int i;

	for (i = 0; i < vconfig_nr_caps(vdev->vc); i++)
		if (!vconfig_cap(vdev->vc, i, &info) && !info.extended &&
		    !info.hidden && info.id == PCI_CAP_ID_PM)
			return info.offset + PCI_PM_CTRL;
	return 0;
}

/**
 * vfio_vconfig_power_up() - bring an open function to D0 as its user would
 * @vdev: the device; caller holds igate and memory_lock for write
 *
 * Before a runtime suspend: the PCI core takes the function down from D0
 * and brings it back to D0, so a low-power state the user wrote to PMCSR
 * is left first, exactly as a PMCSR write of D0 would leave it (the
 * virtual PowerState then tells the truth after the resume).
 */
void vfio_vconfig_power_up(struct vfio_vconfig_device *vdev)
{
	struct vconfig_effects fxs;
	unsigned int pmcsr;
	u32 ctrl;

	mutex_lock(&vdev->config_lock);
	pmcsr = vdev->vc ? vfio_vconfig_pmcsr(vdev) : 0;
	if (pmcsr && !vconfig_read_reg(vdev->vc, pmcsr, 2, &ctrl) &&
	    (ctrl & PCI_PM_CTRL_STATE_MASK) &&
	    !vconfig_write_reg(vdev->vc, pmcsr, 2,
			       ctrl & ~PCI_PM_CTRL_STATE_MASK, &fxs))
		vfio_vconfig_run_effects(vdev, &fxs);
	mutex_unlock(&vdev->config_lock);
	vfio_vconfig_set_power_state(vdev, PCI_D0);
}

/* Accesses up to this size are bounced through the stack. */
#define VFIO_VCONFIG_SMALL_ACCESS	64

static ssize_t vfio_vconfig_config_write(struct vfio_vconfig_device *vdev,
					 const u8 *buf, size_t count,
					 loff_t pos)
{
	struct vconfig_effects fxs;
	size_t done = 0;
	int ret = 0;

	/* a write no effect can come of needs only the engine's lock, as vfio-pci */
	if (!vconfig_write_may_act(vdev->vc, pos, count)) {
		mutex_lock(&vdev->config_lock);
		ret = vconfig_write(vdev->vc, pos, count, buf, NULL);
		mutex_unlock(&vdev->config_lock);
		return ret ? ret : count;
	}

	mutex_lock(&vdev->igate);
	down_write(&vdev->memory_lock);
	mutex_lock(&vdev->config_lock);

	/*
	 * The engine splits the access into pieces; a longer write is handed
	 * over a dword at a time so that the effects of each dword run, in
	 * order, before the next one lands (and never overflow the record).
	 */
	while (done < count) {
		unsigned int len = min_t(size_t, count - done,
					 4 - ((pos + done) & 3));

		ret = vconfig_write(vdev->vc, pos + done, len, buf + done,
				    &fxs);
		if (ret)
			break;
		vfio_vconfig_run_effects(vdev, &fxs);
		done += len;
	}

	mutex_unlock(&vdev->config_lock);
	up_write(&vdev->memory_lock);
	mutex_unlock(&vdev->igate);
	return done ? done : ret;
}

static ssize_t vfio_vconfig_config_read(struct vfio_vconfig_device *vdev,
					u8 *buf, size_t count, loff_t pos)
{
	int ret;

	/* one call: the engine splits the access into its pieces */
	mutex_lock(&vdev->config_lock);
	ret = vconfig_read(vdev->vc, pos, count, buf);
	mutex_unlock(&vdev->config_lock);
	return ret ? ret : count;
}

/**
 * vfio_vconfig_config_rw() - read or write the configuration region
 * @vdev: the device
 * @buf: user buffer
 * @count: bytes
 * @pos: offset inside the region
 * @iswrite: direction
 *
 * The user buffer is copied before any lock is taken: it may itself be a
 * mapping of one of this device's BARs, whose fault path takes
 * memory_lock.
 *
 * Return: bytes transferred, -EFAULT for a range outside the space (as
 * vfio-pci), or another negative errno.
 */
ssize_t vfio_vconfig_config_rw(struct vfio_vconfig_device *vdev,
			       char __user *buf, size_t count, loff_t pos,
			       bool iswrite)
{
	unsigned int size = vconfig_cfg_size(vdev->vc);
	u8 stack_buf[VFIO_VCONFIG_SMALL_ACCESS], *kbuf = stack_buf;
	ssize_t ret;

	if (pos < 0 || pos >= size || count > size - pos)
		return -EFAULT;

	/* single registers, the common case, need no allocation */
	if (count > sizeof(stack_buf)) {
		kbuf = kmalloc(count, GFP_KERNEL_ACCOUNT);
		if (!kbuf)
			return -ENOMEM;
	}

	if (iswrite) {
		if (copy_from_user(kbuf, buf, count))
			ret = -EFAULT;
		else
			ret = vfio_vconfig_config_write(vdev, kbuf, count, pos);
	} else {
		ret = vfio_vconfig_config_read(vdev, kbuf, count, pos);
		if (ret > 0 && copy_to_user(buf, kbuf, ret))
			ret = -EFAULT;
	}
	if (kbuf != stack_buf)
		kfree(kbuf);
	return ret;
}
