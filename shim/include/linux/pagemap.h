/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_PAGEMAP_H
#define _VCSHIM_LINUX_PAGEMAP_H

#include <linux/mm.h>

#endif /* _VCSHIM_LINUX_PAGEMAP_H */
