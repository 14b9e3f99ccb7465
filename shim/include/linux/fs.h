/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: file types for declarations; no VFS behind them. */
#ifndef _VCSHIM_LINUX_FS_H
#define _VCSHIM_LINUX_FS_H

#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/stat.h>
#include <linux/types.h>
#include <linux/wait.h>
#include <linux/uaccess.h>

#ifndef VCSHIM_RUNTIME
typedef u32 dev_t;
#endif
#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)
#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))

struct inode;
struct file;
struct poll_table_struct;
struct vm_area_struct;

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *f, loff_t off, int whence);
	ssize_t (*read)(struct file *f, char __user *buf, size_t n, loff_t *pos);
	ssize_t (*write)(struct file *f, const char __user *buf, size_t n, loff_t *pos);
	__poll_t (*poll)(struct file *f, struct poll_table_struct *pt);
	long (*unlocked_ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	long (*compat_ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	int (*mmap)(struct file *f, struct vm_area_struct *vma);
	int (*open)(struct inode *i, struct file *f);
	int (*release)(struct inode *i, struct file *f);
};

struct file {
	void *private_data;
	unsigned int f_flags;
	fmode_t f_mode;
};

#define no_llseek	NULL
#define noop_llseek	NULL
#define stream_open(i, f)	((void)(i), (void)(f), 0)
#define nonseekable_open(i, f)	((void)(i), (void)(f), 0)
#define compat_ptr_ioctl	NULL

#endif /* _VCSHIM_LINUX_FS_H */
