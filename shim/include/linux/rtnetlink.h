/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: the RTNL lock (shim/netdev.c). */
#ifndef _VCSHIM_LINUX_RTNETLINK_H
#define _VCSHIM_LINUX_RTNETLINK_H

#include <linux/netdevice.h>

void rtnl_lock(void);
void rtnl_unlock(void);
int rtnl_trylock(void);
int rtnl_is_locked(void);
#define ASSERT_RTNL()	WARN_ONCE(!rtnl_is_locked(), "RTNL: assertion failed at %s (%d)\n", \
				  __FILE__, __LINE__)

#endif /* _VCSHIM_LINUX_RTNETLINK_H */
