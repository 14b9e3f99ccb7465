// SPDX-License-Identifier: GPL-2.0-only
/*
 * vfio-vconfig: INTx quirks, as vfio-pci. The nointxmask parameter gives
 * up PCI 2.3 INTx masking (DisINTx) for every function opened afterwards:
 * INTx is then masked at the interrupt controller and needs an exclusive
 * line. Functions on the nointx list implement DisINTx but not the
 * Interrupt Status bit that shared-line masking needs; they are offered
 * without INTx (Interrupt Pin reads 0) and kept with DisINTx set.
 */
#include <linux/module.h>
#include <linux/pci.h>

#include "vfio_vconfig.h"

static bool nointxmask;
module_param(nointxmask, bool, 0644);
MODULE_PARM_DESC(nointxmask, "Disable support for PCI 2.3 style INTx masking, as vfio-pci's parameter of the same name (applies from the next open)");

/* vfio-pci's list (drivers/vfio/pci/vfio_pci_core.c, vfio_pci_nointx()) */
static bool vfio_vconfig_nointx_quirk(struct pci_dev *pdev)
{
	if (pdev->vendor != PCI_VENDOR_ID_INTEL)
		return false;
	switch (pdev->device) {
	/* all i40e (XL710/X710/XXV710) 10/20/25/40GbE NICs */
	case 0x1572:
	case 0x1574:
	case 0x1580 ... 0x1581:
	case 0x1583 ... 0x158b:
	case 0x37d0 ... 0x37d2:
	/* X550 */
	case 0x1563:
		return true;
	default:
		return false;
	}
}

/**
 * vfio_vconfig_intx_setup() - how INTx is masked for this open
 * @vdev: the device, enabled
 *
 * Sets @vdev->pci_2_3 and @vdev->nointx as vfio-pci does at enable.
 */
void vfio_vconfig_intx_setup(struct vfio_vconfig_device *vdev)
{
	struct pci_dev *pdev = vdev->pdev;

	vdev->pci_2_3 = false;
	vdev->nointx = false;
	if (nointxmask)
		return;
	if (vfio_vconfig_nointx_quirk(pdev)) {
		pci_info(pdev, "Masking broken INTx support\n");
		vdev->nointx = true;
		pci_intx(pdev, 0);
		return;
	}
	vdev->pci_2_3 = pci_intx_mask_supported(pdev);
}

/**
 * vfio_vconfig_nointx_restore() - keep DisINTx set on a nointx function
 * @vdev: the device; after a reset or an MSI shutdown cleared it
 */
void vfio_vconfig_nointx_restore(struct vfio_vconfig_device *vdev)
{
	if (vdev->nointx)
		pci_intx(vdev->pdev, 0);
}
