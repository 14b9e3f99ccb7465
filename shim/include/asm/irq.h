/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: <asm/irq.h> brings the IRQ API, as on x86. */
#ifndef _VCSHIM_ASM_IRQ_H
#define _VCSHIM_ASM_IRQ_H

#include <linux/interrupt.h>

#endif /* _VCSHIM_ASM_IRQ_H */
