/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: atomic_t and atomic64_t on the compiler's atomics. */
#ifndef _VCSHIM_LINUX_ATOMIC_H
#define _VCSHIM_LINUX_ATOMIC_H

#include <asm/barrier.h>
#include <linux/types.h>

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC64_INIT(i)	{ (i) }
#define ATOMIC_LONG_INIT(i)	{ (i) }

#define VCSHIM_ATOMIC(pfx, T, int_t)						\
static inline int_t pfx##_read(const T *v)					\
{										\
	return __atomic_load_n(&v->counter, __ATOMIC_RELAXED);			\
}										\
static inline void pfx##_set(T *v, int_t i)					\
{										\
	__atomic_store_n(&v->counter, i, __ATOMIC_RELAXED);			\
}										\
static inline int_t pfx##_add_return(int_t i, T *v)				\
{										\
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);		\
}										\
static inline int_t pfx##_fetch_add(int_t i, T *v)				\
{										\
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);		\
}										\
static inline int_t pfx##_xchg(T *v, int_t i)					\
{										\
	return __atomic_exchange_n(&v->counter, i, __ATOMIC_SEQ_CST);		\
}										\
static inline int_t pfx##_cmpxchg(T *v, int_t old, int_t new)			\
{										\
	__atomic_compare_exchange_n(&v->counter, &old, new, false,		\
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);	\
	return old;								\
}										\
static inline void pfx##_or(int_t i, T *v)					\
{										\
	__atomic_fetch_or(&v->counter, i, __ATOMIC_SEQ_CST);			\
}										\
static inline void pfx##_and(int_t i, T *v)					\
{										\
	__atomic_fetch_and(&v->counter, i, __ATOMIC_SEQ_CST);			\
}										\
static inline bool pfx##_add_unless(T *v, int_t a, int_t u)			\
{										\
	int_t c = pfx##_read(v);						\
										\
	do {									\
		if (c == u)							\
			return false;						\
	} while (!__atomic_compare_exchange_n(&v->counter, &c, c + a, false,	\
					      __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST)); \
	return true;								\
}

VCSHIM_ATOMIC(atomic, atomic_t, int)
VCSHIM_ATOMIC(atomic64, atomic64_t, s64)

#define atomic_add(i, v)		((void)atomic_add_return(i, v))
#define atomic_sub(i, v)		((void)atomic_add_return(-(i), v))
#define atomic_sub_return(i, v)		atomic_add_return(-(i), v)
#define atomic_inc(v)			atomic_add(1, v)
#define atomic_dec(v)			atomic_sub(1, v)
#define atomic_inc_return(v)		atomic_add_return(1, v)
#define atomic_dec_return(v)		atomic_add_return(-1, v)
#define atomic_dec_and_test(v)		(atomic_add_return(-1, v) == 0)
#define atomic_inc_and_test(v)		(atomic_add_return(1, v) == 0)
#define atomic_sub_and_test(i, v)	(atomic_add_return(-(i), v) == 0)
#define atomic_inc_not_zero(v)		atomic_add_unless(v, 1, 0)
#define atomic_fetch_inc(v)		atomic_fetch_add(1, v)
#define atomic64_add(i, v)		((void)atomic64_add_return(i, v))
#define atomic64_sub(i, v)		((void)atomic64_add_return(-(i), v))
#define atomic64_inc(v)			atomic64_add(1, v)
#define atomic64_dec(v)			atomic64_sub(1, v)
#define atomic64_inc_return(v)		atomic64_add_return(1, v)
#define atomic_long_read(v)		atomic64_read(v)
#define atomic_long_set(v, i)		atomic64_set(v, i)
#define atomic_long_inc(v)		atomic64_inc(v)
#define atomic_long_dec(v)		atomic64_dec(v)
#define atomic_long_add(i, v)		atomic64_add(i, v)

#define xchg(ptr, v)		__atomic_exchange_n(ptr, v, __ATOMIC_SEQ_CST)
#define cmpxchg(ptr, o, n) ({							\
	typeof(*(ptr)) __old = (o);						\
	__atomic_compare_exchange_n(ptr, &__old, n, false,			\
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);	\
	__old;									\
})

#endif /* _VCSHIM_LINUX_ATOMIC_H */
