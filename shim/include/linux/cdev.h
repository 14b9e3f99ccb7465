/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: character devices exist only through subsystems the
 * shim bridges (the watchdog core); the type is here for declarations. */
#ifndef _VCSHIM_LINUX_CDEV_H
#define _VCSHIM_LINUX_CDEV_H

#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/types.h>
#include <linux/fs.h>

struct cdev {
	struct kobject kobj;
	struct module *owner;
	const struct file_operations *ops;
	dev_t dev;
	unsigned int count;
};

#endif /* _VCSHIM_LINUX_CDEV_H */
