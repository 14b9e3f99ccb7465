/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: interrupt handlers. Every vector of a device is an
 * eventfd that VFIO signals; one dispatcher thread waits on all of them
 * and runs the primary handlers, one at a time, as a single CPU would. A
 * threaded handler's function runs in a thread of its own IRQ, as the
 * kernel's irq threads do, so one that sleeps stalls no other interrupt.
 * INTx is unmasked at the device after the handlers, as the kernel's
 * level-triggered flow does. An IRQ line carries the handlers of every
 * driver that asked with IRQF_SHARED.
 */
#ifndef _VCSHIM_LINUX_INTERRUPT_H
#define _VCSHIM_LINUX_INTERRUPT_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/irqreturn.h>
#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/hardirq.h>
#include <linux/workqueue.h>

struct device;

typedef irqreturn_t (*irq_handler_t)(int irq, void *dev_id);

#define IRQF_TRIGGER_NONE	0x00000000
#define IRQF_TRIGGER_RISING	0x00000001
#define IRQF_TRIGGER_FALLING	0x00000002
#define IRQF_TRIGGER_HIGH	0x00000004
#define IRQF_TRIGGER_LOW	0x00000008
#define IRQF_SHARED		0x00000080
#define IRQF_PROBE_SHARED	0x00000100
#define IRQF_TIMER		0x00000200
#define IRQF_PERCPU		0x00000400
#define IRQF_NOBALANCING	0x00000800
#define IRQF_IRQPOLL		0x00001000
#define IRQF_ONESHOT		0x00002000
#define IRQF_NO_SUSPEND		0x00004000
#define IRQF_FORCE_RESUME	0x00008000
#define IRQF_NO_THREAD		0x00010000
#define IRQF_EARLY_RESUME	0x00020000
#define IRQF_COND_SUSPEND	0x00040000
#define IRQF_NO_AUTOEN		0x00080000
#define IRQF_NO_DEBUG		0x00100000

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev_id);
const void *free_irq(unsigned int irq, void *dev_id);
void disable_irq(unsigned int irq);
void disable_irq_nosync(unsigned int irq);
void enable_irq(unsigned int irq);
void synchronize_irq(unsigned int irq);
#define disable_hardirq(irq)	(disable_irq_nosync(irq), true)
/* IRQ autoprobing is for ISA boards: a PCI function's IRQ is known, and
 * no other line exists to probe (the kernel's answer when none fires). */
static inline unsigned long probe_irq_on(void)
{
	return 0;
}

static inline int probe_irq_off(unsigned long mask)
{
	return 0;
}

#define disable_irq_nosync_lockdep(irq)		disable_irq_nosync(irq)
#define disable_irq_nosync_lockdep_irqsave(irq, flags) \
	do { (void)(flags); disable_irq_nosync(irq); } while (0)
#define disable_irq_lockdep(irq)		disable_irq(irq)
#define enable_irq_lockdep(irq)			enable_irq(irq)
#define enable_irq_lockdep_irqrestore(irq, flags) \
	do { (void)(flags); enable_irq(irq); } while (0)
#define irq_set_affinity_hint(irq, m)	((void)(irq), 0)
#define irq_update_affinity_hint(irq, m)	((void)(irq), 0)
#define irq_set_affinity_and_hint(irq, m)	((void)(irq), 0)
#define enable_irq_wake(irq)	((void)(irq), 0)
#define disable_irq_wake(irq)	((void)(irq), 0)

static inline int request_irq(unsigned int irq, irq_handler_t handler,
			      unsigned long flags, const char *name, void *dev_id)
{
	return request_threaded_irq(irq, handler, NULL, flags, name, dev_id);
}

int devm_request_threaded_irq(struct device *dev, unsigned int irq,
			      irq_handler_t handler, irq_handler_t thread_fn,
			      unsigned long irqflags, const char *devname,
			      void *dev_id);
void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id);

static inline int devm_request_irq(struct device *dev, unsigned int irq,
				   irq_handler_t handler, unsigned long irqflags,
				   const char *devname, void *dev_id)
{
	return devm_request_threaded_irq(dev, irq, handler, NULL, irqflags,
					 devname, dev_id);
}

/* Tasklets run on the system workqueue. */
struct tasklet_struct {
	struct work_struct work;
	void (*func)(unsigned long data);
	void (*callback)(struct tasklet_struct *t);
	bool use_callback;
	unsigned long data;
	atomic_t count;
};

void tasklet_init(struct tasklet_struct *t, void (*func)(unsigned long),
		  unsigned long data);
void tasklet_setup(struct tasklet_struct *t,
		   void (*callback)(struct tasklet_struct *));
void tasklet_schedule(struct tasklet_struct *t);
void tasklet_kill(struct tasklet_struct *t);
#define tasklet_hi_schedule(t)	tasklet_schedule(t)
#define tasklet_disable(t)	do { atomic_inc(&(t)->count); flush_work(&(t)->work); } while (0)
#define tasklet_disable_nosync(t)	atomic_inc(&(t)->count)
#define tasklet_enable(t)	atomic_dec(&(t)->count)
#define from_tasklet(var, callback_tasklet, tasklet_fieldname) \
	container_of(callback_tasklet, typeof(*var), tasklet_fieldname)

#endif /* _VCSHIM_LINUX_INTERRUPT_H */
