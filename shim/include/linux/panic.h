/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: panic(). In a program, panic() runs the panic notifier
 * chain (pvpanic reports to the hypervisor from there), prints, and ends
 * the process; a fatal signal and BUG() take the same path.
 */
#ifndef _VCSHIM_LINUX_PANIC_H
#define _VCSHIM_LINUX_PANIC_H

#include <linux/compiler.h>
#include <linux/types.h>

__printf(1, 2) __cold __noreturn void panic(const char *fmt, ...);
extern int panic_timeout;
extern bool crash_kexec_post_notifiers;

#define TAINT_WARN		9
#define TAINT_FIRMWARE_WORKAROUND	11
#define LOCKDEP_STILL_OK	0
#define LOCKDEP_NOW_UNRELIABLE	1
static inline void add_taint(unsigned int flag, int lockdep_ok)
{
	(void)flag, (void)lockdep_ok;
}

#endif /* _VCSHIM_LINUX_PANIC_H */
