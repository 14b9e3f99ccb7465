/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace PCI shim: a few vendor IDs; drivers name most of theirs locally. */
#ifndef VCONFIG_SHIM_LINUX_PCI_IDS_H
#define VCONFIG_SHIM_LINUX_PCI_IDS_H

#define PCI_VENDOR_ID_REDHAT_QUMRANET	0x1af4
#define PCI_VENDOR_ID_REDHAT		0x1b36
#define PCI_VENDOR_ID_AMD		0x1022
#define PCI_VENDOR_ID_INTEL		0x8086

#endif /* VCONFIG_SHIM_LINUX_PCI_IDS_H */
