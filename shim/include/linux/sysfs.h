/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: sysfs attributes. A program has no sysfs: attribute
 * groups are recorded on the device and their show() callbacks can be
 * called through the runtime (vcshim_attr_show()), nothing more.
 */
#ifndef _VCSHIM_LINUX_SYSFS_H
#define _VCSHIM_LINUX_SYSFS_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/stat.h>
#include <linux/types.h>

struct kobject;

struct attribute {
	const char *name;
	umode_t mode;
};

struct bin_attribute;

struct attribute_group {
	const char *name;
	umode_t (*is_visible)(struct kobject *kobj, struct attribute *attr, int n);
	umode_t (*is_bin_visible)(struct kobject *kobj, struct bin_attribute *attr, int n);
	struct attribute **attrs;
	struct bin_attribute **bin_attrs;
};

#define __ATTR(_name, _mode, _show, _store) {				\
	.attr = { .name = __stringify(_name), .mode = (_mode) },	\
	.show = _show,							\
	.store = _store,						\
}
#define __ATTR_RO(_name)	__ATTR(_name, 0444, _name##_show, NULL)
#define __ATTR_RO_MODE(_name, _mode)	__ATTR(_name, _mode, _name##_show, NULL)
#define __ATTR_WO(_name)	__ATTR(_name, 0200, NULL, _name##_store)
#define __ATTR_RW(_name)	__ATTR(_name, 0644, _name##_show, _name##_store)
#define __ATTR_RW_MODE(_name, _mode)	__ATTR(_name, _mode, _name##_show, _name##_store)
#define __ATTR_NULL		{ .attr = { .name = NULL } }

#define ATTRIBUTE_GROUPS(_name)						\
static const struct attribute_group _name##_group = {			\
	.attrs = _name##_attrs,						\
};									\
static const struct attribute_group *_name##_groups[] = {		\
	&_name##_group,							\
	NULL,								\
}

__printf(2, 3) int sysfs_emit(char *buf, const char *fmt, ...);
__printf(3, 4) int sysfs_emit_at(char *buf, int at, const char *fmt, ...);

#endif /* _VCSHIM_LINUX_SYSFS_H */
