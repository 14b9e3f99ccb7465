// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Advanced Error Reporting. Status write-1-to-clear reaches hardware, the
 * masks and severities are writable, ECRC generation/checking may be
 * enabled; the rest (header and TLP prefix logs) is read-only. The bits
 * a user may touch are the ones vfio-pci allows.
 */
#include "caps.h"

#define AER_UNCOR	(PCI_ERR_UNC_UND | PCI_ERR_UNC_DLP | PCI_ERR_UNC_SURPDN | \
			 PCI_ERR_UNC_POISON_TLP | PCI_ERR_UNC_FCP | \
			 PCI_ERR_UNC_COMP_TIME | PCI_ERR_UNC_COMP_ABORT | \
			 PCI_ERR_UNC_UNX_COMP | PCI_ERR_UNC_RX_OVER | \
			 PCI_ERR_UNC_MALF_TLP | PCI_ERR_UNC_ECRC | \
			 PCI_ERR_UNC_UNSUP | PCI_ERR_UNC_ACSV | PCI_ERR_UNC_INTN | \
			 PCI_ERR_UNC_MCBTLP | PCI_ERR_UNC_ATOMEG | \
			 PCI_ERR_UNC_TLPPRE)
#define AER_COR		(PCI_ERR_COR_RCVR | PCI_ERR_COR_BAD_TLP | \
			 PCI_ERR_COR_BAD_DLLP | PCI_ERR_COR_REP_ROLL | \
			 PCI_ERR_COR_REP_TIMER | PCI_ERR_COR_ADV_NFAT | \
			 PCI_ERR_COR_INTERNAL | PCI_ERR_COR_LOG_OVER)
#define AER_CTRL	(PCI_ERR_CAP_ECRC_GENE | PCI_ERR_CAP_ECRC_CHKE)
#define AER_CAPS	(PCI_ERR_CAP_ECRC_GENC | PCI_ERR_CAP_ECRC_CHKC)

static const struct vconfig_field aer_fields[] = {
	{ PCI_ERR_UNCOR_STATUS, 4, 0, AER_UNCOR, 0xffffffff, 0,
	  "Uncorrectable Error Status" },
	{ PCI_ERR_UNCOR_MASK, 4, 0, AER_UNCOR, 0, 0, "Uncorrectable Error Mask" },
	{ PCI_ERR_UNCOR_SEVER, 4, 0, AER_UNCOR, 0, 0,
	  "Uncorrectable Error Severity" },
	{ PCI_ERR_COR_STATUS, 4, 0, AER_COR, 0xffffffff, 0,
	  "Correctable Error Status" },
	{ PCI_ERR_COR_MASK, 4, 0, AER_COR, 0, 0, "Correctable Error Mask" },
	{ PCI_ERR_CAP, 4, 0, AER_CTRL, 0, AER_CAPS,
	  "Advanced Error Capabilities and Control" },
};

static const struct vconfig_layout aer_layouts[] = {
	VCONFIG_LAYOUT(NULL, aer_fields),
};

/* Through the TLP Prefix Log; a function's root-port registers read as logged. */
const struct vconfig_cap_desc vconfig_ecap_aer = {
	.id = PCI_EXT_CAP_ID_ERR,
	.extended = true,
	.name = "Advanced Error Reporting",
	.fixed_length = 0x48,
	.layouts = aer_layouts,
	.nr_layouts = ARRAY_SIZE(aer_layouts),
	.doc = "Status RW1C to hardware, masks/severity writable, logs read-only.",
};
