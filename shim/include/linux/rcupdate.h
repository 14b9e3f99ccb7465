/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: RCU. Readers take a process-wide read lock; a grace
 * period is taking the write side once, so it waits for every reader
 * that started before it. call_rcu() callbacks run at the next grace
 * period.
 */
#ifndef _VCSHIM_LINUX_RCUPDATE_H
#define _VCSHIM_LINUX_RCUPDATE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <asm/barrier.h>

void rcu_read_lock(void);
void rcu_read_unlock(void);
void synchronize_rcu(void);
void call_rcu(struct rcu_head *head, void (*func)(struct rcu_head *head));
void rcu_barrier(void);
#define rcu_read_lock_bh()	rcu_read_lock()
#define rcu_read_unlock_bh()	rcu_read_unlock()
#define synchronize_net()	synchronize_rcu()
#define kfree_rcu(ptr, field)	do { synchronize_rcu(); kfree(ptr); } while (0)

#define rcu_dereference(p)		READ_ONCE(p)
#define rcu_dereference_bh(p)		READ_ONCE(p)
#define rcu_dereference_raw(p)		READ_ONCE(p)
#define rcu_dereference_protected(p, c)	(p)
#define rcu_dereference_rtnl(p)		READ_ONCE(p)
#define rcu_access_pointer(p)		READ_ONCE(p)
#define rcu_assign_pointer(p, v)	smp_store_release(&(p), (v))
#define RCU_INIT_POINTER(p, v)		WRITE_ONCE(p, v)
#define RCU_POINTER_INITIALIZER(p, v)	.p = (v)
#define rcu_read_lock_held()		1

#endif /* _VCSHIM_LINUX_RCUPDATE_H */
