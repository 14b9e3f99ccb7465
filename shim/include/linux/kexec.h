/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: a program has no crash kernel loaded. */
#ifndef _VCSHIM_LINUX_KEXEC_H
#define _VCSHIM_LINUX_KEXEC_H

#include <linux/types.h>

static inline bool kexec_crash_loaded(void)
{
	return false;
}

#endif /* _VCSHIM_LINUX_KEXEC_H */
