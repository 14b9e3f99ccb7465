/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: bit operations. set_bit() and friends are atomic, the
 * __ forms are not, as in the kernel; the find_*_bit() searches are here
 * too (the kernel keeps them in <linux/find.h>, which bitops.h includes).
 */
#ifndef _VCSHIM_LINUX_BITOPS_H
#define _VCSHIM_LINUX_BITOPS_H

#include <asm/bitsperlong.h>
#include <linux/bits.h>
#include <linux/compiler.h>
#include <linux/types.h>

#define BITS_PER_TYPE(type)	(sizeof(type) * BITS_PER_BYTE)
#define BITS_TO_LONGS(nr)	(((nr) + BITS_PER_LONG - 1) / BITS_PER_LONG)
#define BITS_TO_U64(nr)		(((nr) + 63) / 64)
#define BITS_TO_U32(nr)		(((nr) + 31) / 32)
#define BITS_TO_BYTES(nr)	(((nr) + 7) / 8)
#define DECLARE_BITMAP(name, bits)	unsigned long name[BITS_TO_LONGS(bits)]

#define VCSHIM_BITOP(name, op, ret)						\
static inline ret name(long nr, volatile unsigned long *addr)		\
{									\
	unsigned long mask = BIT_MASK(nr);				\
	unsigned long old = op(addr + BIT_WORD(nr), mask, __ATOMIC_SEQ_CST); \
	return (ret)(old & mask ? 1 : 0);				\
}
#define vcshim_fetch_or(p, m, o)	__atomic_fetch_or(p, m, o)
#define vcshim_fetch_andnot(p, m, o)	__atomic_fetch_and(p, ~(m), o)
#define vcshim_fetch_xor(p, m, o)	__atomic_fetch_xor(p, m, o)
VCSHIM_BITOP(test_and_set_bit, vcshim_fetch_or, int)
VCSHIM_BITOP(test_and_clear_bit, vcshim_fetch_andnot, int)
VCSHIM_BITOP(test_and_change_bit, vcshim_fetch_xor, int)

static inline void set_bit(long nr, volatile unsigned long *addr)
{
	(void)test_and_set_bit(nr, addr);
}

static inline void clear_bit(long nr, volatile unsigned long *addr)
{
	(void)test_and_clear_bit(nr, addr);
}

static inline void change_bit(long nr, volatile unsigned long *addr)
{
	(void)test_and_change_bit(nr, addr);
}

#define clear_bit_unlock(nr, addr)	clear_bit(nr, addr)
#define test_and_set_bit_lock(nr, addr)	test_and_set_bit(nr, addr)

static inline void __set_bit(long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

static inline void __clear_bit(long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

static inline void __change_bit(long nr, volatile unsigned long *addr)
{
	addr[BIT_WORD(nr)] ^= BIT_MASK(nr);
}

static inline int __test_and_set_bit(long nr, volatile unsigned long *addr)
{
	int old = (addr[BIT_WORD(nr)] & BIT_MASK(nr)) != 0;

	__set_bit(nr, addr);
	return old;
}

static inline int __test_and_clear_bit(long nr, volatile unsigned long *addr)
{
	int old = (addr[BIT_WORD(nr)] & BIT_MASK(nr)) != 0;

	__clear_bit(nr, addr);
	return old;
}

static inline bool test_bit(long nr, const volatile unsigned long *addr)
{
	return (READ_ONCE(addr[BIT_WORD(nr)]) >> (nr & (BITS_PER_LONG - 1))) & 1;
}

static inline unsigned long __ffs(unsigned long word)
{
	return __builtin_ctzl(word);
}

static inline unsigned long __fls(unsigned long word)
{
	return BITS_PER_LONG - 1 - __builtin_clzl(word);
}

static inline unsigned long ffz(unsigned long word)
{
	return __ffs(~word);
}

#ifndef VCSHIM_RUNTIME
static inline int ffs(int x)
{
	return __builtin_ffs(x);
}
#else
#include <strings.h>
#endif

static inline int fls(unsigned int x)
{
	return x ? 32 - __builtin_clz(x) : 0;
}

static inline int fls64(u64 x)
{
	return x ? 64 - __builtin_clzll(x) : 0;
}

static inline int fls_long(unsigned long l)
{
	return fls64(l);
}

static inline unsigned int hweight32(unsigned int w)
{
	return __builtin_popcount(w);
}

static inline unsigned int hweight16(unsigned int w)
{
	return __builtin_popcount(w & 0xffff);
}

static inline unsigned int hweight8(unsigned int w)
{
	return __builtin_popcount(w & 0xff);
}

static inline unsigned long hweight64(u64 w)
{
	return __builtin_popcountll(w);
}

static inline unsigned long hweight_long(unsigned long w)
{
	return __builtin_popcountl(w);
}

static inline int get_count_order(unsigned int count)
{
	if (count == 0)
		return -1;
	return fls(--count);
}

static inline u32 rol32(u32 word, unsigned int shift)
{
	return (word << (shift & 31)) | (word >> ((-shift) & 31));
}

static inline u32 ror32(u32 word, unsigned int shift)
{
	return (word >> (shift & 31)) | (word << ((-shift) & 31));
}

static inline s32 sign_extend32(u32 value, int index)
{
	u8 shift = 31 - index;

	return (s32)(value << shift) >> shift;
}

static inline s64 sign_extend64(u64 value, int index)
{
	u8 shift = 63 - index;

	return (s64)(value << shift) >> shift;
}

/* The first set (or clear) bit at or after @offset, or @size if none. */
static inline unsigned long vcshim_find_bit(const unsigned long *addr,
					    unsigned long size,
					    unsigned long offset, bool set)
{
	for (; offset < size; offset++)
		if (test_bit(offset, addr) == set)
			return offset;
	return size;
}

#define find_next_bit(addr, size, off)		vcshim_find_bit(addr, size, off, true)
#define find_next_zero_bit(addr, size, off)	vcshim_find_bit(addr, size, off, false)
#define find_first_bit(addr, size)		vcshim_find_bit(addr, size, 0, true)
#define find_first_zero_bit(addr, size)		vcshim_find_bit(addr, size, 0, false)

static inline unsigned long find_last_bit(const unsigned long *addr,
					  unsigned long size)
{
	unsigned long i;

	for (i = size; i-- > 0;)
		if (test_bit(i, addr))
			return i;
	return size;
}

#define for_each_set_bit(bit, addr, size)				\
	for ((bit) = find_first_bit((addr), (size)); (bit) < (size);	\
	     (bit) = find_next_bit((addr), (size), (bit) + 1))
#define for_each_clear_bit(bit, addr, size)				\
	for ((bit) = find_first_zero_bit((addr), (size)); (bit) < (size); \
	     (bit) = find_next_zero_bit((addr), (size), (bit) + 1))

#endif /* _VCSHIM_LINUX_BITOPS_H */
