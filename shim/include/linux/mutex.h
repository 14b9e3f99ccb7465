/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: kernel mutexes (a pthread mutex inside; all-zero is unlocked). */
#ifndef _VCSHIM_LINUX_MUTEX_H
#define _VCSHIM_LINUX_MUTEX_H

#include <linux/lockdep.h>
#include <linux/types.h>

struct mutex {
	unsigned long __vcshim_lock[5];	/* a pthread_mutex_t */
};

#define __MUTEX_INITIALIZER(name)	{ { 0 } }
#define DEFINE_MUTEX(name)		struct mutex name = __MUTEX_INITIALIZER(name)

void mutex_init(struct mutex *lock);
void mutex_destroy(struct mutex *lock);
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
bool mutex_is_locked(struct mutex *lock);

/* No signal interrupts a kernel task's wait here: these always succeed. */
static inline int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}

#define mutex_lock_killable(lock)	mutex_lock_interruptible(lock)
#define mutex_lock_nested(lock, sub)	mutex_lock(lock)

#endif /* _VCSHIM_LINUX_MUTEX_H */
