// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: SR-IOV. A PF bound to this driver may enable VFs through
 * sriov_numvfs (module parameter enable_sriov, as vfio-pci); the VFs it
 * creates are captured by this driver, and a user opens one only with the
 * VF token the PF's user set (VFIO_DEVICE_FEATURE_PCI_VF_TOKEN). The rules
 * and error codes are vfio-pci's.
 */
#include <linux/device.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/uuid.h>
#include <linux/vfio.h>

#include "vfio_vconfig.h"

static bool enable_sriov;
module_param(enable_sriov, bool, 0644);
MODULE_PARM_DESC(enable_sriov, "Let sriov_numvfs enable VFs on a PF bound to this driver, as vfio-pci's parameter of the same name (default: 0)");

/**
 * struct vfio_vconfig_vf_token - the trust shared by a PF's and its VFs' users
 * @lock: protects @uuid and @users
 * @uuid: the token; a VF opens only with it
 * @users: VFs of this PF open through this driver
 */
struct vfio_vconfig_vf_token {
	struct mutex lock;
	uuid_t uuid;
	int users;
};

/* PFs on which this driver enabled SR-IOV */
static DEFINE_MUTEX(vfio_vconfig_sriov_pfs_mutex);
static LIST_HEAD(vfio_vconfig_sriov_pfs);

/**
 * vfio_vconfig_sriov_refuse() - may this function be bound
 * @pdev: the function being probed
 *
 * VFs that exist before the bind may be in use by the host or other users;
 * they can neither be captured nor tracked, and disabling them here would
 * unbind their drivers. As vfio-pci, the PF is refused.
 *
 * Return: 0, or -EBUSY for a PF with VFs enabled.
 */
int vfio_vconfig_sriov_refuse(struct pci_dev *pdev)
{
	if (pci_num_vf(pdev)) {
		pci_warn(pdev, "Cannot bind to PF with SR-IOV enabled\n");
		return -EBUSY;
	}
	return 0;
}

/* Give the VFs this PF creates to this driver, as vfio-pci does. */
static int vfio_vconfig_bus_notifier(struct notifier_block *nb,
				     unsigned long action, void *data)
{
	struct vfio_vconfig_device *vdev =
		container_of(nb, struct vfio_vconfig_device, sriov_nb);
	struct pci_dev *pdev = to_pci_dev(data);
	struct pci_driver *drv;

	if (!pdev->is_virtfn || pci_physfn(pdev) != vdev->pdev)
		return 0;

	if (action == BUS_NOTIFY_ADD_DEVICE) {
		pci_info(vdev->pdev, "Captured SR-IOV VF %s driver_override\n",
			 pci_name(pdev));
		vfio_vconfig_set_driver_override(pdev, vdev->vdev.ops->name);
	} else if (action == BUS_NOTIFY_BOUND_DRIVER) {
		drv = pci_dev_driver(pdev);
		if (drv && drv != pci_dev_driver(vdev->pdev))
			pci_warn(vdev->pdev,
				 "VF %s bound to driver %s while PF bound to driver %s\n",
				 pci_name(pdev), drv->name,
				 pci_dev_driver(vdev->pdev)->name);
	}
	return 0;
}

/**
 * vfio_vconfig_sriov_init() - SR-IOV state of a function at bind
 * @vdev: the device
 *
 * A VF finds the PF it belongs to when that PF enabled it through this
 * driver; the PF cannot change until the VF is unbound (pci_disable_sriov()
 * removes the VFs first). A PF gets a random VF token and starts capturing
 * its future VFs.
 *
 * Return: 0 or a negative errno.
 */
int vfio_vconfig_sriov_init(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;
	struct vfio_vconfig_device *cur;
	int ret;

	INIT_LIST_HEAD(&vdev->sriov_pfs_item);
	if (pdev->is_virtfn) {
		mutex_lock(&vfio_vconfig_sriov_pfs_mutex);
		list_for_each_entry(cur, &vfio_vconfig_sriov_pfs, sriov_pfs_item) {
			if (cur->pdev == pci_physfn(pdev)) {
				vdev->sriov_pf = cur;
				break;
			}
		}
		mutex_unlock(&vfio_vconfig_sriov_pfs_mutex);
		return 0;
	}
	if (!pdev->is_physfn)
		return 0;

	vdev->vf_token = kzalloc(sizeof(*vdev->vf_token), GFP_KERNEL);
	if (!vdev->vf_token)
		return -ENOMEM;
	mutex_init(&vdev->vf_token->lock);
	uuid_gen(&vdev->vf_token->uuid);

	vdev->sriov_nb.notifier_call = vfio_vconfig_bus_notifier;
	ret = bus_register_notifier(&pci_bus_type, &vdev->sriov_nb);
	if (ret) {
		mutex_destroy(&vdev->vf_token->lock);
		kfree(vdev->vf_token);
		vdev->vf_token = NULL;
	}
	return ret;
}

/**
 * vfio_vconfig_sriov_uninit() - undo vfio_vconfig_sriov_init()
 * @vdev: the device; a PF's VFs are already disabled
 */
void vfio_vconfig_sriov_uninit(struct vfio_vconfig_device *vdev)
{
	if (!vdev->vf_token)
		return;
	bus_unregister_notifier(&pci_bus_type, &vdev->sriov_nb);
	WARN_ON(vdev->vf_token->users);
	mutex_destroy(&vdev->vf_token->lock);
	kfree(vdev->vf_token);
	vdev->vf_token = NULL;
}

/* Enable @nr_virtfn VFs, or disable them all with 0. */
static int vfio_vconfig_sriov_set(struct vfio_vconfig_device *vdev,
				  int nr_virtfn)
{
	struct pci_dev *pdev = vdev->pdev;
	int ret = 0;

	device_lock_assert(&pdev->dev);
	if (nr_virtfn) {
		mutex_lock(&vfio_vconfig_sriov_pfs_mutex);
		/* one enable per disable: only the thread that adds the PF */
		if (!list_empty(&vdev->sriov_pfs_item)) {
			ret = -EINVAL;
			goto out_unlock;
		}
		list_add_tail(&vdev->sriov_pfs_item, &vfio_vconfig_sriov_pfs);
		mutex_unlock(&vfio_vconfig_sriov_pfs_mutex);

		/*
		 * The PF must be in D0 while VFs exist, and stay there: awake
		 * from a runtime suspend (held until the VFs go), and out of
		 * a D3hot its user wrote.
		 */
		ret = pm_runtime_resume_and_get(&pdev->dev);
		if (ret)
			goto out_del;
		down_write(&vdev->memory_lock);
		vfio_vconfig_set_power_state(vdev, PCI_D0);
		vdev->sriov_active = true;
		up_write(&vdev->memory_lock);
		ret = pci_enable_sriov(pdev, nr_virtfn);
		if (ret) {
			pm_runtime_put(&pdev->dev);
			goto out_del;
		}
		return nr_virtfn;
	}

	if (pci_num_vf(pdev)) {
		pci_disable_sriov(pdev);
		pm_runtime_put(&pdev->dev);
	}
out_del:
	/* a racing power change sees -EBUSY at worst, with the PF in D0 */
	vdev->sriov_active = false;
	mutex_lock(&vfio_vconfig_sriov_pfs_mutex);
	list_del_init(&vdev->sriov_pfs_item);
out_unlock:
	mutex_unlock(&vfio_vconfig_sriov_pfs_mutex);
	return ret;
}

/**
 * vfio_vconfig_sriov_configure() - the driver's sriov_configure
 * @pdev: the PF; its device lock is held
 * @nr_virtfn: VFs to enable, 0 to disable them
 *
 * Return: @nr_virtfn, 0, or a negative errno: -ENOENT unless enable_sriov
 * is set, -EINVAL when VFs are already enabled, as vfio-pci.
 */
int vfio_vconfig_sriov_configure(struct pci_dev *pdev, int nr_virtfn)
{
	if (!enable_sriov)
		return -ENOENT;
	return vfio_vconfig_sriov_set(dev_get_drvdata(&pdev->dev), nr_virtfn);
}

/**
 * vfio_vconfig_sriov_remove() - disable the VFs of a PF being unbound
 * @vdev: the device; its device lock is held
 */
void vfio_vconfig_sriov_remove(struct vfio_vconfig_device *vdev)
{
	if (vdev->vf_token)
		vfio_vconfig_sriov_set(vdev, 0);
}

/* Count an open VF against its PF's token. */
static void vfio_vconfig_vf_users_add(struct vfio_vconfig_device *vdev,
				      int delta)
{
	struct vfio_vconfig_vf_token *token;

	if (!vdev->sriov_pf)
		return;
	token = vdev->sriov_pf->vf_token;
	mutex_lock(&token->lock);
	WARN_ON(token->users + delta < 0);
	token->users += delta;
	mutex_unlock(&token->lock);
}

/**
 * vfio_vconfig_sriov_open() - a VF of a PF of this driver is opened
 * @vdev: the device
 */
void vfio_vconfig_sriov_open(struct vfio_vconfig_device *vdev)
{
	vfio_vconfig_vf_users_add(vdev, 1);
}

/**
 * vfio_vconfig_sriov_close() - a VF of a PF of this driver is closed
 * @vdev: the device
 */
void vfio_vconfig_sriov_close(struct vfio_vconfig_device *vdev)
{
	vfio_vconfig_vf_users_add(vdev, -1);
}

/*
 * There is some trust between the users of a PF and of its VFs: the PF's
 * user can reset or deny service to the VFs. A VF of a PF of this driver
 * therefore opens only with the PF's VF token; the PF itself, while any of
 * its VFs is open, only with the same token; a token given to a PF without
 * open VFs sets it. Any other token is an error.
 */
static int vfio_vconfig_validate_vf_token(struct vfio_vconfig_device *vdev,
					  bool vf_token, uuid_t *uuid)
{
	struct vfio_vconfig_vf_token *token;
	bool match;

	if (vdev->pdev->is_virtfn) {
		if (!vdev->sriov_pf) {
			if (!vf_token)
				return 0;	/* PF not ours: no token */
			pci_info_ratelimited(vdev->pdev,
					     "VF token incorrectly provided, PF not bound to %s\n",
					     vdev->vdev.ops->name);
			return -EINVAL;
		}
		if (!vf_token) {
			pci_info_ratelimited(vdev->pdev,
					     "VF token required to access device\n");
			return -EACCES;
		}
		token = vdev->sriov_pf->vf_token;
		mutex_lock(&token->lock);
		match = uuid_equal(uuid, &token->uuid);
		mutex_unlock(&token->lock);
		if (!match) {
			pci_info_ratelimited(vdev->pdev,
					     "Incorrect VF token provided for device\n");
			return -EACCES;
		}
		return 0;
	}

	if (!vdev->vf_token) {
		if (!vf_token)
			return 0;
		pci_info_ratelimited(vdev->pdev,
				     "VF token incorrectly provided, not a PF or VF\n");
		return -EINVAL;
	}

	token = vdev->vf_token;
	mutex_lock(&token->lock);
	if (token->users && !vf_token) {
		mutex_unlock(&token->lock);
		pci_info_ratelimited(vdev->pdev,
				     "VF token required to access device\n");
		return -EACCES;
	}
	if (token->users && !uuid_equal(uuid, &token->uuid)) {
		mutex_unlock(&token->lock);
		pci_info_ratelimited(vdev->pdev,
				     "Incorrect VF token provided for device\n");
		return -EACCES;
	}
	if (!token->users && vf_token)
		uuid_copy(&token->uuid, uuid);
	mutex_unlock(&token->lock);
	return 0;
}

#define VF_TOKEN_ARG "vf_token="

/**
 * vfio_vconfig_match() - the VFIO core's device name match
 * @core: the VFIO device
 * @buf: "BDF" or "BDF vf_token=UUID", as VFIO_GROUP_GET_DEVICE_FD gives it
 *
 * Return: 1 on a match, 0 when @buf names another device, or a negative
 * errno that aborts the open (-EINVAL malformed, -EACCES bad token).
 */
int vfio_vconfig_match(struct vfio_device *core, char *buf)
{
	struct vfio_vconfig_device *vdev = to_vconfig_dev(core);
	const char *name = pci_name(vdev->pdev);
	bool vf_token = false;
	uuid_t uuid;
	int ret;

	if (strncmp(name, buf, strlen(name)))
		return 0;
	buf += strlen(name);
	if (*buf && *buf != ' ')
		return 0;	/* a longer name */

	while (*buf) {
		if (*buf == ' ') {
			buf++;
			continue;
		}
		if (vf_token || strncmp(buf, VF_TOKEN_ARG, strlen(VF_TOKEN_ARG)))
			return -EINVAL;	/* unknown or repeated option */
		buf += strlen(VF_TOKEN_ARG);
		if (strlen(buf) < UUID_STRING_LEN)
			return -EINVAL;
		ret = uuid_parse(buf, &uuid);
		if (ret)
			return ret;
		vf_token = true;
		buf += UUID_STRING_LEN;
	}

	ret = vfio_vconfig_validate_vf_token(vdev, vf_token, &uuid);
	return ret ? ret : 1;
}

/**
 * vfio_vconfig_feature_vf_token() - VFIO_DEVICE_FEATURE_PCI_VF_TOKEN
 * @vdev: the device
 * @flags: feature flags
 * @arg: the new token (a UUID)
 * @argsz: payload size
 *
 * SET only: a GET would hand out the token of an earlier user.
 *
 * Return: 0 or a negative errno; -ENOTTY on a function that is not a PF.
 */
int vfio_vconfig_feature_vf_token(struct vfio_vconfig_device *vdev, u32 flags,
				  void __user *arg, size_t argsz)
{
	uuid_t uuid;
	int ret;

	if (!vdev->vf_token)
		return -ENOTTY;
	ret = vfio_check_feature(flags, argsz, VFIO_DEVICE_FEATURE_SET,
				 sizeof(uuid));
	if (ret != 1)
		return ret;
	if (copy_from_user(&uuid, arg, sizeof(uuid)))
		return -EFAULT;

	mutex_lock(&vdev->vf_token->lock);
	uuid_copy(&vdev->vf_token->uuid, &uuid);
	mutex_unlock(&vdev->vf_token->lock);
	return 0;
}

/**
 * vfio_vconfig_sriov_engine_config() - what the engine needs for a VF
 * @vdev: the device
 * @cfg: the engine configuration being built
 *
 * A VF reads 0xffff as its IDs: the PCI core knows them from the PF
 * (Vendor ID) and its SR-IOV capability (VF Device ID).
 */
void vfio_vconfig_sriov_engine_config(struct vfio_vconfig_device *vdev,
				      struct vconfig_config *cfg)
{
	struct pci_dev *pdev = vdev->pdev;

	if (!pdev->is_virtfn)
		return;
	cfg->flags |= VCONFIG_F_VIRTFN;
	cfg->vf_vendor = pdev->vendor;
	cfg->vf_device = pdev->device;
}

/**
 * vfio_vconfig_sriov_busy() - would resetting or powering down hit VFs
 * @vdev: the device
 *
 * Return: true while this PF has VFs enabled through this driver.
 */
bool vfio_vconfig_sriov_busy(struct vfio_vconfig_device *vdev)
{
	return vdev->sriov_active;
}
