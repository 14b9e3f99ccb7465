/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: BUG() and WARN(). BUG() panics, as the kernel does in a
 * context it cannot kill; WARN() prints where and goes on. */
#ifndef _VCSHIM_LINUX_BUG_H
#define _VCSHIM_LINUX_BUG_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/printk.h>

__noreturn void vcshim_bug(const char *file, int line);
void vcshim_warn(const char *file, int line);

#define BUG()			vcshim_bug(__FILE__, __LINE__)
#define BUG_ON(cond)		do { if (unlikely(cond)) BUG(); } while (0)
#define WARN_ON(cond) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on))					\
		vcshim_warn(__FILE__, __LINE__);			\
	unlikely(__ret_warn_on);					\
})
#define WARN(cond, fmt...) ({						\
	int __ret_warn_on = !!(cond);					\
	if (unlikely(__ret_warn_on)) {					\
		printk(KERN_WARNING fmt);				\
		vcshim_warn(__FILE__, __LINE__);			\
	}								\
	unlikely(__ret_warn_on);					\
})
#define __VCSHIM_ONCE(cond, warn) ({					\
	static bool __warned;						\
	int __ret_once = !!(cond);					\
	if (unlikely(__ret_once) && !__warned) {			\
		__warned = true;					\
		warn;							\
	}								\
	unlikely(__ret_once);						\
})
#define WARN_ON_ONCE(cond)	__VCSHIM_ONCE(cond, vcshim_warn(__FILE__, __LINE__))
#define WARN_ONCE(cond, fmt...)	__VCSHIM_ONCE(cond, WARN(1, fmt))
#define WARN_TAINT(cond, taint, fmt...)	WARN(cond, fmt)

#endif /* _VCSHIM_LINUX_BUG_H */
