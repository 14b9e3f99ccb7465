/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_MMZONE_H
#define _VCSHIM_LINUX_MMZONE_H

#include <asm/page.h>

#define NUMA_NO_NODE	(-1)
#define MAX_ORDER	11

#endif /* _VCSHIM_LINUX_MMZONE_H */
