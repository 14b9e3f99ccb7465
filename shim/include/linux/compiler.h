/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace PCI shim: compiler annotations of kernel code. */
#ifndef VCONFIG_SHIM_LINUX_COMPILER_H
#define VCONFIG_SHIM_LINUX_COMPILER_H

#define __iomem
#define __user
#define __force
#define __must_check	__attribute__((warn_unused_result))
#define __maybe_unused	__attribute__((unused))
#define __always_unused	__attribute__((unused))
#define __packed	__attribute__((packed))
#define __aligned(x)	__attribute__((aligned(x)))
#define __printf(a, b)	__attribute__((format(printf, a, b)))
#define __cold		__attribute__((cold))

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define barrier()	__asm__ __volatile__("" : : : "memory")

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile __typeof__(x) *)&(x) = (val))

#endif /* VCONFIG_SHIM_LINUX_COMPILER_H */
