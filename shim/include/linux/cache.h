/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_CACHE_H
#define _VCSHIM_LINUX_CACHE_H

#include <linux/kernel.h>

#define L1_CACHE_SHIFT		6
#define L1_CACHE_BYTES		(1 << L1_CACHE_SHIFT)
#define SMP_CACHE_BYTES		L1_CACHE_BYTES
#define L1_CACHE_ALIGN(x)	ALIGN(x, L1_CACHE_BYTES)
#define __ro_after_init

#endif /* _VCSHIM_LINUX_CACHE_H */
