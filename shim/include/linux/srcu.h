/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: SRCU as a read-write semaphore. */
#ifndef _VCSHIM_LINUX_SRCU_H
#define _VCSHIM_LINUX_SRCU_H

#include <linux/rcupdate.h>
#include <linux/rwsem.h>

struct srcu_struct {
	struct rw_semaphore sem;
};

#endif /* _VCSHIM_LINUX_SRCU_H */
