/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: spinlocks. Interrupt handlers, timers and work items run
 * in threads of their own, so a lock that keeps them out of a critical
 * section must sleep rather than disable anything: a spinlock is a mutex
 * here (a pthread mutex inside, opaque to driver code), and the
 * _irqsave/_irq/_bh forms are the plain ones. All-zero is unlocked.
 */
#ifndef _VCSHIM_LINUX_SPINLOCK_H
#define _VCSHIM_LINUX_SPINLOCK_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <linux/lockdep.h>
#include <linux/preempt.h>
#include <asm/barrier.h>

typedef struct spinlock {
	unsigned long __vcshim_lock[5];	/* a pthread_mutex_t */
} spinlock_t;
typedef spinlock_t raw_spinlock_t;
typedef spinlock_t rwlock_t;

#define __SPIN_LOCK_UNLOCKED(name)	{ { 0 } }
#define __RAW_SPIN_LOCK_UNLOCKED(name)	__SPIN_LOCK_UNLOCKED(name)
#define __RW_LOCK_UNLOCKED(name)	__SPIN_LOCK_UNLOCKED(name)
#define DEFINE_SPINLOCK(name)		spinlock_t name = __SPIN_LOCK_UNLOCKED(name)
#define DEFINE_RAW_SPINLOCK(name)	DEFINE_SPINLOCK(name)
#define DEFINE_RWLOCK(name)		DEFINE_SPINLOCK(name)

void spin_lock_init(spinlock_t *lock);
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
int spin_is_locked(spinlock_t *lock);

#define spin_lock_irq(lock)			spin_lock(lock)
#define spin_unlock_irq(lock)			spin_unlock(lock)
#define spin_lock_bh(lock)			spin_lock(lock)
#define spin_unlock_bh(lock)			spin_unlock(lock)
#define spin_trylock_bh(lock)			spin_trylock(lock)
#define spin_trylock_irq(lock)			spin_trylock(lock)
#define spin_lock_nested(lock, sub)		spin_lock(lock)
#define spin_lock_irqsave(lock, flags)		do { (flags) = 0; spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags)	do { (void)(flags); spin_unlock(lock); } while (0)
#define spin_trylock_irqsave(lock, flags)	({ (flags) = 0; spin_trylock(lock); })
#define assert_spin_locked(lock)		do { } while (0)

#define raw_spin_lock_init(l)		spin_lock_init(l)
#define raw_spin_lock(l)		spin_lock(l)
#define raw_spin_unlock(l)		spin_unlock(l)
#define raw_spin_lock_irqsave(l, f)	spin_lock_irqsave(l, f)
#define raw_spin_unlock_irqrestore(l, f) spin_unlock_irqrestore(l, f)
#define raw_spin_lock_irq(l)		spin_lock(l)
#define raw_spin_unlock_irq(l)		spin_unlock(l)

/* Readers and writers share one lock: correct, if not concurrent. */
#define rwlock_init(l)			spin_lock_init(l)
#define read_lock(l)			spin_lock(l)
#define read_unlock(l)			spin_unlock(l)
#define write_lock(l)			spin_lock(l)
#define write_unlock(l)			spin_unlock(l)
#define read_lock_bh(l)			spin_lock(l)
#define read_unlock_bh(l)		spin_unlock(l)
#define write_lock_bh(l)		spin_lock(l)
#define write_unlock_bh(l)		spin_unlock(l)
#define read_lock_irqsave(l, f)		spin_lock_irqsave(l, f)
#define read_unlock_irqrestore(l, f)	spin_unlock_irqrestore(l, f)
#define write_lock_irqsave(l, f)	spin_lock_irqsave(l, f)
#define write_unlock_irqrestore(l, f)	spin_unlock_irqrestore(l, f)

#endif /* _VCSHIM_LINUX_SPINLOCK_H */
