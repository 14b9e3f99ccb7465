/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: one address space, so user copies are plain copies. */
#ifndef _VCSHIM_LINUX_UACCESS_H
#define _VCSHIM_LINUX_UACCESS_H

#include <linux/string.h>
#include <linux/types.h>

static inline unsigned long copy_to_user(void __user *to, const void *from,
					 unsigned long n)
{
	memcpy((void __force *)to, from, n);
	return 0;
}

static inline unsigned long copy_from_user(void *to, const void __user *from,
					   unsigned long n)
{
	memcpy(to, (const void __force *)from, n);
	return 0;
}

#define put_user(x, ptr)	({ *(ptr) = (x); 0; })
#define get_user(x, ptr)	({ (x) = *(ptr); 0; })

#endif /* _VCSHIM_LINUX_UACCESS_H */
