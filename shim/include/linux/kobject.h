/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_KOBJECT_H
#define _VCSHIM_LINUX_KOBJECT_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/spinlock.h>
#include <linux/sysfs.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/workqueue.h>

struct kobject {
	const char *name;
	struct kobject *parent;
};

enum kobject_action {
	KOBJ_ADD,
	KOBJ_REMOVE,
	KOBJ_CHANGE,
	KOBJ_MOVE,
	KOBJ_ONLINE,
	KOBJ_OFFLINE,
	KOBJ_BIND,
	KOBJ_UNBIND,
};

static inline int kobject_uevent(struct kobject *kobj, enum kobject_action action)
{
	(void)kobj, (void)action;
	return 0;
}

#endif /* _VCSHIM_LINUX_KOBJECT_H */
