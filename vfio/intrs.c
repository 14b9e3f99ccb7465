// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: interrupts. INTx, MSI and MSI-X are delivered to eventfds
 * set with VFIO_DEVICE_SET_IRQS (vfio-pci semantics), or, in config-action
 * mode, allocated by the configuration writes that enable MSI or MSI-X.
 */
#include <linux/eventfd.h>
#include <linux/interrupt.h>
#include <linux/msi.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/vfio.h>

#include "vfio_vconfig.h"

/**
 * vfio_vconfig_irq_count() - number of interrupts of a VFIO irq index
 * @vdev: the device
 * @index: VFIO_PCI_*_IRQ_INDEX
 *
 * Return: the count vfio-pci reports for the same function.
 */
int vfio_vconfig_irq_count(struct vfio_vconfig_device *vdev, unsigned int index)
{
	struct pci_dev *pdev = vdev->pdev;
	u32 pin = 0;
	u16 flags;

	switch (index) {
	case VFIO_PCI_INTX_IRQ_INDEX:
		if (!vdev->vc || !pdev->irq)
			return 0;
		mutex_lock(&vdev->config_lock);
		if (vconfig_read_reg(vdev->vc, PCI_INTERRUPT_PIN, 1, &pin))
			pin = 0;
		mutex_unlock(&vdev->config_lock);
		return pin ? 1 : 0;
	case VFIO_PCI_MSI_IRQ_INDEX:
		if (!pdev->msi_cap)
			return 0;
		pci_read_config_word(pdev, pdev->msi_cap + PCI_MSI_FLAGS, &flags);
		return 1 << ((flags & PCI_MSI_FLAGS_QMASK) >> 1);
	case VFIO_PCI_MSIX_IRQ_INDEX:
		return pdev->msix_cap ? vdev->msix_entries : 0;
	case VFIO_PCI_ERR_IRQ_INDEX:
		return pci_is_pcie(pdev) ? 1 : 0;
	case VFIO_PCI_REQ_IRQ_INDEX:
		return 1;
	}
	return 0;
}

/* INTx */

static void vfio_vconfig_send_intx(void *opaque, void *unused)
{
	struct vfio_vconfig_device *vdev = opaque;
	struct eventfd_ctx *trigger = READ_ONCE(vdev->intx_trigger);

	/* as vfio-pci: nothing reaches the user while INTx-disable is set */
	if (likely(vdev->irq_type == VFIO_PCI_INTX_IRQ_INDEX &&
		   !vdev->virq_disabled && trigger))
		vfio_vconfig_eventfd_signal(trigger);
}

/* Caller holds irqlock. */
static void __vfio_vconfig_intx_mask(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;

	/*
	 * The virtual INTx-disable bit calls this even when INTx is not in
	 * use; the physical bit then just follows the virtual one.
	 */
	if (vdev->irq_type != VFIO_PCI_INTX_IRQ_INDEX) {
		if (vdev->pci_2_3)
			pci_intx(pdev, 0);
	} else if (!vdev->intx_masked) {
		if (vdev->pci_2_3)
			pci_intx(pdev, 0);
		else
			disable_irq_nosync(pdev->irq);
		vdev->intx_masked = true;
	}
}

/**
 * vfio_vconfig_intx_mask() - mask INTx at the device or the irq chip
 * @vdev: the device
 */
void vfio_vconfig_intx_mask(struct vfio_vconfig_device *vdev)
{
	unsigned long flags;

	spin_lock_irqsave(&vdev->irqlock, flags);
	__vfio_vconfig_intx_mask(vdev);
	spin_unlock_irqrestore(&vdev->irqlock, flags);
}

/**
 * vfio_vconfig_intx_pm_mask() - mask INTx for a runtime suspend
 * @vdev: the device
 *
 * Return: true when INTx was in use and unmasked and is now masked (the
 * resume unmasks it again), false when there was nothing to mask.
 */
bool vfio_vconfig_intx_pm_mask(struct vfio_vconfig_device *vdev)
{
	unsigned long flags;
	bool masked = false;

	spin_lock_irqsave(&vdev->irqlock, flags);
	if (vdev->irq_type == VFIO_PCI_INTX_IRQ_INDEX && !vdev->intx_masked) {
		__vfio_vconfig_intx_mask(vdev);
		masked = true;
	}
	spin_unlock_irqrestore(&vdev->irqlock, flags);
	return masked;
}

/* Returns 1 when an interrupt is pending and must be sent to the user. */
static int vfio_vconfig_intx_unmask_handler(void *opaque, void *unused)
{
	struct vfio_vconfig_device *vdev = opaque;
	struct pci_dev *pdev = vdev->pdev;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&vdev->irqlock, flags);
	if (vdev->irq_type != VFIO_PCI_INTX_IRQ_INDEX) {
		if (vdev->pci_2_3 && !vdev->virq_disabled)
			pci_intx(pdev, 1);
	} else if (vdev->intx_masked && !vdev->virq_disabled) {
		/* a pending interrupt is re-sent rather than re-raised */
		if (vdev->pci_2_3) {
			if (!pci_check_and_unmask_intx(pdev))
				ret = 1;
		} else {
			enable_irq(pdev->irq);
		}
		vdev->intx_masked = ret > 0;
	}
	spin_unlock_irqrestore(&vdev->irqlock, flags);
	return ret;
}

/**
 * vfio_vconfig_intx_unmask() - unmask INTx unless the user disabled it
 * @vdev: the device
 */
void vfio_vconfig_intx_unmask(struct vfio_vconfig_device *vdev)
{
	if (vfio_vconfig_intx_unmask_handler(vdev, NULL) > 0)
		vfio_vconfig_send_intx(vdev, NULL);
}

/**
 * vfio_vconfig_set_virq_disabled() - follow the virtual INTx-disable bit
 * @vdev: the device; caller holds igate
 * @disabled: the new value of Command.INTx-disable
 */
void vfio_vconfig_set_virq_disabled(struct vfio_vconfig_device *vdev,
				    bool disabled)
{
	if (disabled && !vdev->virq_disabled) {
		vdev->virq_disabled = true;
		vfio_vconfig_intx_mask(vdev);
	} else if (!disabled && vdev->virq_disabled) {
		vdev->virq_disabled = false;
		vfio_vconfig_intx_unmask(vdev);
	}
}

static irqreturn_t vfio_vconfig_intx_handler(int irq, void *dev_id)
{
	struct vfio_vconfig_device *vdev = dev_id;
	irqreturn_t ret = IRQ_NONE;
	unsigned long flags;

	spin_lock_irqsave(&vdev->irqlock, flags);
	if (!vdev->pci_2_3) {
		disable_irq_nosync(vdev->pdev->irq);
		vdev->intx_masked = true;
		ret = IRQ_HANDLED;
	} else if (!vdev->intx_masked &&
		   pci_check_and_mask_intx(vdev->pdev)) {
		vdev->intx_masked = true;
		ret = IRQ_HANDLED;
	}
	spin_unlock_irqrestore(&vdev->irqlock, flags);

	if (ret == IRQ_HANDLED)
		vfio_vconfig_send_intx(vdev, NULL);
	return ret;
}

static int vfio_vconfig_intx_enable(struct vfio_vconfig_device *vdev,
				    struct eventfd_ctx *trigger)
{
	struct pci_dev *pdev = vdev->pdev;
	unsigned long irqflags;
	char *name;
	int ret;

	if (!pdev->irq)
		return -ENODEV;

	name = kasprintf(GFP_KERNEL_ACCOUNT, "vfio-vconfig-intx(%s)",
			 pci_name(pdev));
	if (!name)
		return -ENOMEM;

	vdev->intx_trigger = trigger;
	vdev->intx_name = name;
	/* no handler yet: masked is stable and picks the initial state */
	vdev->intx_masked = vdev->virq_disabled;
	if (vdev->pci_2_3) {
		pci_intx(pdev, !vdev->intx_masked);
		irqflags = IRQF_SHARED;
	} else {
		irqflags = vdev->intx_masked ? IRQF_NO_AUTOEN : 0;
	}

	vdev->irq_type = VFIO_PCI_INTX_IRQ_INDEX;
	ret = request_irq(pdev->irq, vfio_vconfig_intx_handler, irqflags,
			  name, vdev);
	if (ret) {
		vdev->irq_type = VFIO_VCONFIG_IRQ_NONE;
		vdev->intx_trigger = NULL;
		vdev->intx_name = NULL;
		kfree(name);
	}
	return ret;
}

static void vfio_vconfig_intx_set_signal(struct vfio_vconfig_device *vdev,
					 struct eventfd_ctx *trigger)
{
	struct eventfd_ctx *old = vdev->intx_trigger;

	WRITE_ONCE(vdev->intx_trigger, trigger);
	if (old) {
		synchronize_irq(vdev->pdev->irq);
		vfio_virqfd_flush_thread(&vdev->intx_unmask);
		eventfd_ctx_put(old);
	}
}

static void vfio_vconfig_intx_disable(struct vfio_vconfig_device *vdev)
{
	vfio_virqfd_disable(&vdev->intx_unmask);
	free_irq(vdev->pdev->irq, vdev);
	if (vdev->intx_trigger)
		eventfd_ctx_put(vdev->intx_trigger);
	vdev->intx_trigger = NULL;
	kfree(vdev->intx_name);
	vdev->intx_name = NULL;
	vdev->irq_type = VFIO_VCONFIG_IRQ_NONE;
}

/* MSI and MSI-X */

static irqreturn_t vfio_vconfig_msi_handler(int irq, void *arg)
{
	struct vfio_vconfig_vector *vec = arg;
	struct eventfd_ctx *trigger = READ_ONCE(vec->trigger);

	if (trigger)
		vfio_vconfig_eventfd_signal(trigger);
	return IRQ_HANDLED;
}

static u16 vfio_vconfig_mem_begin(struct vfio_vconfig_device *vdev, bool locked)
{
	if (!locked)
		down_write(&vdev->memory_lock);
	return vfio_vconfig_hw_memory_enable(vdev);
}

static void vfio_vconfig_mem_end(struct vfio_vconfig_device *vdev, u16 cmd,
				 bool locked)
{
	vfio_vconfig_hw_memory_restore(vdev, cmd);
	if (!locked)
		up_write(&vdev->memory_lock);
}

/*
 * Allocate @nvec host vectors. @locked: the caller already holds
 * memory_lock for write (config write path).
 */
static int vfio_vconfig_msi_enable(struct vfio_vconfig_device *vdev,
				   unsigned int nvec, bool msix, bool locked)
{
	unsigned int flag = msix ? PCI_IRQ_MSIX : PCI_IRQ_MSI;
	unsigned int slots = nvec;
	int ret;
	u16 cmd;

	if (vdev->irq_type != VFIO_VCONFIG_IRQ_NONE)
		return -EINVAL;

	/* dynamic MSI-X: room for every entry, host vectors on demand */
	if (msix && vdev->has_dyn_msix)
		slots = max_t(unsigned int, nvec, vdev->msix_entries);
	vdev->vectors = kcalloc(slots, sizeof(*vdev->vectors),
				GFP_KERNEL_ACCOUNT);
	if (!vdev->vectors)
		return -ENOMEM;

	cmd = vfio_vconfig_mem_begin(vdev, locked);
	ret = pci_alloc_irq_vectors(vdev->pdev, 1, nvec, flag);
	if (ret > 0 && ret < nvec)
		pci_free_irq_vectors(vdev->pdev);
	vfio_vconfig_mem_end(vdev, cmd, locked);
	if (ret < (int)nvec) {
		kfree(vdev->vectors);
		vdev->vectors = NULL;
		/* as vfio-pci: the number of vectors available, or an error */
		return ret;
	}

	vdev->nr_vectors = slots;
	vdev->irq_type = msix ? VFIO_PCI_MSIX_IRQ_INDEX : VFIO_PCI_MSI_IRQ_INDEX;
	return 0;
}

/*
 * The host interrupt of vector @i. With dynamic MSI-X one that is not
 * allocated yet is allocated now and kept until MSI-X is disabled, as
 * vfio-pci does.
 */
static int vfio_vconfig_vector_irq(struct vfio_vconfig_device *vdev,
				   unsigned int i, bool locked)
{
	int irq = pci_irq_vector(vdev->pdev, i);
	u16 cmd;

	if (irq > 0 || vdev->irq_type != VFIO_PCI_MSIX_IRQ_INDEX ||
	    !vdev->has_dyn_msix)
		return irq;

	cmd = vfio_vconfig_mem_begin(vdev, locked);
	irq = vfio_vconfig_msix_alloc_irq_at(vdev->pdev, i);
	vfio_vconfig_mem_end(vdev, cmd, locked);
	return irq;
}

static void vfio_vconfig_vector_free(struct vfio_vconfig_device *vdev,
				     unsigned int i, bool locked)
{
	struct vfio_vconfig_vector *vec = &vdev->vectors[i];
	u16 cmd;

	if (vec->requested) {
		cmd = vfio_vconfig_mem_begin(vdev, locked);
		free_irq(pci_irq_vector(vdev->pdev, i), vec);
		vfio_vconfig_mem_end(vdev, cmd, locked);
	}
	/* in config-action mode the armed table owns the reference */
	if (vec->trigger && !vdev->action.enabled)
		eventfd_ctx_put(vec->trigger);
	vec->trigger = NULL;
	vec->requested = false;
	kfree(vec->name);
	vec->name = NULL;
}

static int vfio_vconfig_vector_request(struct vfio_vconfig_device *vdev,
				       unsigned int i,
				       struct eventfd_ctx *trigger, bool locked)
{
	struct vfio_vconfig_vector *vec = &vdev->vectors[i];
	bool msix = vdev->irq_type == VFIO_PCI_MSIX_IRQ_INDEX;
	int irq = vfio_vconfig_vector_irq(vdev, i, locked);
	int ret;
	u16 cmd;

	if (irq < 0)
		return irq;
	vec->name = kasprintf(GFP_KERNEL_ACCOUNT, "vfio-vconfig-msi%s[%u](%s)",
			      msix ? "x" : "", i, pci_name(vdev->pdev));
	if (!vec->name)
		return -ENOMEM;

	vec->trigger = trigger;
	cmd = vfio_vconfig_mem_begin(vdev, locked);
	if (msix) {
		struct msi_msg msg;

		/* the table may have been cleared behind the host's back */
		get_cached_msi_msg(irq, &msg);
		pci_write_msi_msg(irq, &msg);
	}
	ret = request_irq(irq, vfio_vconfig_msi_handler, 0, vec->name, vec);
	vfio_vconfig_mem_end(vdev, cmd, locked);
	if (ret) {
		vec->trigger = NULL;
		kfree(vec->name);
		vec->name = NULL;
		return ret;
	}
	vec->requested = true;
	return 0;
}

/*
 * Is vector @i masked by a config-action mask? MSI mask bits exist for
 * the first 32 vectors only; MSI-X vectors follow the Function Mask.
 */
static bool vfio_vconfig_action_vector_masked(struct vfio_vconfig_device *vdev,
					      unsigned int i)
{
	if (vdev->irq_type == VFIO_PCI_MSIX_IRQ_INDEX)
		return vdev->action.msix_masked;
	return i < VFIO_VCONFIG_MAX_MSI && (vdev->action.msi_masked & BIT(i));
}

static void vfio_vconfig_msi_disable(struct vfio_vconfig_device *vdev,
				     bool locked)
{
	unsigned int i;
	u16 cmd;

	for (i = 0; i < vdev->nr_vectors; i++) {
		/* balance the disable_irq() of a config-action mask */
		if (vfio_vconfig_action_vector_masked(vdev, i))
			enable_irq(pci_irq_vector(vdev->pdev, i));
		vfio_vconfig_vector_free(vdev, i, locked);
	}

	cmd = vfio_vconfig_mem_begin(vdev, locked);
	pci_free_irq_vectors(vdev->pdev);
	vfio_vconfig_mem_end(vdev, cmd, locked);
	/* the MSI shutdown cleared DisINTx */
	vfio_vconfig_nointx_restore(vdev);

	kfree(vdev->vectors);
	vdev->vectors = NULL;
	vdev->nr_vectors = 0;
	vdev->irq_type = VFIO_VCONFIG_IRQ_NONE;
	vdev->action.msix_masked = false;
	vdev->action.msi_masked = 0;
}

/* Default mode: connect vector @i to eventfd @fd, or disconnect (-1). */
static int vfio_vconfig_msi_set_vector(struct vfio_vconfig_device *vdev,
				       unsigned int i, int fd)
{
	struct eventfd_ctx *trigger;
	int ret;

	/* sparse vectors: only connecting one that cannot exist fails */
	if (i >= vdev->nr_vectors)
		return VFIO_VCONFIG_SPARSE_VECTORS && fd < 0 ? 0 : -EINVAL;

	vfio_vconfig_vector_free(vdev, i, false);
	if (fd < 0)
		return 0;

	trigger = eventfd_ctx_fdget(fd);
	if (IS_ERR(trigger))
		return PTR_ERR(trigger);
	ret = vfio_vconfig_vector_request(vdev, i, trigger, false);
	if (ret)
		eventfd_ctx_put(trigger);
	return ret;
}

static int vfio_vconfig_msi_set_block(struct vfio_vconfig_device *vdev,
				      unsigned int start, unsigned int count,
				      s32 *fds)
{
	unsigned int i, j;
	int ret = 0;

	if (!VFIO_VCONFIG_SPARSE_VECTORS &&
	    (start >= vdev->nr_vectors || start + count > vdev->nr_vectors))
		return -EINVAL;

	for (i = 0, j = start; i < count && !ret; i++, j++)
		ret = vfio_vconfig_msi_set_vector(vdev, j, fds ? fds[i] : -1);

	if (ret) {
		for (i = start; i < j; i++)
			vfio_vconfig_msi_set_vector(vdev, i, -1);
	}
	return ret;
}

/* Config-action mode */

static struct eventfd_ctx **
vfio_vconfig_armed(struct vfio_vconfig_device *vdev, unsigned int index,
		   unsigned int *nr)
{
	if (index == VFIO_PCI_MSI_IRQ_INDEX) {
		*nr = VFIO_VCONFIG_MAX_MSI;
		return vdev->action.msi_armed;
	}
	*nr = vdev->action.msix_armed ? vdev->msix_entries : 0;
	return vdev->action.msix_armed;
}

/* Replace the eventfd of armed slot @i, and of its live vector if any. */
static void vfio_vconfig_arm_slot(struct vfio_vconfig_device *vdev,
				  unsigned int index, unsigned int i,
				  struct eventfd_ctx *trigger)
{
	unsigned int nr;
	struct eventfd_ctx **armed = vfio_vconfig_armed(vdev, index, &nr);
	struct eventfd_ctx *old = armed[i];

	armed[i] = trigger;
	if (vdev->irq_type == index && i < vdev->nr_vectors) {
		WRITE_ONCE(vdev->vectors[i].trigger, trigger);
		if (vdev->vectors[i].requested)
			synchronize_irq(pci_irq_vector(vdev->pdev, i));
	}
	if (old)
		eventfd_ctx_put(old);
}

static void vfio_vconfig_disarm_all(struct vfio_vconfig_device *vdev,
				    unsigned int index, bool locked)
{
	struct eventfd_ctx **armed;
	unsigned int i, nr;

	if (vdev->irq_type == index)
		vfio_vconfig_msi_disable(vdev, locked);
	armed = vfio_vconfig_armed(vdev, index, &nr);
	for (i = 0; i < nr; i++) {
		if (armed[i])
			eventfd_ctx_put(armed[i]);
		armed[i] = NULL;
	}
}

/*
 * Arm slots [start, start + count) with the eventfds in @fds (-1 clears a
 * slot). Every eventfd is resolved before any slot changes, so a bad fd
 * anywhere in the block changes nothing.
 */
static int vfio_vconfig_arm_block(struct vfio_vconfig_device *vdev,
				  unsigned int index, unsigned int start,
				  unsigned int count, const s32 *fds)
{
	struct eventfd_ctx **ctx;
	unsigned int i;
	int ret = 0;

	ctx = kcalloc(count, sizeof(*ctx), GFP_KERNEL_ACCOUNT);
	if (!ctx)
		return -ENOMEM;
	for (i = 0; i < count && !ret; i++) {
		if (fds[i] < 0)
			continue;
		ctx[i] = eventfd_ctx_fdget(fds[i]);
		if (IS_ERR(ctx[i])) {
			ret = PTR_ERR(ctx[i]);
			ctx[i] = NULL;
		}
	}
	for (i = 0; i < count; i++) {
		if (!ret)
			vfio_vconfig_arm_slot(vdev, index, start + i, ctx[i]);
		else if (ctx[i])
			eventfd_ctx_put(ctx[i]);
	}
	kfree(ctx);
	return ret;
}

static int vfio_vconfig_action_trigger(struct vfio_vconfig_device *vdev,
				       unsigned int index, unsigned int start,
				       unsigned int count, u32 flags, void *data)
{
	struct eventfd_ctx **armed;
	unsigned int i, nr;

	if (!count && (flags & VFIO_IRQ_SET_DATA_NONE)) {
		vfio_vconfig_disarm_all(vdev, index, false);
		return 0;
	}

	armed = vfio_vconfig_armed(vdev, index, &nr);
	if (start >= nr || count > nr - start)
		return -EINVAL;

	if (flags & VFIO_IRQ_SET_DATA_EVENTFD)
		return vfio_vconfig_arm_block(vdev, index, start, count, data);

	/* DATA_NONE / DATA_BOOL: loopback through the armed eventfds */
	for (i = start; i < start + count; i++) {
		if (!armed[i])
			continue;
		if ((flags & VFIO_IRQ_SET_DATA_NONE) ||
		    ((u8 *)data)[i - start])
			vfio_vconfig_eventfd_signal(armed[i]);
	}
	return 0;
}

/* Give up INTx delivery: a function uses MSI/MSI-X or INTx, not both. */
static void vfio_vconfig_action_drop_intx(struct vfio_vconfig_device *vdev)
{
	if (vdev->irq_type != VFIO_PCI_INTX_IRQ_INDEX)
		return;
	pci_info_ratelimited(vdev->pdev,
			     "MSI enabled by config write: INTx eventfd released\n");
	vfio_vconfig_intx_disable(vdev);
}

static int vfio_vconfig_action_enable(struct vfio_vconfig_device *vdev,
				      unsigned int index, unsigned int nvec)
{
	bool msix = index == VFIO_PCI_MSIX_IRQ_INDEX;
	struct eventfd_ctx **armed;
	unsigned int i, nr;
	int ret;

	vfio_vconfig_action_drop_intx(vdev);
	ret = vfio_vconfig_msi_enable(vdev, nvec, msix, true);
	if (ret)
		return ret < 0 ? ret : -ENOSPC;

	armed = vfio_vconfig_armed(vdev, index, &nr);
	for (i = 0; i < nvec; i++) {
		ret = vfio_vconfig_vector_request(vdev, i,
						  i < nr ? armed[i] : NULL,
						  true);
		if (ret) {
			vfio_vconfig_msi_disable(vdev, true);
			return ret;
		}
	}
	return 0;
}

/**
 * vfio_vconfig_action_msi() - act on a config write to MSI control
 * @vdev: the device; caller holds igate and memory_lock for write
 * @enable: MSI Enable as written
 * @nvec: vectors enabled by Multiple Message Enable
 *
 * Return: 0 or a negative errno (the write itself is not undone).
 */
int vfio_vconfig_action_msi(struct vfio_vconfig_device *vdev, bool enable,
			    unsigned int nvec)
{
	const unsigned int index = VFIO_PCI_MSI_IRQ_INDEX;
	int ret = 0;

	nvec = clamp(nvec, 1U, (unsigned int)VFIO_VCONFIG_MAX_MSI);
	if (vdev->irq_type == index &&
	    (!enable || vdev->nr_vectors != nvec))
		vfio_vconfig_msi_disable(vdev, true);
	if (enable && vdev->irq_type != index)
		ret = vfio_vconfig_action_enable(vdev, index, nvec);
	if (ret)
		pci_info_ratelimited(vdev->pdev,
				     "MSI enable by config write failed: %d\n",
				     ret);
	return ret;
}

/**
 * vfio_vconfig_action_msi_mask() - follow the MSI per-vector mask bits
 * @vdev: the device; caller holds igate
 * @mask: Mask Bits as written
 */
void vfio_vconfig_action_msi_mask(struct vfio_vconfig_device *vdev, u32 mask)
{
	unsigned int i;

	if (vdev->irq_type != VFIO_PCI_MSI_IRQ_INDEX)
		return;
	for (i = 0; i < min(vdev->nr_vectors, VFIO_VCONFIG_MAX_MSI); i++) {
		bool want = mask & BIT(i);

		if (want == !!(vdev->action.msi_masked & BIT(i)))
			continue;
		if (want)
			disable_irq(pci_irq_vector(vdev->pdev, i));
		else
			enable_irq(pci_irq_vector(vdev->pdev, i));
		vdev->action.msi_masked ^= BIT(i);
	}
}

static void vfio_vconfig_action_mask_all(struct vfio_vconfig_device *vdev,
					 bool masked)
{
	unsigned int i;

	if (vdev->action.msix_masked == masked)
		return;
	for (i = 0; i < vdev->nr_vectors; i++) {
		int irq = pci_irq_vector(vdev->pdev, i);

		if (masked)
			disable_irq(irq);
		else
			enable_irq(irq);
	}
	vdev->action.msix_masked = masked;
}

/**
 * vfio_vconfig_action_msix() - act on a config write to MSI-X control
 * @vdev: the device; caller holds igate and memory_lock for write
 * @enable: MSI-X Enable as written
 * @masked: Function Mask as written
 *
 * Return: 0 or a negative errno (the write itself is not undone).
 */
int vfio_vconfig_action_msix(struct vfio_vconfig_device *vdev, bool enable,
			     bool masked)
{
	const unsigned int index = VFIO_PCI_MSIX_IRQ_INDEX;
	int ret = 0;

	if (vdev->irq_type == index && !enable)
		vfio_vconfig_msi_disable(vdev, true);
	if (enable && vdev->irq_type != index && vdev->msix_entries)
		ret = vfio_vconfig_action_enable(vdev, index,
						 vdev->msix_entries);
	if (!ret && vdev->irq_type == index)
		vfio_vconfig_action_mask_all(vdev, masked);
	if (ret)
		pci_info_ratelimited(vdev->pdev,
				     "MSI-X enable by config write failed: %d\n",
				     ret);
	return ret;
}

/**
 * vfio_vconfig_action_set_mode() - switch between VFIO and config-action mode
 * @vdev: the device; caller holds igate
 * @mode: VFIO_VCONFIG_MODE_*
 *
 * Return: 0, -EINVAL for an unknown mode, -EBUSY while MSI or MSI-X is
 * enabled, -ENOMEM.
 */
int vfio_vconfig_action_set_mode(struct vfio_vconfig_device *vdev, u32 mode)
{
	struct vfio_vconfig_action *action = &vdev->action;

	if (mode != VFIO_VCONFIG_MODE_VFIO && mode != VFIO_VCONFIG_MODE_ACTION)
		return -EINVAL;
	if (action->enabled == (mode == VFIO_VCONFIG_MODE_ACTION))
		return 0;
	if (vdev->irq_type == VFIO_PCI_MSI_IRQ_INDEX ||
	    vdev->irq_type == VFIO_PCI_MSIX_IRQ_INDEX)
		return -EBUSY;

	if (mode == VFIO_VCONFIG_MODE_ACTION) {
		if (vdev->msix_entries) {
			action->msix_armed = kcalloc(vdev->msix_entries,
						     sizeof(*action->msix_armed),
						     GFP_KERNEL_ACCOUNT);
			if (!action->msix_armed)
				return -ENOMEM;
		}
		action->enabled = true;
		return 0;
	}

	vfio_vconfig_disarm_all(vdev, VFIO_PCI_MSI_IRQ_INDEX, false);
	vfio_vconfig_disarm_all(vdev, VFIO_PCI_MSIX_IRQ_INDEX, false);
	kfree(action->msix_armed);
	action->msix_armed = NULL;
	action->enabled = false;
	return 0;
}

/**
 * vfio_vconfig_action_info() - report the config-action state
 * @vdev: the device; caller holds igate
 * @info: filled in
 */
void vfio_vconfig_action_info(struct vfio_vconfig_device *vdev,
			      struct vfio_device_feature_vconfig_action *info)
{
	struct eventfd_ctx **armed;
	unsigned int i, nr;

	memset(info, 0, sizeof(*info));
	if (!vdev->action.enabled)
		return;
	info->mode = VFIO_VCONFIG_MODE_ACTION;
	armed = vfio_vconfig_armed(vdev, VFIO_PCI_MSI_IRQ_INDEX, &nr);
	for (i = 0; i < nr; i++)
		info->msi_armed += !!armed[i];
	armed = vfio_vconfig_armed(vdev, VFIO_PCI_MSIX_IRQ_INDEX, &nr);
	for (i = 0; i < nr; i++)
		info->msix_armed += !!armed[i];
	info->active_vectors = vdev->nr_vectors;
}

/* SET_IRQS handlers, one per index and action */

static int vfio_vconfig_set_intx_unmask(struct vfio_vconfig_device *vdev,
					unsigned int index, unsigned int start,
					unsigned int count, u32 flags, void *data)
{
	if (vdev->irq_type != VFIO_PCI_INTX_IRQ_INDEX || start != 0 || count != 1)
		return -EINVAL;

	if (flags & VFIO_IRQ_SET_DATA_NONE) {
		vfio_vconfig_intx_unmask(vdev);
	} else if (flags & VFIO_IRQ_SET_DATA_BOOL) {
		if (*(u8 *)data)
			vfio_vconfig_intx_unmask(vdev);
	} else if (flags & VFIO_IRQ_SET_DATA_EVENTFD) {
		s32 fd = *(s32 *)data;

		if (fd >= 0)
			return vfio_virqfd_enable(vdev,
						  vfio_vconfig_intx_unmask_handler,
						  vfio_vconfig_send_intx, NULL,
						  &vdev->intx_unmask, fd);
		vfio_virqfd_disable(&vdev->intx_unmask);
	}
	return 0;
}

static int vfio_vconfig_set_intx_mask(struct vfio_vconfig_device *vdev,
				      unsigned int index, unsigned int start,
				      unsigned int count, u32 flags, void *data)
{
	if (vdev->irq_type != VFIO_PCI_INTX_IRQ_INDEX || start != 0 || count != 1)
		return -EINVAL;

	if (flags & VFIO_IRQ_SET_DATA_NONE) {
		vfio_vconfig_intx_mask(vdev);
	} else if (flags & VFIO_IRQ_SET_DATA_BOOL) {
		if (*(u8 *)data)
			vfio_vconfig_intx_mask(vdev);
	} else if (flags & VFIO_IRQ_SET_DATA_EVENTFD) {
		/* as vfio-pci: masking from an eventfd is not offered */
		return -ENOTTY;
	}
	return 0;
}

static int vfio_vconfig_set_intx_trigger(struct vfio_vconfig_device *vdev,
					 unsigned int index, unsigned int start,
					 unsigned int count, u32 flags,
					 void *data)
{
	bool is_intx = vdev->irq_type == VFIO_PCI_INTX_IRQ_INDEX;

	if (is_intx && !count && (flags & VFIO_IRQ_SET_DATA_NONE)) {
		vfio_vconfig_intx_disable(vdev);
		return 0;
	}

	if (!(is_intx || vdev->irq_type == VFIO_VCONFIG_IRQ_NONE) ||
	    start != 0 || count != 1)
		return -EINVAL;

	if (flags & VFIO_IRQ_SET_DATA_EVENTFD) {
		struct eventfd_ctx *trigger = NULL;
		s32 fd = *(s32 *)data;
		int ret = 0;

		if (fd >= 0) {
			trigger = eventfd_ctx_fdget(fd);
			if (IS_ERR(trigger))
				return PTR_ERR(trigger);
		}
		if (is_intx)
			vfio_vconfig_intx_set_signal(vdev, trigger);
		else
			ret = vfio_vconfig_intx_enable(vdev, trigger);
		if (ret && trigger)
			eventfd_ctx_put(trigger);
		return ret;
	}

	if (!is_intx)
		return -EINVAL;

	if ((flags & VFIO_IRQ_SET_DATA_NONE) ||
	    ((flags & VFIO_IRQ_SET_DATA_BOOL) && *(u8 *)data))
		vfio_vconfig_send_intx(vdev, NULL);
	return 0;
}

static int vfio_vconfig_set_msi_trigger(struct vfio_vconfig_device *vdev,
					unsigned int index, unsigned int start,
					unsigned int count, u32 flags, void *data)
{
	unsigned int i;
	int ret;

	if (vdev->action.enabled)
		return vfio_vconfig_action_trigger(vdev, index, start, count,
						   flags, data);

	if (vdev->irq_type == index && !count &&
	    (flags & VFIO_IRQ_SET_DATA_NONE)) {
		vfio_vconfig_msi_disable(vdev, false);
		return 0;
	}

	if (!(vdev->irq_type == index ||
	      vdev->irq_type == VFIO_VCONFIG_IRQ_NONE))
		return -EINVAL;

	if (flags & VFIO_IRQ_SET_DATA_EVENTFD) {
		if (vdev->irq_type == index)
			return vfio_vconfig_msi_set_block(vdev, start, count,
							  data);

		ret = vfio_vconfig_msi_enable(vdev, start + count,
					      index == VFIO_PCI_MSIX_IRQ_INDEX,
					      false);
		if (ret)
			return ret;
		ret = vfio_vconfig_msi_set_block(vdev, start, count, data);
		if (ret)
			vfio_vconfig_msi_disable(vdev, false);
		return ret;
	}

	if (vdev->irq_type != index ||
	    (!VFIO_VCONFIG_SPARSE_VECTORS && start + count > vdev->nr_vectors))
		return -EINVAL;

	for (i = start; i < start + count && i < vdev->nr_vectors; i++) {
		struct eventfd_ctx *trigger = vdev->vectors[i].trigger;

		if (!trigger)
			continue;
		if ((flags & VFIO_IRQ_SET_DATA_NONE) ||
		    ((u8 *)data)[i - start])
			vfio_vconfig_eventfd_signal(trigger);
	}
	return 0;
}

/* ERR and REQ: a single eventfd each, signalled by the driver itself. */
static int vfio_vconfig_set_single_trigger(struct eventfd_ctx **ctx,
					   unsigned int count, u32 flags,
					   void *data)
{
	struct eventfd_ctx *efd;
	s32 fd;

	if (flags & VFIO_IRQ_SET_DATA_NONE) {
		/* as vfio-pci: loopback or release without an eventfd is -EINVAL */
		if (!*ctx)
			return -EINVAL;
		if (count) {
			vfio_vconfig_eventfd_signal(*ctx);
		} else {
			eventfd_ctx_put(*ctx);
			*ctx = NULL;
		}
		return 0;
	}
	if (!count)
		return -EINVAL;
	if (flags & VFIO_IRQ_SET_DATA_BOOL) {
		if (*(u8 *)data && *ctx)
			vfio_vconfig_eventfd_signal(*ctx);
		return 0;
	}
	if (!(flags & VFIO_IRQ_SET_DATA_EVENTFD))
		return -EINVAL;

	fd = *(s32 *)data;
	if (fd == -1) {
		if (*ctx)
			eventfd_ctx_put(*ctx);
		*ctx = NULL;
	} else if (fd >= 0) {
		efd = eventfd_ctx_fdget(fd);
		if (IS_ERR(efd))
			return PTR_ERR(efd);
		if (*ctx)
			eventfd_ctx_put(*ctx);
		*ctx = efd;
	} else if (VFIO_VCONFIG_SINGLE_FD_STRICT) {
		return -EINVAL;
	}
	return 0;
}

static int vfio_vconfig_set_err_trigger(struct vfio_vconfig_device *vdev,
					unsigned int index, unsigned int start,
					unsigned int count, u32 flags, void *data)
{
	if (start != 0 || count > 1)
		return -EINVAL;
	return vfio_vconfig_set_single_trigger(&vdev->err_trigger, count,
					       flags, data);
}

static int vfio_vconfig_set_req_trigger(struct vfio_vconfig_device *vdev,
					unsigned int index, unsigned int start,
					unsigned int count, u32 flags, void *data)
{
	if (start != 0 || count > 1)
		return -EINVAL;
	return vfio_vconfig_set_single_trigger(&vdev->req_trigger, count,
					       flags, data);
}

typedef int (*vfio_vconfig_irq_fn)(struct vfio_vconfig_device *vdev,
				   unsigned int index, unsigned int start,
				   unsigned int count, u32 flags, void *data);

static vfio_vconfig_irq_fn
vfio_vconfig_irq_handler(struct vfio_vconfig_device *vdev, unsigned int index,
			 u32 action)
{
	switch (index) {
	case VFIO_PCI_INTX_IRQ_INDEX:
		if (action == VFIO_IRQ_SET_ACTION_MASK)
			return vfio_vconfig_set_intx_mask;
		if (action == VFIO_IRQ_SET_ACTION_UNMASK)
			return vfio_vconfig_set_intx_unmask;
		if (action == VFIO_IRQ_SET_ACTION_TRIGGER)
			return vfio_vconfig_set_intx_trigger;
		break;
	case VFIO_PCI_MSI_IRQ_INDEX:
	case VFIO_PCI_MSIX_IRQ_INDEX:
		/* as vfio-pci: MSI/MSI-X masking is not offered */
		if (action == VFIO_IRQ_SET_ACTION_TRIGGER)
			return vfio_vconfig_set_msi_trigger;
		break;
	case VFIO_PCI_ERR_IRQ_INDEX:
		if (action == VFIO_IRQ_SET_ACTION_TRIGGER &&
		    pci_is_pcie(vdev->pdev))
			return vfio_vconfig_set_err_trigger;
		break;
	case VFIO_PCI_REQ_IRQ_INDEX:
		if (action == VFIO_IRQ_SET_ACTION_TRIGGER)
			return vfio_vconfig_set_req_trigger;
		break;
	}
	return NULL;
}

/**
 * vfio_vconfig_set_irqs() - execute a validated VFIO_DEVICE_SET_IRQS
 * @vdev: the device; caller holds igate
 * @flags: VFIO_IRQ_SET_* flags
 * @index: VFIO irq index
 * @start: first interrupt of the index
 * @count: number of interrupts
 * @data: payload matching the DATA_* flag
 *
 * Return: 0 or the errno vfio-pci gives for the same request.
 */
int vfio_vconfig_set_irqs(struct vfio_vconfig_device *vdev, u32 flags,
			  unsigned int index, unsigned int start,
			  unsigned int count, void *data)
{
	vfio_vconfig_irq_fn fn;

	fn = vfio_vconfig_irq_handler(vdev, index,
				      flags & VFIO_IRQ_SET_ACTION_TYPE_MASK);
	if (!fn)
		return -ENOTTY;
	return fn(vdev, index, start, count, flags, data);
}

/**
 * vfio_vconfig_irqs_release() - tear down every interrupt at close
 * @vdev: the device; caller holds igate
 */
void vfio_vconfig_irqs_release(struct vfio_vconfig_device *vdev)
{
	if (vdev->irq_type == VFIO_PCI_INTX_IRQ_INDEX)
		vfio_vconfig_intx_disable(vdev);
	else if (vdev->irq_type != VFIO_VCONFIG_IRQ_NONE)
		vfio_vconfig_msi_disable(vdev, false);

	vfio_vconfig_action_set_mode(vdev, VFIO_VCONFIG_MODE_VFIO);

	if (vdev->err_trigger)
		eventfd_ctx_put(vdev->err_trigger);
	vdev->err_trigger = NULL;
	if (vdev->req_trigger)
		eventfd_ctx_put(vdev->req_trigger);
	vdev->req_trigger = NULL;
	vdev->virq_disabled = false;
}

/**
 * vfio_vconfig_irqs_after_reset() - follow a reset of the virtual space
 * @vdev: the device; caller holds igate and memory_lock for write
 * @intx_disabled: Command.INTx-disable after the reset
 *
 * The reset cleared the virtual INTx-disable bit and the MSI and MSI-X
 * enable bits; the interrupt state follows, so that virtual registers,
 * hardware and host vectors agree. Vectors set up with SET_IRQS in the
 * default mode belong to the user and stay.
 */
void vfio_vconfig_irqs_after_reset(struct vfio_vconfig_device *vdev,
				   bool intx_disabled)
{
	vfio_vconfig_set_virq_disabled(vdev, intx_disabled);
	if (!vdev->action.enabled)
		return;
	if (vdev->irq_type == VFIO_PCI_MSI_IRQ_INDEX ||
	    vdev->irq_type == VFIO_PCI_MSIX_IRQ_INDEX)
		vfio_vconfig_msi_disable(vdev, true);
}
