/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: the socket address types that interface headers use. */
#ifndef _VCSHIM_LINUX_SOCKET_H
#define _VCSHIM_LINUX_SOCKET_H

#include <uapi/linux/socket.h>

#ifdef VCSHIM_RUNTIME
#include <sys/socket.h>
#else
typedef __kernel_sa_family_t sa_family_t;

struct sockaddr {
	sa_family_t sa_family;
	char sa_data[14];
};

#define AF_UNSPEC	0
#define AF_INET		2
#define AF_INET6	10
#define AF_PACKET	17
#define PF_INET		AF_INET
#define PF_INET6	AF_INET6
#endif

#endif /* _VCSHIM_LINUX_SOCKET_H */
