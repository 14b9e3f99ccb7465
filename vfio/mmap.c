// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: mmap of the BARs, populated on fault and zapped whenever
 * memory decode may go away.
 *
 * Lock order: mmap_lock, then vma_lock, then memory_lock. A zap walks
 * vma_list under vma_lock, drops it to take the mm's mmap_lock, and
 * takes it again; memory_lock is only taken for write once vma_list is
 * empty, so the fault path may take vma_lock then memory_lock for read
 * while it holds mmap_lock.
 */
#include <linux/mm.h>
#include <linux/pci.h>
#include <linux/sched/mm.h>
#include <linux/slab.h>

#include "vfio_vconfig.h"

struct vfio_vconfig_mmap_vma {
	struct vm_area_struct *vma;
	struct list_head next;
};

/* Zap every tracked mapping; returns with vma_lock held. */
static void vfio_vconfig_zap_and_vma_lock(struct vfio_vconfig_device *vdev)
{
	struct vfio_vconfig_mmap_vma *mmap_vma, *tmp;

	while (1) {
		struct mm_struct *mm = NULL;

		mutex_lock(&vdev->vma_lock);
		while (!list_empty(&vdev->vma_list)) {
			mmap_vma = list_first_entry(&vdev->vma_list,
						    struct vfio_vconfig_mmap_vma,
						    next);
			mm = mmap_vma->vma->vm_mm;
			if (mmget_not_zero(mm))
				break;
			list_del(&mmap_vma->next);
			kfree(mmap_vma);
			mm = NULL;
		}
		if (!mm)
			return;
		mutex_unlock(&vdev->vma_lock);

		mmap_read_lock(mm);
		mutex_lock(&vdev->vma_lock);
		list_for_each_entry_safe(mmap_vma, tmp, &vdev->vma_list, next) {
			struct vm_area_struct *vma = mmap_vma->vma;

			if (vma->vm_mm != mm)
				continue;
			list_del(&mmap_vma->next);
			kfree(mmap_vma);
			zap_vma_ptes(vma, vma->vm_start,
				     vma->vm_end - vma->vm_start);
		}
		mutex_unlock(&vdev->vma_lock);
		mmap_read_unlock(mm);
		mmput(mm);
	}
}

/**
 * vfio_vconfig_zap_and_down_write_memory_lock() - revoke BAR mappings
 * @vdev: the device
 *
 * Zaps every BAR mapping and takes memory_lock for write; faults wait for
 * it and then see the new decode state.
 */
void vfio_vconfig_zap_and_down_write_memory_lock(struct vfio_vconfig_device *vdev)
{
	vfio_vconfig_zap_and_vma_lock(vdev);
	down_write(&vdev->memory_lock);
	mutex_unlock(&vdev->vma_lock);
}

/**
 * vfio_vconfig_hw_memory_enable() - force memory decode on in hardware
 * @vdev: the device; caller holds memory_lock for write
 *
 * For host-side accesses that need decode (MSI-X table, ROM) whatever the
 * user's Command register says.
 *
 * Return: the Command register to give to vfio_vconfig_hw_memory_restore().
 */
u16 vfio_vconfig_hw_memory_enable(struct vfio_vconfig_device *vdev)
{
	u16 cmd;

	pci_read_config_word(vdev->pdev, PCI_COMMAND, &cmd);
	if (!(cmd & PCI_COMMAND_MEMORY))
		pci_write_config_word(vdev->pdev, PCI_COMMAND,
				      cmd | PCI_COMMAND_MEMORY);
	return cmd;
}

/**
 * vfio_vconfig_hw_memory_restore() - undo vfio_vconfig_hw_memory_enable()
 * @vdev: the device; caller holds memory_lock for write
 * @cmd: the value vfio_vconfig_hw_memory_enable() returned
 */
void vfio_vconfig_hw_memory_restore(struct vfio_vconfig_device *vdev, u16 cmd)
{
	if (!(cmd & PCI_COMMAND_MEMORY))
		pci_write_config_word(vdev->pdev, PCI_COMMAND, cmd);
}

/**
 * vfio_vconfig_probe_mmaps() - decide which BARs userspace may mmap
 * @vdev: the device
 *
 * Memory BARs of at least a page can be mapped. Smaller ones are refused:
 * another device's registers could share the page.
 */
void vfio_vconfig_probe_mmaps(struct vfio_vconfig_device *vdev)
{
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		struct resource *res = &vdev->pdev->resource[bar];

		vdev->bar_mmap_supported[bar] =
			(res->flags & IORESOURCE_MEM) &&
			resource_size(res) >= PAGE_SIZE &&
			!(res->start & ~PAGE_MASK);
	}
}

static void vfio_vconfig_mmap_open(struct vm_area_struct *vma)
{
	/* a copied vma is populated again by its own faults */
	zap_vma_ptes(vma, vma->vm_start, vma->vm_end - vma->vm_start);
}

static void vfio_vconfig_mmap_close(struct vm_area_struct *vma)
{
	struct vfio_vconfig_device *vdev = vma->vm_private_data;
	struct vfio_vconfig_mmap_vma *mmap_vma;

	mutex_lock(&vdev->vma_lock);
	list_for_each_entry(mmap_vma, &vdev->vma_list, next) {
		if (mmap_vma->vma == vma) {
			list_del(&mmap_vma->next);
			kfree(mmap_vma);
			break;
		}
	}
	mutex_unlock(&vdev->vma_lock);
}

static bool vfio_vconfig_vma_tracked(struct vfio_vconfig_device *vdev,
				     struct vm_area_struct *vma)
{
	struct vfio_vconfig_mmap_vma *mmap_vma;

	list_for_each_entry(mmap_vma, &vdev->vma_list, next)
		if (mmap_vma->vma == vma)
			return true;
	return false;
}

/*
 * Pages are inserted one fault at a time with vmf_insert_pfn(), not by
 * remapping the whole vma: a remapped vma carries a PAT reservation that
 * munmap() can no longer look up once a decode change zapped its ptes,
 * and the kernel warns about it.
 */
static vm_fault_t vfio_vconfig_mmap_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct vfio_vconfig_device *vdev = vma->vm_private_data;
	struct vfio_vconfig_mmap_vma *mmap_vma;
	unsigned long pfn;
	vm_fault_t ret;

	mutex_lock(&vdev->vma_lock);
	down_read(&vdev->memory_lock);

	if (!vfio_vconfig_memory_enabled(vdev)) {
		ret = VM_FAULT_SIGBUS;
		goto out;
	}

	/* tracked so that a decode change can zap it */
	if (!vfio_vconfig_vma_tracked(vdev, vma)) {
		mmap_vma = kmalloc(sizeof(*mmap_vma), GFP_KERNEL_ACCOUNT);
		if (!mmap_vma) {
			ret = VM_FAULT_OOM;
			goto out;
		}
		mmap_vma->vma = vma;
		list_add(&mmap_vma->next, &vdev->vma_list);
	}

	pfn = vma->vm_pgoff + ((vmf->address - vma->vm_start) >> PAGE_SHIFT);
	ret = vmf_insert_pfn(vma, vmf->address, pfn);
out:
	up_read(&vdev->memory_lock);
	mutex_unlock(&vdev->vma_lock);
	return ret;
}

static const struct vm_operations_struct vfio_vconfig_mmap_ops = {
	.open = vfio_vconfig_mmap_open,
	.close = vfio_vconfig_mmap_close,
	.fault = vfio_vconfig_mmap_fault,
};

/* Does [start, start + len) touch a page of the MSI-X table? */
static bool vfio_vconfig_hits_msix(struct vfio_vconfig_device *vdev,
				   unsigned int bar, u64 start, u64 len)
{
	u64 table_start, table_end;

	if (bar != vdev->msix_bar || vdev->msix_mmappable)
		return false;
	table_start = round_down((u64)vdev->msix_offset, PAGE_SIZE);
	table_end = PAGE_ALIGN((u64)vdev->msix_offset + vdev->msix_size);
	return start < table_end && table_start < start + len;
}

/**
 * vfio_vconfig_mmap() - map part of a BAR into userspace
 * @core: the VFIO device
 * @vma: the mapping; vm_pgoff encodes region index and offset
 *
 * The pages holding the MSI-X table cannot be mapped unless msix_mmap is
 * set: the host owns the table (the sparse mmap capability lists the
 * areas that can be mapped).
 *
 * Return: 0 or a negative errno.
 */
int vfio_vconfig_mmap(struct vfio_device *core, struct vm_area_struct *vma)
{
	struct vfio_vconfig_device *vdev = to_vconfig_dev(core);
	struct pci_dev *pdev = vdev->pdev;
	u64 phys_len, req_len, pgoff, req_start;
	unsigned int index;
	int ret;

	index = vma->vm_pgoff >> (VFIO_VCONFIG_OFFSET_SHIFT - PAGE_SHIFT);

	if (index >= VFIO_PCI_NUM_REGIONS)
		return -EINVAL;
	if (vma->vm_end < vma->vm_start)
		return -EINVAL;
	if (!(vma->vm_flags & VM_SHARED))
		return -EINVAL;
	if (index >= VFIO_PCI_ROM_REGION_INDEX)
		return -EINVAL;
	if (!vdev->bar_mmap_supported[index])
		return -EINVAL;

	phys_len = PAGE_ALIGN(pci_resource_len(pdev, index));
	req_len = vma->vm_end - vma->vm_start;
	pgoff = vma->vm_pgoff &
		((1U << (VFIO_VCONFIG_OFFSET_SHIFT - PAGE_SHIFT)) - 1);
	req_start = pgoff << PAGE_SHIFT;

	if (req_start + req_len > phys_len)
		return -EINVAL;
	if (vfio_vconfig_hits_msix(vdev, index, req_start, req_len))
		return -EINVAL;

	/* the region is claimed even though the kernel mapping is unused */
	ret = vfio_vconfig_setup_barmap(vdev, index);
	if (ret)
		return ret;

	vma->vm_private_data = vdev;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vma->vm_pgoff = (pci_resource_start(pdev, index) >> PAGE_SHIFT) + pgoff;
	/* vmf_insert_pfn() needs VM_PFNMAP, and the fault path cannot set flags */
	vfio_vconfig_vm_flags_set(vma, VM_IO | VM_PFNMAP | VM_DONTEXPAND |
				  VM_DONTDUMP);
	vma->vm_ops = &vfio_vconfig_mmap_ops;
	return 0;
}
