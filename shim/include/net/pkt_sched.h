/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: no queueing disciplines; a driver's includes only. */
#ifndef _VCSHIM_NET_PKT_SCHED_H
#define _VCSHIM_NET_PKT_SCHED_H

#include <linux/netdevice.h>

#endif /* _VCSHIM_NET_PKT_SCHED_H */
