/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: <linux/compiler_types.h>, included first into every driver
 * file as the kernel's build does. In a driver the kernel's own
 * compiler_attributes.h supplies the attribute macros; in the shim's own
 * sources libc's <sys/cdefs.h> defines some of the same names, so only the
 * missing ones are added there.
 */
#ifndef _VCSHIM_LINUX_COMPILER_TYPES_H
#define _VCSHIM_LINUX_COMPILER_TYPES_H

#ifndef VCSHIM_RUNTIME
#include <linux/compiler_attributes.h>
#else
#ifndef __always_inline
#define __always_inline		inline __attribute__((__always_inline__))
#endif
#ifndef __attribute_const__
#define __attribute_const__	__attribute__((__const__))
#endif
#define __aligned(x)		__attribute__((__aligned__(x)))
#define __packed		__attribute__((__packed__))
#define __printf(a, b)		__attribute__((__format__(printf, a, b)))
#define __cold			__attribute__((__cold__))
#define __maybe_unused		__attribute__((__unused__))
#define __always_unused		__attribute__((__unused__))
#define __must_check		__attribute__((__warn_unused_result__))
#define __noreturn		__attribute__((__noreturn__))
#define __section(s)		__attribute__((__section__(s)))
#define __used			__attribute__((__used__))
#define __weak			__attribute__((__weak__))
#define noinline		__attribute__((__noinline__))
#define __malloc		__attribute__((__malloc__))
#define __pure			__attribute__((__pure__))
#define fallthrough		__attribute__((__fallthrough__))
#endif

/* Address-space and lock annotations: for sparse only. */
#define __iomem
#define __user
#define __kernel
#define __force
#define __rcu
#define __percpu
#define __bitwise
#define __safe
#define __private
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x)		(void)0
#define __release(x)		(void)0
#define __cond_lock(x, c)	(c)
#define notrace
#define __visible		__attribute__((__externally_visible__))
#define noinline_for_stack	noinline
#define __latent_entropy
#define __randomize_layout
#define __no_randomize_layout
#define randomized_struct_fields_start
#define randomized_struct_fields_end
#define __no_sanitize_address
#define __nocfi
#define __noscs
#define __ro_after_init
#define __read_mostly
#define __cacheline_aligned	__aligned(64)
#define __cacheline_aligned_in_smp	__aligned(64)
#define ____cacheline_aligned	__aligned(64)
#define ____cacheline_aligned_in_smp	__aligned(64)
#define ____cacheline_internodealigned_in_smp	__aligned(64)

#define ___PASTE(a, b)		a##b
#define __PASTE(a, b)		___PASTE(a, b)
#define __UNIQUE_ID(prefix)	__PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))
#define __native_word(t) \
	(sizeof(t) == sizeof(char) || sizeof(t) == sizeof(short) || \
	 sizeof(t) == sizeof(int) || sizeof(t) == sizeof(long))
#define __unqual_scalar_typeof(x)	typeof(x)

/* As the kernel's: a call the optimizer must remove, else a build error. */
#define __compiletime_assert(condition, msg, prefix, suffix)		\
	do {								\
		extern void prefix ## suffix(void) __attribute__((__error__(msg))); \
		if (!(condition))					\
			prefix ## suffix();				\
	} while (0)
#define _compiletime_assert(condition, msg, prefix, suffix) \
	__compiletime_assert(condition, msg, prefix, suffix)
#define compiletime_assert(condition, msg) \
	_compiletime_assert(condition, msg, __compiletime_assert_, __COUNTER__)
#define compiletime_assert_atomic_type(t) \
	compiletime_assert(__native_word(t), "Need native word sized stores/loads for atomicity.")

#endif /* _VCSHIM_LINUX_COMPILER_TYPES_H */
