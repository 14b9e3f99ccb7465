/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: memory barriers, as x86's. */
#ifndef _VCSHIM_ASM_BARRIER_H
#define _VCSHIM_ASM_BARRIER_H

#include <linux/compiler.h>

#define mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()		mb()
#define wmb()		mb()
#define dma_rmb()	barrier()
#define dma_wmb()	barrier()
#define smp_mb()	mb()
#define smp_rmb()	barrier()
#define smp_wmb()	barrier()
#define __smp_mb()	smp_mb()
#define smp_mb__before_atomic()	barrier()
#define smp_mb__after_atomic()	barrier()
#define smp_store_mb(var, value)	do { WRITE_ONCE(var, value); mb(); } while (0)
#define smp_store_release(p, v)	__atomic_store_n(p, v, __ATOMIC_RELEASE)
#define smp_load_acquire(p)	__atomic_load_n(p, __ATOMIC_ACQUIRE)

#endif /* _VCSHIM_ASM_BARRIER_H */
