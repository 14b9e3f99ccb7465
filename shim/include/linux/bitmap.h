/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_BITMAP_H
#define _VCSHIM_LINUX_BITMAP_H

#include <linux/bitops.h>
#include <linux/string.h>

static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0, BITS_TO_LONGS(nbits) * sizeof(long));
}

static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	unsigned int i;

	bitmap_zero(dst, nbits);
	for (i = 0; i < nbits; i++)
		__set_bit(i, dst);
}

static inline void bitmap_copy(unsigned long *dst, const unsigned long *src,
			       unsigned int nbits)
{
	memcpy(dst, src, BITS_TO_LONGS(nbits) * sizeof(long));
}

static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	return find_first_bit(src, nbits) == nbits;
}

static inline unsigned int bitmap_weight(const unsigned long *src, unsigned int nbits)
{
	unsigned int i, w = 0;

	for (i = 0; i < nbits; i++)
		w += test_bit(i, src);
	return w;
}

/* The word operations: bits beyond nbits in the last word are masked. */
#define BITMAP_LAST_WORD_MASK(nbits)	(~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))

#define VCSHIM_BITMAP_OP(name, expr)						\
static inline bool bitmap_##name(unsigned long *dst, const unsigned long *a,	\
				 const unsigned long *b, unsigned int nbits)	\
{										\
	unsigned int i, n = BITS_TO_LONGS(nbits);				\
	unsigned long any = 0;							\
										\
	for (i = 0; i < n; i++) {						\
		dst[i] = (expr);						\
		any |= i == n - 1 ? dst[i] & BITMAP_LAST_WORD_MASK(nbits) : dst[i]; \
	}									\
	return any != 0;							\
}
VCSHIM_BITMAP_OP(and, a[i] & b[i])
VCSHIM_BITMAP_OP(andnot, a[i] & ~b[i])
VCSHIM_BITMAP_OP(or_, a[i] | b[i])
VCSHIM_BITMAP_OP(xor_, a[i] ^ b[i])
#define bitmap_or(dst, a, b, n)		((void)bitmap_or_(dst, a, b, n))
#define bitmap_xor(dst, a, b, n)	((void)bitmap_xor_(dst, a, b, n))

static inline bool bitmap_equal(const unsigned long *a, const unsigned long *b,
				unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < nbits; i++)
		if (test_bit(i, a) != test_bit(i, b))
			return false;
	return true;
}

static inline bool bitmap_intersects(const unsigned long *a, const unsigned long *b,
				     unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < nbits; i++)
		if (test_bit(i, a) && test_bit(i, b))
			return true;
	return false;
}

static inline bool bitmap_subset(const unsigned long *a, const unsigned long *b,
				 unsigned int nbits)
{
	unsigned int i;

	for (i = 0; i < nbits; i++)
		if (test_bit(i, a) && !test_bit(i, b))
			return false;
	return true;
}

#endif /* _VCSHIM_LINUX_BITMAP_H */
