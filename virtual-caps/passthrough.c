// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * Extended capabilities passed through read-only: the user sees them as
 * hardware has them and can change nothing. Only their lengths and which
 * registers are invariant differ. Power Budgeting lets the user pick which
 * budget entry to read, which changes nothing on the device.
 */
#include "caps.h"

#define PASSTHROUGH_CAP(_sym, _id, _name, _length, _fixed, _fields, _doc) \
static const struct vconfig_layout _sym##_layouts[] = {			\
	VCONFIG_LAYOUT(NULL, _fields),					\
};									\
const struct vconfig_cap_desc _sym = {					\
	.id = _id,							\
	.extended = true,						\
	.name = _name,							\
	.length = _length,						\
	.fixed_length = _fixed,						\
	.layouts = _sym##_layouts,					\
	.nr_layouts = ARRAY_SIZE(_sym##_layouts),			\
	.doc = _doc,							\
}

/* Device Serial Number */
static const struct vconfig_field dsn_fields[] = {
	VCONFIG_INVARIANT(0x04, 4, "Serial Number (low)"),
	VCONFIG_INVARIANT(0x08, 4, "Serial Number (high)"),
};
PASSTHROUGH_CAP(vconfig_ecap_dsn, PCI_EXT_CAP_ID_DSN, "Device Serial Number",
		NULL, PCI_EXT_CAP_DSN_SIZEOF, dsn_fields, "Read-only, invariant.");

/* Access Control Services: 8 bytes plus the egress control vector. */
static const struct vconfig_field acs_fields[] = {
	VCONFIG_INVARIANT(PCI_ACS_CAP, 2, "ACS Capability"),
};
#define ACS_BASE_SIZEOF		PCI_ACS_EGRESS_CTL_V	/* up to the egress vector */

static unsigned int acs_length(struct vconfig *vc, unsigned int pos)
{
	u32 cap = vc_hw_cached(vc, pos + PCI_ACS_CAP, 2);
	unsigned int bits;

	if (!(cap & PCI_ACS_EC))
		return ACS_BASE_SIZEOF;
	/* Egress Control Vector Size: 0 means 256 bits, in dwords */
	bits = vc_hw_cached(vc, pos + PCI_ACS_EGRESS_BITS, 1);
	if (!bits)
		bits = 256;
	return ACS_BASE_SIZEOF + 4 * DIV_ROUND_UP(bits, 32);
}
PASSTHROUGH_CAP(vconfig_ecap_acs, PCI_EXT_CAP_ID_ACS, "Access Control Services",
		acs_length, 0, acs_fields, "Read-only; the host owns ACS.");

/* Alternative Routing-ID Interpretation */
static const struct vconfig_field ari_fields[] = {
	VCONFIG_INVARIANT(PCI_ARI_CAP, 2, "ARI Capability"),
};
PASSTHROUGH_CAP(vconfig_ecap_ari, PCI_EXT_CAP_ID_ARI, "ARI",
		NULL, PCI_EXT_CAP_ARI_SIZEOF, ari_fields, "Read-only.");

/* Address Translation Services */
static const struct vconfig_field ats_fields[] = {
	VCONFIG_INVARIANT(PCI_ATS_CAP, 2, "ATS Capability"),
};
PASSTHROUGH_CAP(vconfig_ecap_ats, PCI_EXT_CAP_ID_ATS, "ATS",
		NULL, PCI_EXT_CAP_ATS_SIZEOF, ats_fields, "Read-only; the host IOMMU owns ATS.");

/* Single Root I/O Virtualization: never writable, VFs are the host's. */
static const struct vconfig_field sriov_fields[] = {
	VCONFIG_INVARIANT(PCI_SRIOV_CAP, 4, "SR-IOV Capabilities"),
};
PASSTHROUGH_CAP(vconfig_ecap_sriov, PCI_EXT_CAP_ID_SRIOV, "SR-IOV",
		NULL, PCI_EXT_CAP_SRIOV_SIZEOF, sriov_fields, "Read-only; never writable.");

/* Latency Tolerance Reporting */
static const struct vconfig_field ltr_fields[] = {
	{ PCI_LTR_MAX_SNOOP_LAT, 2, 0, 0, 0, 0, "Max Snoop Latency" },
};
PASSTHROUGH_CAP(vconfig_ecap_ltr, PCI_EXT_CAP_ID_LTR, "LTR",
		NULL, PCI_EXT_CAP_LTR_SIZEOF, ltr_fields, "Read-only.");

/* L1 PM Substates */
static const struct vconfig_field l1ss_fields[] = {
	VCONFIG_INVARIANT(PCI_L1SS_CAP, 4, "L1 PM Substates Capabilities"),
};
PASSTHROUGH_CAP(vconfig_ecap_l1ss, PCI_EXT_CAP_ID_L1SS, "L1 PM Substates",
		NULL, PCI_L1SS_CTL2 + 4, l1ss_fields, "Read-only.");

/* Process Address Space ID */
static const struct vconfig_field pasid_fields[] = {
	VCONFIG_INVARIANT(PCI_PASID_CAP, 2, "PASID Capability"),
};
PASSTHROUGH_CAP(vconfig_ecap_pasid, PCI_EXT_CAP_ID_PASID, "PASID",
		NULL, PCI_EXT_CAP_PASID_SIZEOF, pasid_fields, "Read-only.");

/* Page Request Interface */
static const struct vconfig_field pri_fields[] = {
	VCONFIG_INVARIANT(PCI_PRI_MAX_REQ, 4, "Outstanding Page Request Capacity"),
};
PASSTHROUGH_CAP(vconfig_ecap_pri, PCI_EXT_CAP_ID_PRI, "PRI",
		NULL, PCI_EXT_CAP_PRI_SIZEOF, pri_fields, "Read-only.");

/* Resizable BAR: 4 bytes plus 8 per resizable BAR. */
static const struct vconfig_field rebar_fields[] = {
	VCONFIG_INVARIANT(PCI_REBAR_CAP, 4, "Resizable BAR Capability"),
};
static unsigned int rebar_length(struct vconfig *vc, unsigned int pos)
{
	u32 ctrl = vc_hw_cached(vc, pos + PCI_REBAR_CTRL, 4);
	unsigned int nbar = FIELD_GET(PCI_REBAR_CTRL_NBAR_MASK, ctrl);

	if (!nbar || nbar > VCONFIG_NR_BARS)
		return 0;
	/* the header, then a capability and a control dword per BAR */
	return PCI_REBAR_CAP + 8 * nbar;
}
PASSTHROUGH_CAP(vconfig_ecap_rebar, PCI_EXT_CAP_ID_REBAR, "Resizable BAR",
		rebar_length, 0, rebar_fields, "Read-only; BAR sizes are the host's.");

/* Precision Time Measurement */
static const struct vconfig_field ptm_fields[] = {
	VCONFIG_INVARIANT(PCI_PTM_CAP, 4, "PTM Capability"),
};
PASSTHROUGH_CAP(vconfig_ecap_ptm, PCI_EXT_CAP_ID_PTM, "PTM",
		NULL, PCI_PTM_CTRL + 4, ptm_fields, "Read-only.");

/* TLP Processing Hints: 12 bytes plus the ST table when it lives here. */
static const struct vconfig_field tph_fields[] = {
	VCONFIG_INVARIANT(PCI_TPH_CAP, 4, "TPH Requester Capability"),
};
static unsigned int tph_length(struct vconfig *vc, unsigned int pos)
{
	u32 cap = vc_hw_cached(vc, pos + PCI_TPH_CAP, 4);
	unsigned int entries;

	if ((cap & PCI_TPH_CAP_LOC_MASK) != PCI_TPH_LOC_CAP)
		return PCI_TPH_BASE_SIZEOF;
	entries = FIELD_GET(PCI_TPH_CAP_ST_MASK, cap) + 1;
	/* 2-byte entries, padded to a dword */
	return PCI_TPH_BASE_SIZEOF + ALIGN(2 * entries, 4);
}
PASSTHROUGH_CAP(vconfig_ecap_tph, PCI_EXT_CAP_ID_TPH, "TPH Requester",
		tph_length, 0, tph_fields, "Read-only.");

/*
 * Virtual Channel: the base registers, one resource per VC, and the VC and
 * port arbitration tables wherever their offsets put them.
 */
static const struct vconfig_field vc_fields[] = {
	VCONFIG_INVARIANT(PCI_VC_PORT_CAP1, 4, "Port VC Capability 1"),
	VCONFIG_INVARIANT(PCI_VC_PORT_CAP2, 4, "Port VC Capability 2"),
};
#define VC_TABLE_UNIT		16
#define VC_ARB_TABLE_MAX	(128 * 4 / 8)
#define VC_PORT_ARB_TABLE_MAX	(256 * 8 / 8)

static unsigned int vc_length(struct vconfig *vc, unsigned int pos)
{
	u32 cap1 = vc_hw_cached(vc, pos + PCI_VC_PORT_CAP1, 4);
	u32 cap2 = vc_hw_cached(vc, pos + PCI_VC_PORT_CAP2, 4);
	unsigned int nr_vc = (cap1 & PCI_VC_CAP1_EVCC) + 1, i;
	unsigned int len = PCI_CAP_VC_BASE_SIZEOF + nr_vc * PCI_CAP_VC_PER_VC_SIZEOF;
	unsigned int table;

	/* Table offsets count 16-byte units. A VC arbitration table holds up to
	 * 128 phases of 4 bits, a port arbitration table 256 phases of 8 bits. */
	table = FIELD_GET(PCI_VC_CAP2_ARB_OFF, cap2) * VC_TABLE_UNIT;
	if (table)
		len = max(len, table + VC_ARB_TABLE_MAX);
	for (i = 0; i < nr_vc; i++) {
		u32 res = vc_hw_cached(vc, pos + PCI_VC_RES_CAP +
				       i * PCI_CAP_VC_PER_VC_SIZEOF, 4);

		table = FIELD_GET(PCI_VC_RES_CAP_ARB_OFF, res) * VC_TABLE_UNIT;
		if (table)
			len = max(len, table + VC_PORT_ARB_TABLE_MAX);
	}
	return len;
}
PASSTHROUGH_CAP(vconfig_ecap_vc, PCI_EXT_CAP_ID_VC, "Virtual Channel",
		vc_length, 0, vc_fields, "Read-only.");
PASSTHROUGH_CAP(vconfig_ecap_vc9, PCI_EXT_CAP_ID_VC9, "Virtual Channel (MFVC)",
		vc_length, 0, vc_fields, "Read-only.");

/* Power Budgeting: the Data Select register is the only writable one. */
static const struct vconfig_field pwr_fields[] = {
	{ PCI_PWR_DSR, 1, 0, 0xff, 0, 0, "Data Select" },
	{ PCI_PWR_DATA, 4, 0, 0, 0, 0, "Data" },
	VCONFIG_INVARIANT(PCI_PWR_CAP, 4, "Power Budget Capability"),
};
PASSTHROUGH_CAP(vconfig_ecap_pwr, PCI_EXT_CAP_ID_PWR, "Power Budgeting",
		NULL, PCI_EXT_CAP_PWR_SIZEOF, pwr_fields, "Data Select writable; the rest read-only.");
