/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_PREEMPT_H
#define _VCSHIM_LINUX_PREEMPT_H

#define preempt_disable()	do { } while (0)
#define preempt_enable()	do { } while (0)
#define preempt_count()		0
#define in_irq()		0
#define in_softirq()		0
#define in_serving_softirq()	0
#define in_nmi()		0

#endif /* _VCSHIM_LINUX_PREEMPT_H */
