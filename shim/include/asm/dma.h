/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: ISA DMA. A program drives PCI functions only: there are
 * no ISA DMA channels. */
#ifndef _VCSHIM_ASM_DMA_H
#define _VCSHIM_ASM_DMA_H

#define MAX_DMA_CHANNELS	0

#endif /* _VCSHIM_ASM_DMA_H */
