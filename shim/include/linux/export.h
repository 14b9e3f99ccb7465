/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_EXPORT_H
#define _VCSHIM_LINUX_EXPORT_H

/* One program, one namespace: an export declares nothing more. */
#define EXPORT_SYMBOL(sym)		extern typeof(sym) sym
#define EXPORT_SYMBOL_GPL(sym)		extern typeof(sym) sym
#define EXPORT_SYMBOL_NS(sym, ns)	extern typeof(sym) sym
#define EXPORT_SYMBOL_NS_GPL(sym, ns)	extern typeof(sym) sym

#endif /* _VCSHIM_LINUX_EXPORT_H */
