/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_PCI_DMA_COMPAT_H
#define _VCSHIM_LINUX_PCI_DMA_COMPAT_H

#include <linux/dma-mapping.h>

#endif /* _VCSHIM_LINUX_PCI_DMA_COMPAT_H */
