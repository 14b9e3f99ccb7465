// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: bus and slot resets, as vfio-pci does them.
 *
 * Every function that one bus or slot reset would hit belongs to one VFIO
 * device set, keyed by the slot (when the slot can be reset) or the bus
 * (vfio_vconfig_dev_set_assign()). A hot reset, asked for by the user with
 * VFIO_DEVICE_PCI_HOT_RESET, or done when the last function of a set
 * closes and one of them could not be reset on its own, is only done when
 * every PCI function below that slot or bus is in the set: they are all
 * ours, so nobody else's device is reset under it.
 *
 * The keys are the address of a field of the slot or bus, not the slot or
 * bus itself: vfio-pci keys its sets with those, and a set shared with
 * vfio-pci would mix two kinds of device in one list.
 */
#include <linux/file.h>
#include <linux/pci.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vfio.h>

#include "vfio_vconfig.h"

#define for_each_set_device(vdev, dev_set) \
	list_for_each_entry(vdev, &(dev_set)->device_list, vdev.dev_set_list)

/**
 * vfio_vconfig_dev_set_assign() - put a function in its reset set
 * @vdev: the device, not yet registered
 *
 * Return: 0 or a negative errno.
 */
int vfio_vconfig_dev_set_assign(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;

	if (pci_is_root_bus(pdev->bus) ||
	    (VFIO_VCONFIG_VF_OWN_DEV_SET && pdev->is_virtfn))
		return vfio_assign_device_set(&vdev->vdev, vdev);
	if (!pci_probe_reset_slot(pdev->slot))
		return vfio_assign_device_set(&vdev->vdev, &pdev->slot->list);
	/* no slot reset: the whole bus is reset together */
	return vfio_assign_device_set(&vdev->vdev, &pdev->bus->devices);
}

static bool below_slot(struct pci_dev *pdev, struct pci_slot *slot)
{
	for (; pdev; pdev = pdev->bus->self)
		if (pdev->bus == slot->bus)
			return pdev->slot == slot;
	return false;
}

struct walk_info {
	int (*fn)(struct pci_dev *pdev, void *data);
	void *data;
	struct pci_dev *pdev;
	bool slot;
	int ret;
};

static int walk_one(struct pci_dev *pdev, void *data)
{
	struct walk_info *walk = data;

	if (!walk->slot || below_slot(pdev, walk->pdev->slot))
		walk->ret = walk->fn(pdev, walk->data);
	return walk->ret;
}

/* Call @fn for every function the slot or bus reset of @pdev hits. */
static int for_each_slot_or_bus(struct pci_dev *pdev,
				int (*fn)(struct pci_dev *, void *),
				void *data, bool slot)
{
	struct walk_info walk = {
		.fn = fn, .data = data, .pdev = pdev, .slot = slot,
	};

	pci_walk_bus(pdev->bus, walk_one, &walk);
	return walk.ret;
}

/* Which reset hits @pdev: slot (true), bus (false), or none (-ENODEV). */
static int probe_slot_or_bus(struct pci_dev *pdev, bool *slot)
{
	*slot = !pci_probe_reset_slot(pdev->slot);
	if (!*slot && pci_probe_reset_bus(pdev->bus))
		return -ENODEV;
	return 0;
}

static int count_devs(struct pci_dev *pdev, void *data)
{
	(*(int *)data)++;
	return 0;
}

static struct vfio_vconfig_device *find_in_set(struct vfio_device_set *dev_set,
					       struct pci_dev *pdev)
{
	struct vfio_vconfig_device *vdev;

	for_each_set_device(vdev, dev_set)
		if (vdev->pdev == pdev)
			return vdev;
	return NULL;
}

static int in_set(struct pci_dev *pdev, void *data)
{
	return find_in_set(data, pdev) ? 0 : -ENODEV;
}

/*
 * The function to give pci_reset_bus() when every function the reset hits
 * is in @dev_set, NULL otherwise. Caller holds the set's lock.
 */
static struct pci_dev *dev_set_resettable(struct vfio_device_set *dev_set)
{
	struct pci_dev *pdev;
	bool slot;

	lockdep_assert_held(&dev_set->lock);
	pdev = list_first_entry(&dev_set->device_list,
				struct vfio_vconfig_device,
				vdev.dev_set_list)->pdev;
	if (probe_slot_or_bus(pdev, &slot))
		return NULL;
	if (for_each_slot_or_bus(pdev, in_set, dev_set, slot))
		return NULL;
	return pdev;
}

/* Wake every function of the set (a reset needs them in D0). */
static int dev_set_pm_get(struct vfio_device_set *dev_set)
{
	struct vfio_vconfig_device *vdev;
	int ret;

	for_each_set_device(vdev, dev_set) {
		ret = pm_runtime_resume_and_get(&vdev->pdev->dev);
		if (ret)
			goto unwind;
	}
	return 0;
unwind:
	list_for_each_entry_continue_reverse(vdev, &dev_set->device_list,
					     vdev.dev_set_list)
		pm_runtime_put(&vdev->pdev->dev);
	return ret;
}

static void dev_set_pm_put(struct vfio_device_set *dev_set)
{
	struct vfio_vconfig_device *vdev;

	for_each_set_device(vdev, dev_set)
		pm_runtime_put(&vdev->pdev->dev);
}

/* The departure for PFs (Documentation/vfio.md): no reset takes VFs down. */
static bool dev_set_sriov_busy(struct vfio_device_set *dev_set)
{
	struct vfio_vconfig_device *vdev;

	for_each_set_device(vdev, dev_set)
		if (vfio_vconfig_sriov_busy(vdev))
			return true;
	return false;
}

struct fill_info {
	struct vfio_vconfig_device *vdev;
	struct vfio_pci_dependent_device *devices;
	int nr_devices;
	u32 count;
	u32 flags;
};

#if VFIO_VCONFIG_HOT_RESET_CDEV
/* Opened through the cdev: iommufd device ids instead of groups. */
static void fill_dev_id(struct fill_info *fill, struct pci_dev *pdev,
			struct vfio_pci_dependent_device *info)
{
	struct vfio_vconfig_device *owner;

	owner = find_in_set(fill->vdev->vdev.dev_set, pdev);
	info->devid = owner ?
		vfio_vconfig_hot_reset_devid(&owner->vdev, &fill->vdev->vdev) :
		VFIO_PCI_DEVID_NOT_OWNED;
	if (info->devid == VFIO_PCI_DEVID_NOT_OWNED)
		fill->flags &= ~VFIO_PCI_HOT_RESET_FLAG_DEV_ID_OWNED;
}
#define FLAGS_DEV_ID	(VFIO_PCI_HOT_RESET_FLAG_DEV_ID | \
			 VFIO_PCI_HOT_RESET_FLAG_DEV_ID_OWNED)
#else
static void fill_dev_id(struct fill_info *fill, struct pci_dev *pdev,
			struct vfio_pci_dependent_device *info)
{
}
#define FLAGS_DEV_ID	0
#endif

static int fill_devs(struct pci_dev *pdev, void *data)
{
	struct vfio_pci_dependent_device *info;
	struct fill_info *fill = data;
	struct iommu_group *group;

	/* a function appeared since they were counted */
	if (fill->count >= fill->nr_devices)
		return -EAGAIN;

	info = &fill->devices[fill->count++];
	info->segment = pci_domain_nr(pdev->bus);
	info->bus = pdev->bus->number;
	info->devfn = pdev->devfn;

	if (fill->flags) {
		fill_dev_id(fill, pdev, info);
		return 0;
	}
	group = iommu_group_get(&pdev->dev);
	if (!group)
		return -EPERM;	/* a function without isolation */
	info->group_id = iommu_group_id(group);
	iommu_group_put(group);
	return 0;
}

/**
 * vfio_vconfig_ioctl_hot_reset_info() - VFIO_DEVICE_GET_PCI_HOT_RESET_INFO
 * @vdev: the device
 * @arg: user header followed by room for the dependent devices
 *
 * Lists every function a hot reset of @vdev would reset, with its IOMMU
 * group (or, opened through the cdev, its iommufd device id).
 *
 * Return: 0; -ENODEV without slot or bus reset; -ENOSPC with the count
 * in the header when the room is too small; or another negative errno.
 */
int vfio_vconfig_ioctl_hot_reset_info(struct vfio_vconfig_device *vdev,
				      struct vfio_pci_hot_reset_info __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_pci_hot_reset_info, count);
	struct vfio_pci_hot_reset_info hdr;
	struct fill_info fill = { .vdev = vdev };
	bool slot;
	int count = 0, ret;

	if (copy_from_user(&hdr, arg, minsz))
		return -EFAULT;
	if (hdr.argsz < minsz)
		return -EINVAL;
	hdr.flags = 0;

	ret = probe_slot_or_bus(vdev->pdev, &slot);
	if (ret)
		return ret;
	ret = for_each_slot_or_bus(vdev->pdev, count_devs, &count, slot);
	if (ret)
		return ret;
	if (WARN_ON(!count))
		return -ERANGE;

	if (count > (hdr.argsz - sizeof(hdr)) / sizeof(*fill.devices)) {
		hdr.count = count;
		return copy_to_user(arg, &hdr, minsz) ? -EFAULT : -ENOSPC;
	}

	fill.devices = kcalloc(count, sizeof(*fill.devices), GFP_KERNEL);
	if (!fill.devices)
		return -ENOMEM;
	fill.nr_devices = count;
	if (vfio_vconfig_cdev_opened(&vdev->vdev))
		fill.flags = FLAGS_DEV_ID;

	mutex_lock(&vdev->vdev.dev_set->lock);
	ret = for_each_slot_or_bus(vdev->pdev, fill_devs, &fill, slot);
	mutex_unlock(&vdev->vdev.dev_set->lock);
	if (ret)
		goto out;

	hdr.count = fill.count;
	hdr.flags = fill.flags;
	if (copy_to_user(arg->devices, fill.devices,
			 fill.count * sizeof(*fill.devices)) ||
	    copy_to_user(arg, &hdr, minsz))
		ret = -EFAULT;
out:
	kfree(fill.devices);
	return ret;
}

/* The user's proof of ownership: group files, or its iommufd context. */
struct reset_owner {
	struct file **files;
	int count;
	bool cdev;
};

static bool owns(struct reset_owner *owner, struct vfio_vconfig_device *caller,
		 struct vfio_vconfig_device *vdev)
{
	int i;

	if (owner->cdev)
		return vfio_vconfig_iommufd_owns(&vdev->vdev, &caller->vdev);
	for (i = 0; i < owner->count; i++)
		if (vfio_file_has_dev(owner->files[i], &vdev->vdev))
			return true;
	return false;
}

static void unlock_one(struct vfio_vconfig_device *vdev)
{
	up_write(&vdev->memory_lock);
	mutex_unlock(&vdev->igate);
}

/*
 * Quiesce one function for the reset: interrupt configuration and every
 * BAR access wait, mappings are revoked. Trylocks: locking several
 * devices in a row could deadlock, so contention gives up with -EBUSY.
 */
static int lock_one(struct vfio_vconfig_device *vdev)
{
	if (!mutex_trylock(&vdev->igate))
		return -EBUSY;
	if (!down_write_trylock(&vdev->memory_lock)) {
		mutex_unlock(&vdev->igate);
		return -EBUSY;
	}
	vfio_vconfig_zap_bars(vdev);
	return 0;
}

static int dev_set_hot_reset(struct vfio_vconfig_device *caller,
			     struct reset_owner *owner)
{
	struct vfio_device_set *dev_set = caller->vdev.dev_set;
	struct vfio_vconfig_device *vdev;
	struct pci_dev *pdev;
	int ret = 0;

	mutex_lock(&dev_set->lock);
	pdev = dev_set_resettable(dev_set);
	if (!pdev) {
		ret = -EINVAL;
		goto out_unlock;
	}
	ret = dev_set_pm_get(dev_set);
	if (ret)
		goto out_unlock;

	for_each_set_device(vdev, dev_set) {
		if (!owns(owner, caller, vdev))
			ret = -EINVAL;
		else if (vfio_vconfig_sriov_busy(vdev))
			ret = -EBUSY;
		else
			ret = lock_one(vdev);
		if (ret)
			break;
	}
	if (ret) {
		list_for_each_entry_continue_reverse(vdev, &dev_set->device_list,
						     vdev.dev_set_list)
			unlock_one(vdev);
		goto out_put;
	}

	for_each_set_device(vdev, dev_set)
		vfio_vconfig_set_power_state(vdev, PCI_D0);
	ret = pci_reset_bus(pdev);

	for_each_set_device(vdev, dev_set) {
		vfio_vconfig_after_reset(vdev, !ret);
		unlock_one(vdev);
	}
out_put:
	dev_set_pm_put(dev_set);
out_unlock:
	mutex_unlock(&dev_set->lock);
	return ret;
}

/* Take a reference on each VFIO group file the user names. */
static int get_group_files(struct vfio_pci_hot_reset __user *arg,
			   struct reset_owner *owner)
{
	s32 *fds;
	int i, ret = 0;

	fds = memdup_user(arg->group_fds, owner->count * sizeof(*fds));
	if (IS_ERR(fds))
		return PTR_ERR(fds);
	owner->files = kcalloc(owner->count, sizeof(*owner->files), GFP_KERNEL);
	if (!owner->files) {
		kfree(fds);
		return -ENOMEM;
	}

	for (i = 0; i < owner->count; i++) {
		struct file *file = fget(fds[i]);

		if (!file) {
			ret = -EBADF;
			break;
		}
		if (!vfio_file_is_group(file)) {
			fput(file);
			ret = -EINVAL;
			break;
		}
		owner->files[i] = file;
	}
	kfree(fds);
	if (ret) {
		while (i--)
			fput(owner->files[i]);
		kfree(owner->files);
	}
	return ret;
}

static void put_group_files(struct reset_owner *owner)
{
	int i;

	for (i = 0; i < owner->count; i++)
		fput(owner->files[i]);
	kfree(owner->files);
}

/**
 * vfio_vconfig_ioctl_hot_reset() - VFIO_DEVICE_PCI_HOT_RESET
 * @vdev: the device
 * @arg: header and the group fds that prove ownership of every function
 *	the reset hits (none when opened through the cdev: the iommufd
 *	context proves it)
 *
 * Return: 0 or a negative errno, as vfio-pci of the same kernel.
 */
int vfio_vconfig_ioctl_hot_reset(struct vfio_vconfig_device *vdev,
				 struct vfio_pci_hot_reset __user *arg)
{
	unsigned long minsz = offsetofend(struct vfio_pci_hot_reset, count);
	struct reset_owner owner = {
		.cdev = vfio_vconfig_cdev_opened(&vdev->vdev),
	};
	struct vfio_pci_hot_reset hdr;
	int count = 0, ret;
	bool slot;

	if (copy_from_user(&hdr, arg, minsz))
		return -EFAULT;
	if (hdr.argsz < minsz || hdr.flags)
		return -EINVAL;
	/* an empty array is the cdev form, and only that */
	if (VFIO_VCONFIG_HOT_RESET_CDEV && !!hdr.count == owner.cdev)
		return -EINVAL;

	ret = probe_slot_or_bus(vdev->pdev, &slot);
	if (ret)
		return ret;
	if (owner.cdev)
		return dev_set_hot_reset(vdev, &owner);

	/* one group per function at most */
	ret = for_each_slot_or_bus(vdev->pdev, count_devs, &count, slot);
	if (ret)
		return ret;
	if (!hdr.count || hdr.count > count)
		return -EINVAL;

	owner.count = hdr.count;
	ret = get_group_files(arg, &owner);
	if (ret)
		return ret;
	ret = dev_set_hot_reset(vdev, &owner);
	put_group_files(&owner);
	return ret;
}

static bool dev_set_needs_reset(struct vfio_device_set *dev_set)
{
	struct vfio_vconfig_device *vdev;
	bool needs_reset = false;

	/* the caller is the last function open in the set */
	if (vfio_device_set_open_count(dev_set) > 1)
		return false;
	for_each_set_device(vdev, dev_set)
		needs_reset |= vdev->needs_reset;
	return needs_reset;
}

/**
 * vfio_vconfig_dev_set_try_reset() - reset a slot or bus at last close
 * @dev_set: the set of the function closing; caller holds its lock
 *
 * When no other function of the set is open and one of them could not be
 * reset on its own at close (no FLR, no PM reset, no bus of its own), the
 * whole slot or bus is reset, as vfio-pci does, so that no function is
 * handed to its next user as the last one left it.
 */
void vfio_vconfig_dev_set_try_reset(struct vfio_device_set *dev_set)
{
	struct vfio_vconfig_device *vdev;
	struct pci_dev *pdev;

	if (!dev_set_needs_reset(dev_set) || dev_set_sriov_busy(dev_set))
		return;
	pdev = dev_set_resettable(dev_set);
	if (!pdev || dev_set_pm_get(dev_set))
		return;
	if (!pci_reset_bus(pdev))
		for_each_set_device(vdev, dev_set)
			vdev->needs_reset = false;
	dev_set_pm_put(dev_set);
}
