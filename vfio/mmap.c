// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: mmap of the BARs, populated on fault and revoked whenever
 * memory decode may go away.
 *
 * Every BAR mapping of a device hangs off one address space of its own,
 * the i_mapping of an inode on a private pseudo filesystem: mmap() swaps
 * the vma's file for a small file on that inode before the vma is linked,
 * so the vma and every copy the kernel makes of it (mremap, fork, split)
 * sit in that address space's interval tree. Revocation is one
 * unmap_mapping_range() over it, which reaches mappings the driver never
 * saw fault. The small file keeps the device file open, so the device
 * stays open as long as any mapping exists.
 *
 * Lock order: mmap_lock, then memory_lock, then the address space's
 * i_mmap_rwsem. A fault holds mmap_lock and takes memory_lock for read;
 * revocation takes memory_lock for write and zaps without mmap_lock.
 */
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mount.h>
#include <linux/pci.h>
#include <linux/pseudo_fs.h>
#include <linux/slab.h>

#include "vfio_vconfig.h"

#define VFIO_VCONFIG_FS_MAGIC	0x76636667	/* "vcfg" */

static struct vfsmount *vfio_vconfig_mnt;
static int vfio_vconfig_mnt_count;

static int vfio_vconfig_fs_init_fs_context(struct fs_context *fc)
{
	return init_pseudo(fc, VFIO_VCONFIG_FS_MAGIC) ? 0 : -ENOMEM;
}

static struct file_system_type vfio_vconfig_fs_type = {
	.name		 = "vfio-vconfig",
	.owner		 = THIS_MODULE,
	.init_fs_context = vfio_vconfig_fs_init_fs_context,
	.kill_sb	 = kill_anon_super,
};

/**
 * vfio_vconfig_bar_inode_get() - give a device the inode its maps hang off
 * @vdev: the device
 *
 * Return: 0 or a negative errno.
 */
int vfio_vconfig_bar_inode_get(struct vfio_vconfig_device *vdev)
{
	struct inode *inode;
	int ret;

	ret = simple_pin_fs(&vfio_vconfig_fs_type, &vfio_vconfig_mnt,
			    &vfio_vconfig_mnt_count);
	if (ret)
		return ret;
	inode = alloc_anon_inode(vfio_vconfig_mnt->mnt_sb);
	if (IS_ERR(inode)) {
		simple_release_fs(&vfio_vconfig_mnt, &vfio_vconfig_mnt_count);
		return PTR_ERR(inode);
	}
	vdev->bar_inode = inode;
	return 0;
}

/**
 * vfio_vconfig_bar_inode_put() - undo vfio_vconfig_bar_inode_get()
 * @vdev: the device; no mapping of it is left
 */
void vfio_vconfig_bar_inode_put(struct vfio_vconfig_device *vdev)
{
	if (!vdev->bar_inode)
		return;
	iput(vdev->bar_inode);
	vdev->bar_inode = NULL;
	simple_release_fs(&vfio_vconfig_mnt, &vfio_vconfig_mnt_count);
}

/**
 * vfio_vconfig_zap_bars() - revoke every BAR mapping of the device
 * @vdev: the device; caller holds memory_lock for write
 *
 * Removes the page table entries of every vma in the device's address
 * space: originals, mremap()ed and fork()ed copies alike. The next access
 * faults and sees the new decode state.
 */
void vfio_vconfig_zap_bars(struct vfio_vconfig_device *vdev)
{
	lockdep_assert_held_write(&vdev->memory_lock);
	unmap_mapping_range(vdev->bar_inode->i_mapping, 0, 0, true);
}

/**
 * vfio_vconfig_zap_and_down_write_memory_lock() - revoke BAR mappings
 * @vdev: the device
 *
 * Takes memory_lock for write and zaps every BAR mapping; faults wait for
 * the lock and then see the new decode state.
 */
void vfio_vconfig_zap_and_down_write_memory_lock(struct vfio_vconfig_device *vdev)
{
	down_write(&vdev->memory_lock);
	vfio_vconfig_zap_bars(vdev);
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

/*
 * Reserve the rest of the page of a sub-page BAR, so that no BAR placed
 * later (hot-add, reassignment) can share the page the user maps. A BAR
 * that does not start a page is not mappable: the user could not know
 * where in the page it is.
 */
static bool vfio_vconfig_reserve_page(struct vfio_vconfig_device *vdev,
				      int bar)
{
	struct resource *res = &vdev->pdev->resource[bar];
	struct resource *dummy;

	if (res->start & ~PAGE_MASK)
		return false;
	dummy = kzalloc(sizeof(*dummy), GFP_KERNEL_ACCOUNT);
	if (!dummy)
		return false;
	dummy->name = "vfio sub-page reserved";
	dummy->start = res->end + 1;
	dummy->end = res->start + PAGE_SIZE - 1;
	dummy->flags = res->flags;
	if (request_resource(res->parent, dummy)) {
		kfree(dummy);
		return false;
	}
	vdev->subpage_res[bar] = dummy;
	return true;
}

/**
 * vfio_vconfig_probe_mmaps() - decide which BARs userspace may mmap
 * @vdev: the device, being opened
 *
 * Memory BARs of a page or more can be mapped. A smaller one can when the
 * rest of its page could be reserved (vfio_vconfig_reserve_page()), as
 * vfio-pci does; vfio_vconfig_release_mmaps() gives the page back.
 */
void vfio_vconfig_probe_mmaps(struct vfio_vconfig_device *vdev)
{
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		struct resource *res = &vdev->pdev->resource[bar];
		bool ok = false;

		if ((res->flags & IORESOURCE_MEM) && resource_size(res)) {
			if (resource_size(res) >= PAGE_SIZE)
				ok = !(res->start & ~PAGE_MASK);
			else
				ok = vfio_vconfig_reserve_page(vdev, bar);
		}
		vdev->bar_mmap_supported[bar] = ok;
	}
}

/**
 * vfio_vconfig_release_mmaps() - undo vfio_vconfig_probe_mmaps()
 * @vdev: the device, being closed; no mapping of it is left
 */
void vfio_vconfig_release_mmaps(struct vfio_vconfig_device *vdev)
{
	int bar;

	for (bar = 0; bar < PCI_STD_NUM_BARS; bar++) {
		if (!vdev->subpage_res[bar])
			continue;
		release_resource(vdev->subpage_res[bar]);
		kfree(vdev->subpage_res[bar]);
		vdev->subpage_res[bar] = NULL;
	}
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
	unsigned long pfn;
	vm_fault_t ret;

	down_read(&vdev->memory_lock);
	/* nothing reaches a function the user let suspend */
	if (!vdev->pm_runtime_engaged && vfio_vconfig_memory_enabled(vdev)) {
		pfn = vma->vm_pgoff +
		      ((vmf->address - vma->vm_start) >> PAGE_SHIFT);
		ret = vmf_insert_pfn(vma, vmf->address, pfn);
	} else {
		ret = VM_FAULT_SIGBUS;
	}
	up_read(&vdev->memory_lock);
	return ret;
}

static const struct vm_operations_struct vfio_vconfig_mmap_ops = {
	.fault = vfio_vconfig_mmap_fault,
};

/* The device file a mapping keeps open; see vfio_vconfig_map_file(). */
static int vfio_vconfig_map_file_release(struct inode *inode,
					 struct file *file)
{
	fput(file->private_data);
	return 0;
}

static const struct file_operations vfio_vconfig_map_fops = {
	.owner		= THIS_MODULE,
	.release	= vfio_vconfig_map_file_release,
};

/*
 * Move @vma onto the device's address space: a file on the device's inode
 * replaces the device file as the vma's file, and holds the device file
 * open in its place. Done in ->mmap, before the vma is linked into the
 * file's address space.
 */
static int vfio_vconfig_map_file(struct vfio_vconfig_device *vdev,
				 struct vm_area_struct *vma)
{
	struct file *file;

	/* the file's release drops a module reference, as for any file */
	__module_get(THIS_MODULE);
	ihold(vdev->bar_inode);
	file = alloc_file_pseudo(vdev->bar_inode, vfio_vconfig_mnt,
				 "[vfio-device]", O_RDWR,
				 &vfio_vconfig_map_fops);
	if (IS_ERR(file)) {
		iput(vdev->bar_inode);
		module_put(THIS_MODULE);
		return PTR_ERR(file);
	}
	file->private_data = get_file(vma->vm_file);
	vma_set_file(vma, file);
	fput(file);
	return 0;
}

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
	ret = vfio_vconfig_map_file(vdev, vma);
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
