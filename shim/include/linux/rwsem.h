/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: read-write semaphores (a pthread rwlock inside). */
#ifndef _VCSHIM_LINUX_RWSEM_H
#define _VCSHIM_LINUX_RWSEM_H

#include <linux/types.h>

struct rw_semaphore {
	unsigned long __vcshim_lock[7];	/* a pthread_rwlock_t */
};

#define __RWSEM_INITIALIZER(name)	{ { 0 } }
#define DECLARE_RWSEM(name)		struct rw_semaphore name = __RWSEM_INITIALIZER(name)

void init_rwsem(struct rw_semaphore *sem);
void down_read(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);

#endif /* _VCSHIM_LINUX_RWSEM_H */
