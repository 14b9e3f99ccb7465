/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: interrupt handlers. Every vector of a device is an
 * eventfd that VFIO signals; one dispatcher thread waits on all of them
 * and runs the handlers, one at a time, as a single CPU would. A threaded
 * handler's thread function runs in the same thread after its primary
 * handler asked for it. INTx is unmasked at the device after the handler,
 * as the kernel's level-triggered flow does.
 */
#ifndef VCONFIG_SHIM_LINUX_INTERRUPT_H
#define VCONFIG_SHIM_LINUX_INTERRUPT_H

#include <linux/irqreturn.h>
#include <linux/types.h>

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_SHARED		0x00000080
#define IRQF_ONESHOT		0x00002000
#define IRQF_NO_THREAD		0x00010000

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
void synchronize_irq(unsigned int irq);

static inline int request_irq(unsigned int irq, irq_handler_t handler,
			      unsigned long flags, const char *name, void *dev_id)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev_id);
}

#endif /* VCONFIG_SHIM_LINUX_INTERRUPT_H */
