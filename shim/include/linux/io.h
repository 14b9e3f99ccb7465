/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: MMIO accessors.
 *
 * pci_iomap() returns a pointer into an mmap of the BAR, so readl() and
 * writel() are plain volatile accesses, as they are on x86 in the kernel.
 * BARs that cannot be mapped (I/O ports, sub-page or sparse regions) get a
 * reserved, inaccessible address range instead: ioread*() and iowrite*()
 * recognise it and go through read()/write() of the VFIO region, which is
 * what the kernel's iomap cookies do for port I/O.
 */
#ifndef VCONFIG_SHIM_LINUX_IO_H
#define VCONFIG_SHIM_LINUX_IO_H

#include <stdint.h>
#include <linux/compiler.h>
#include <linux/types.h>

extern uintptr_t vcshim_slow_io_lo, vcshim_slow_io_hi;
u64 vcshim_slow_read(const volatile void __iomem *addr, unsigned int size);
void vcshim_slow_write(u64 val, volatile void __iomem *addr, unsigned int size);

static inline bool vcshim_slow_io(const volatile void __iomem *addr)
{
	uintptr_t a = (uintptr_t)addr;

	return unlikely(a >= vcshim_slow_io_lo && a < vcshim_slow_io_hi);
}

#define VCSHIM_MMIO_RW(sfx, type)						\
static inline type __raw_read##sfx(const volatile void __iomem *addr)	\
{									\
	return *(const volatile type *)addr;				\
}									\
static inline void __raw_write##sfx(type val, volatile void __iomem *addr)	\
{									\
	*(volatile type *)addr = val;					\
}									\
static inline type read##sfx(const volatile void __iomem *addr)		\
{									\
	type val;							\
									\
	barrier();							\
	val = __raw_read##sfx(addr);					\
	barrier();							\
	return val;							\
}									\
static inline void write##sfx(type val, volatile void __iomem *addr)	\
{									\
	barrier();							\
	__raw_write##sfx(val, addr);					\
	barrier();							\
}

VCSHIM_MMIO_RW(b, u8)
VCSHIM_MMIO_RW(w, u16)
VCSHIM_MMIO_RW(l, u32)
VCSHIM_MMIO_RW(q, u64)

#define readb_relaxed(a)	readb(a)
#define readw_relaxed(a)	readw(a)
#define readl_relaxed(a)	readl(a)
#define readq_relaxed(a)	readq(a)
#define writeb_relaxed(v, a)	writeb(v, a)
#define writew_relaxed(v, a)	writew(v, a)
#define writel_relaxed(v, a)	writel(v, a)
#define writeq_relaxed(v, a)	writeq(v, a)

#define VCSHIM_IOMAP_RW(bits, sfx)						\
static inline u##bits ioread##bits(const volatile void __iomem *addr)	\
{									\
	if (vcshim_slow_io(addr))					\
		return vcshim_slow_read(addr, bits / 8);		\
	return read##sfx(addr);						\
}									\
static inline void iowrite##bits(u##bits val, volatile void __iomem *addr)	\
{									\
	if (vcshim_slow_io(addr))					\
		vcshim_slow_write(val, addr, bits / 8);			\
	else								\
		write##sfx(val, addr);					\
}

VCSHIM_IOMAP_RW(8, b)
VCSHIM_IOMAP_RW(16, w)
VCSHIM_IOMAP_RW(32, l)
VCSHIM_IOMAP_RW(64, q)

static inline void memcpy_fromio(void *dst, const volatile void __iomem *src,
				 size_t count)
{
	u8 *d = dst;
	size_t i;

	for (i = 0; i < count; i++)
		d[i] = ioread8((const volatile u8 *)src + i);
}

static inline void memcpy_toio(volatile void __iomem *dst, const void *src,
			       size_t count)
{
	const u8 *s = src;
	size_t i;

	for (i = 0; i < count; i++)
		iowrite8(s[i], (volatile u8 *)dst + i);
}

static inline void memset_io(volatile void __iomem *dst, int c, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		iowrite8(c, (volatile u8 *)dst + i);
}

#define mb()	__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()	mb()
#define wmb()	mb()
#define dma_rmb()	rmb()
#define dma_wmb()	wmb()

#endif /* VCONFIG_SHIM_LINUX_IO_H */
