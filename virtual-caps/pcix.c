// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * PCI-X: the Command register (and the ECC control of version 1/2) reach
 * hardware, as with vfio-pci; status is read-only.
 */
#include "caps.h"

#define PCIX_STATUS_RW1C	(PCI_X_STATUS_SPL_DISC | PCI_X_STATUS_UNX_SPL | \
				 PCI_X_STATUS_SPL_ERR)

static const struct vconfig_field pcix_v0[] = {
	{ PCI_X_CMD, 2, 0, 0xffff, 0, 0, "PCI-X Command" },
	{ PCI_X_STATUS, 4, 0, 0, PCIX_STATUS_RW1C, 0, "PCI-X Status" },
};

static const struct vconfig_field pcix_v1[] = {
	{ PCI_X_ECC_CSR, 4, 0, 0xffffffff, 0, 0, "ECC Control and Status" },
};

enum { PCIX_V0, PCIX_V1 };

static const struct vconfig_layout pcix_layouts[] = {
	[PCIX_V0] = VCONFIG_LAYOUT(NULL, pcix_v0),
	[PCIX_V1] = VCONFIG_LAYOUT("Command version 1 or 2", pcix_v1),
};

/* Version 1 and 2 (Command bits 13:12) add the ECC registers. */
static bool pcix_is_v1(struct vconfig *vc, unsigned int pos)
{
	return PCI_X_CMD_VERSION(vc_hw_cached(vc, pos + PCI_X_CMD, 2));
}

static unsigned int pcix_length(struct vconfig *vc, unsigned int pos)
{
	return pcix_is_v1(vc, pos) ? PCI_CAP_PCIX_SIZEOF_V1 :
				     PCI_CAP_PCIX_SIZEOF_V0;
}

static u32 pcix_select(struct vconfig *vc, const struct vconfig_cap *cap)
{
	return BIT(PCIX_V0) | (pcix_is_v1(vc, cap->pos) ? BIT(PCIX_V1) : 0);
}

const struct vconfig_cap_desc vconfig_cap_pcix = {
	.id = PCI_CAP_ID_PCIX,
	.name = "PCI-X",
	.length = pcix_length,
	.layouts = pcix_layouts,
	.nr_layouts = ARRAY_SIZE(pcix_layouts),
	.select = pcix_select,
	.doc = "Command and ECC control writable; status read-only.",
};
