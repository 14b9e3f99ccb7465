/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_MISCDEVICE_H
#define _VCSHIM_LINUX_MISCDEVICE_H

#include <linux/fs.h>
#include <linux/list.h>
#include <linux/types.h>

#define MISC_DYNAMIC_MINOR	255
#define WATCHDOG_MINOR		130

struct miscdevice {
	int minor;
	const char *name;
	const struct file_operations *fops;
	struct list_head list;
	struct device *parent;
	struct device *this_device;
	const struct attribute_group **groups;
	const char *nodename;
	umode_t mode;
};

#endif /* _VCSHIM_LINUX_MISCDEVICE_H */
