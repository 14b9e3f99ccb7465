/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: there is no CPU interrupt flag to save in a process. */
#ifndef _VCSHIM_LINUX_IRQFLAGS_H
#define _VCSHIM_LINUX_IRQFLAGS_H

#define local_irq_save(flags)		do { (flags) = 0; } while (0)
#define local_irq_restore(flags)	do { (void)(flags); } while (0)
#define local_irq_disable()		do { } while (0)
#define local_irq_enable()		do { } while (0)

#endif /* _VCSHIM_LINUX_IRQFLAGS_H */
