// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: runtime power management and the low-power features, as
 * vfio-pci does them.
 *
 * A bound function that nobody has open is runtime suspended (the PCI
 * core puts it in D3hot when it has a PM capability). While open, the
 * user may let it suspend with VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY: its
 * BAR mappings are revoked and fault with SIGBUS until
 * VFIO_DEVICE_FEATURE_LOW_POWER_EXIT. The VFIO core resumes the function
 * around every ioctl, and region accesses resume it the same way; with
 * LOW_POWER_ENTRY_WITH_WAKEUP the first such resume also signals the
 * user's eventfd and ends the low-power state by itself.
 */
#include <linux/eventfd.h>
#include <linux/pm_runtime.h>
#include <linux/uaccess.h>

#include "vfio_vconfig.h"

/* Give up the runtime PM reference open() took: the function may suspend. */
static int pm_entry(struct vfio_vconfig_device *vdev,
		    struct eventfd_ctx *wakeup)
{
	vfio_vconfig_zap_and_down_write_memory_lock(vdev);
	if (vdev->pm_runtime_engaged) {
		up_write(&vdev->memory_lock);
		return -EINVAL;
	}
	vdev->pm_runtime_engaged = true;
	vdev->pm_wake_eventfd_ctx = wakeup;
	pm_runtime_put_noidle(&vdev->pdev->dev);
	up_write(&vdev->memory_lock);
	return 0;
}

/* Take the reference back. Caller holds memory_lock for write. */
static void pm_exit_locked(struct vfio_vconfig_device *vdev)
{
	if (!vdev->pm_runtime_engaged)
		return;
	vdev->pm_runtime_engaged = false;
	pm_runtime_get_noresume(&vdev->pdev->dev);
	if (vdev->pm_wake_eventfd_ctx) {
		eventfd_ctx_put(vdev->pm_wake_eventfd_ctx);
		vdev->pm_wake_eventfd_ctx = NULL;
	}
}

/**
 * vfio_vconfig_pm_exit() - leave the user's low-power state
 * @vdev: the device
 *
 * Does nothing when the user did not enter it. The function itself is
 * resumed by whoever needs it in D0 next.
 */
void vfio_vconfig_pm_exit(struct vfio_vconfig_device *vdev)
{
	down_write(&vdev->memory_lock);
	pm_exit_locked(vdev);
	up_write(&vdev->memory_lock);
}

static int feature_entry(struct vfio_vconfig_device *vdev, u32 flags,
			 size_t argsz)
{
	int ret;

	ret = vfio_check_feature(flags, argsz, VFIO_DEVICE_FEATURE_SET, 0);
	if (ret != 1)
		return ret;
	return pm_entry(vdev, NULL);
}

static int feature_entry_wakeup(struct vfio_vconfig_device *vdev, u32 flags,
				void __user *arg, size_t argsz)
{
	struct vfio_device_low_power_entry_with_wakeup entry;
	struct eventfd_ctx *wakeup;
	int ret;

	ret = vfio_check_feature(flags, argsz, VFIO_DEVICE_FEATURE_SET,
				 sizeof(entry));
	if (ret != 1)
		return ret;
	if (copy_from_user(&entry, arg, sizeof(entry)))
		return -EFAULT;
	if (entry.wakeup_eventfd < 0)
		return -EINVAL;

	wakeup = eventfd_ctx_fdget(entry.wakeup_eventfd);
	if (IS_ERR(wakeup))
		return PTR_ERR(wakeup);
	ret = pm_entry(vdev, wakeup);
	if (ret)
		eventfd_ctx_put(wakeup);
	return ret;
}

static int feature_exit(struct vfio_vconfig_device *vdev, u32 flags,
			size_t argsz)
{
	int ret;

	ret = vfio_check_feature(flags, argsz, VFIO_DEVICE_FEATURE_SET, 0);
	if (ret != 1)
		return ret;
	/* a wakeup resume may have left the state already: then a no-op */
	vfio_vconfig_pm_exit(vdev);
	return 0;
}

/**
 * vfio_vconfig_feature_low_power() - the LOW_POWER_* device features
 * @vdev: the device
 * @flags: feature index and GET/SET/PROBE flags
 * @arg: payload
 * @argsz: payload size
 *
 * Return: 0 or a negative errno, as vfio-pci: SET only (GET is -EINVAL),
 * entering twice is -EINVAL, leaving when not entered succeeds.
 */
int vfio_vconfig_feature_low_power(struct vfio_vconfig_device *vdev, u32 flags,
				   void __user *arg, size_t argsz)
{
	switch (flags & VFIO_DEVICE_FEATURE_MASK) {
	case VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY:
		return feature_entry(vdev, flags, argsz);
	case VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP:
		return feature_entry_wakeup(vdev, flags, arg, argsz);
	default:
		return feature_exit(vdev, flags, argsz);
	}
}

static int vfio_vconfig_runtime_suspend(struct device *dev)
{
	struct vfio_vconfig_device *vdev = dev_get_drvdata(dev);

	/*
	 * A user may have written D3hot already: back to D0 (restoring what
	 * a function without No_Soft_Reset lost) so that the PCI core's own
	 * transition saves the right state.
	 */
	mutex_lock(&vdev->igate);
	down_write(&vdev->memory_lock);
	vfio_vconfig_power_up(vdev);
	up_write(&vdev->memory_lock);
	mutex_unlock(&vdev->igate);

	/* INTx masked here is unmasked on resume; the user's mask stays */
	vdev->pm_intx_masked = vfio_vconfig_intx_pm_mask(vdev);
	return 0;
}

static int vfio_vconfig_runtime_resume(struct device *dev)
{
	struct vfio_vconfig_device *vdev = dev_get_drvdata(dev);

	down_write(&vdev->memory_lock);
	if (vdev->pm_wake_eventfd_ctx) {
		vfio_vconfig_eventfd_signal(vdev->pm_wake_eventfd_ctx);
		pm_exit_locked(vdev);
	}
	up_write(&vdev->memory_lock);

	if (vdev->pm_intx_masked)
		vfio_vconfig_intx_unmask(vdev);
	return 0;
}

/*
 * The PCI core saves the state before a runtime suspend and restores it
 * after the resume: functions without No_Soft_Reset need nothing more.
 */
const struct dev_pm_ops vfio_vconfig_pm_ops = {
	SET_RUNTIME_PM_OPS(vfio_vconfig_runtime_suspend,
			   vfio_vconfig_runtime_resume, NULL)
};

/**
 * vfio_vconfig_pm_get() - wake the function for an access
 * @vdev: the device
 *
 * Return: 0, or -EIO when it cannot be resumed; pm_runtime_put() after
 * the access.
 */
int vfio_vconfig_pm_get(struct vfio_vconfig_device *vdev)
{
	int ret = pm_runtime_resume_and_get(&vdev->pdev->dev);

	if (ret) {
		pci_info_ratelimited(vdev->pdev, "runtime resume failed %d\n",
				     ret);
		return -EIO;
	}
	return 0;
}

/**
 * vfio_vconfig_pm_init() - let a newly bound function suspend while unused
 * @vdev: the device, powered (D0)
 */
void vfio_vconfig_pm_init(struct vfio_vconfig_device *vdev)
{
	pm_runtime_allow(&vdev->pdev->dev);
	pm_runtime_put(&vdev->pdev->dev);
}

/**
 * vfio_vconfig_pm_uninit() - undo vfio_vconfig_pm_init()
 * @vdev: the device
 */
void vfio_vconfig_pm_uninit(struct vfio_vconfig_device *vdev)
{
	pm_runtime_get_noresume(&vdev->pdev->dev);
	pm_runtime_forbid(&vdev->pdev->dev);
}
