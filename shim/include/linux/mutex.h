/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace PCI shim: kernel mutexes on pthread mutexes. */
#ifndef VCONFIG_SHIM_LINUX_MUTEX_H
#define VCONFIG_SHIM_LINUX_MUTEX_H

#include <pthread.h>

struct mutex {
	pthread_mutex_t mutex;
};

#define __MUTEX_INITIALIZER(name)	{ PTHREAD_MUTEX_INITIALIZER }
#define DEFINE_MUTEX(name)		struct mutex name = __MUTEX_INITIALIZER(name)

static inline void mutex_init(struct mutex *lock)
{
	pthread_mutex_init(&lock->mutex, NULL);
}

static inline void mutex_destroy(struct mutex *lock)
{
	pthread_mutex_destroy(&lock->mutex);
}

static inline void mutex_lock(struct mutex *lock)
{
	pthread_mutex_lock(&lock->mutex);
}

static inline void mutex_unlock(struct mutex *lock)
{
	pthread_mutex_unlock(&lock->mutex);
}

static inline int mutex_trylock(struct mutex *lock)
{
	return pthread_mutex_trylock(&lock->mutex) == 0;
}

/* No signals reach a waiting kernel task here: these always succeed. */
static inline int mutex_lock_interruptible(struct mutex *lock)
{
	mutex_lock(lock);
	return 0;
}

#define mutex_lock_killable(lock)	mutex_lock_interruptible(lock)

#endif /* VCONFIG_SHIM_LINUX_MUTEX_H */
