/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: vmalloc() and friends are <linux/slab.h>'s. */
#ifndef _VCSHIM_LINUX_VMALLOC_H
#define _VCSHIM_LINUX_VMALLOC_H

#include <linux/slab.h>

#endif /* _VCSHIM_LINUX_VMALLOC_H */
