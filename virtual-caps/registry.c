// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * The one table of capability families. A capability whose ID is not
 * listed here is hidden: spliced out of the virtual chain, its bytes read
 * as zero and writes dropped.
 */
#include "caps.h"

const struct vconfig_cap_desc *const vconfig_std_caps[] = {
	&vconfig_cap_pm,
	&vconfig_cap_vpd,
	&vconfig_cap_msi,
	&vconfig_cap_pcix,
	&vconfig_cap_vendor,
	&vconfig_cap_exp,
	&vconfig_cap_msix,
	&vconfig_cap_af,
};
const unsigned int vconfig_nr_std_caps = ARRAY_SIZE(vconfig_std_caps);

const struct vconfig_cap_desc *const vconfig_ext_caps[] = {
	&vconfig_ecap_aer,
	&vconfig_ecap_vc,
	&vconfig_ecap_dsn,
	&vconfig_ecap_pwr,
	&vconfig_ecap_vc9,
	&vconfig_ecap_vndr,
	&vconfig_ecap_acs,
	&vconfig_ecap_ari,
	&vconfig_ecap_ats,
	&vconfig_ecap_sriov,
	&vconfig_ecap_rebar,
	&vconfig_ecap_tph,
	&vconfig_ecap_ltr,
	&vconfig_ecap_pasid,
	&vconfig_ecap_pri,
	&vconfig_ecap_l1ss,
	&vconfig_ecap_ptm,
	&vconfig_ecap_dvsec,
};
const unsigned int vconfig_nr_ext_caps = ARRAY_SIZE(vconfig_ext_caps);

const struct vconfig_cap_desc *vconfig_find_cap_desc(u16 id, bool extended)
{
	const struct vconfig_cap_desc *const *table =
		extended ? vconfig_ext_caps : vconfig_std_caps;
	unsigned int i, nr = extended ? vconfig_nr_ext_caps : vconfig_nr_std_caps;

	for (i = 0; i < nr; i++)
		if (table[i]->id == id)
			return table[i];
	return NULL;
}

/*
 * Lengths of hidden capabilities, so that exactly their bytes read as
 * zero. 0 means unknown: the engine then hides up to the next capability.
 */
unsigned int vconfig_hidden_cap_length(struct vconfig *vc, u16 id,
				       bool extended, unsigned int pos)
{
	unsigned int n;

	if (extended) {
		switch (id) {
		case PCI_EXT_CAP_ID_MCAST:
			return PCI_EXT_CAP_MCAST_ENDPOINT_SIZEOF;
		case PCI_EXT_CAP_ID_DPA:
			n = vc_hw_cached(vc, pos + PCI_DPA_CAP, 4) &
			    PCI_DPA_CAP_SUBSTATE_MASK;
			return PCI_DPA_BASE_SIZEOF + ((n + 1 + 3) & ~3u);
		default:
			return 0;
		}
	}
	switch (id) {
	case PCI_CAP_ID_AGP:
	case PCI_CAP_ID_AGP3:
		return PCI_AGP_SIZEOF;
	case PCI_CAP_ID_SLOTID:
	case PCI_CAP_ID_CHSWP:
	case PCI_CAP_ID_DBG:
		return 4;
	case PCI_CAP_ID_SHPC:
	case PCI_CAP_ID_SSVID:
		return 8;
	case PCI_CAP_ID_SATA:
		n = vc_hw_cached(vc, pos + PCI_SATA_REGS, 1) & PCI_SATA_REGS_MASK;
		return n == PCI_SATA_REGS_INLINE ? PCI_SATA_SIZEOF_LONG :
						   PCI_SATA_SIZEOF_SHORT;
	default:
		return 0;
	}
}
