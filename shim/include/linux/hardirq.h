/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_HARDIRQ_H
#define _VCSHIM_LINUX_HARDIRQ_H

#include <linux/preempt.h>

#endif /* _VCSHIM_LINUX_HARDIRQ_H */
