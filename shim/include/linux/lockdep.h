/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_LOCKDEP_H
#define _VCSHIM_LINUX_LOCKDEP_H

struct lock_class_key {
	char unused;
};
#define lockdep_assert_held(l)		do { (void)(l); } while (0)
#define lockdep_assert_not_held(l)	do { (void)(l); } while (0)
#define lockdep_set_class(l, k)		do { } while (0)
#define lockdep_assert_irqs_disabled()	do { } while (0)

#endif /* _VCSHIM_LINUX_LOCKDEP_H */
