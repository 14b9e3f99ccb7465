/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_RESOURCE_EXT_H
#define _VCSHIM_LINUX_RESOURCE_EXT_H

#include <linux/ioport.h>
#include <linux/list.h>
#include <linux/slab.h>
#include <linux/types.h>

#endif /* _VCSHIM_LINUX_RESOURCE_EXT_H */
