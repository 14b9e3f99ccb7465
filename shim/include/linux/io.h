/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: MMIO and port I/O accessors.
 *
 * pci_iomap() and ioremap() return a pointer into an mmap of the BAR when
 * VFIO allows one, so readl() and writel() are plain volatile accesses, as
 * they are on x86 in the kernel. A BAR (or part of one) that cannot be
 * mapped -- I/O ports, a sparse area's gaps -- gets an address inside one
 * reserved, inaccessible arena instead; every accessor recognises an
 * arena address by one range check and goes through read()/write() of the
 * VFIO region, which is what the kernel's iomap cookies do for port I/O.
 * inb()/outb() take the port numbers the BAR registers hold.
 */
#ifndef _VCSHIM_LINUX_IO_H
#define _VCSHIM_LINUX_IO_H

#include <linux/compiler.h>
#include <linux/err.h>
#include <linux/types.h>
#include <linux/bug.h>
#include <linux/string.h>
#include <asm/barrier.h>
#include <asm/page.h>

struct device;
struct resource;
struct pci_dev;

/* The arena: [vcshim_slow_base, vcshim_slow_base + vcshim_slow_size). */
extern unsigned long vcshim_slow_base, vcshim_slow_size;
u64 vcshim_slow_read(const volatile void __iomem *addr, unsigned int size);
void vcshim_slow_write(u64 val, volatile void __iomem *addr, unsigned int size);
void vcshim_slow_copy(void *dst, const volatile void __iomem *src, size_t len,
		      bool to_device);

static inline bool vcshim_slow_io(const volatile void __iomem *addr)
{
	return unlikely((unsigned long)addr - vcshim_slow_base < vcshim_slow_size);
}

#define VCSHIM_MMIO_RW(sfx, type)						\
static inline type __raw_read##sfx(const volatile void __iomem *addr)	\
{									\
	if (vcshim_slow_io(addr))					\
		return vcshim_slow_read(addr, sizeof(type));		\
	return *(const volatile type __force *)addr;			\
}									\
static inline void __raw_write##sfx(type val, volatile void __iomem *addr) \
{									\
	if (vcshim_slow_io(addr))					\
		vcshim_slow_write(val, addr, sizeof(type));		\
	else								\
		*(volatile type __force *)addr = val;			\
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

#define ioread8(a)		readb(a)
#define ioread16(a)		readw(a)
#define ioread32(a)		readl(a)
#define ioread64(a)		readq(a)
#define iowrite8(v, a)		writeb(v, a)
#define iowrite16(v, a)		writew(v, a)
#define iowrite32(v, a)		writel(v, a)
#define iowrite64(v, a)		writeq(v, a)
#define ioread16be(a)		__builtin_bswap16(readw(a))
#define ioread32be(a)		__builtin_bswap32(readl(a))
#define iowrite16be(v, a)	writew(__builtin_bswap16(v), a)
#define iowrite32be(v, a)	writel(__builtin_bswap32(v), a)
#define lo_hi_readq(a)		((u64)readl(a) | ((u64)readl((const volatile u8 __iomem *)(a) + 4) << 32))
#define lo_hi_writeq(v, a)	do { writel((u32)(v), a); writel((u32)((u64)(v) >> 32), (volatile u8 __iomem *)(a) + 4); } while (0)
#define hi_lo_readq(a)		lo_hi_readq(a)
#define hi_lo_writeq(v, a)	lo_hi_writeq(v, a)

#define VCSHIM_IO_REP(bits, type)						\
static inline void ioread##bits##_rep(const volatile void __iomem *addr,	\
				      void *buf, unsigned long count)	\
{									\
	type *b = buf;							\
									\
	while (count--)							\
		*b++ = ioread##bits(addr);				\
}									\
static inline void iowrite##bits##_rep(volatile void __iomem *addr,	\
				       const void *buf, unsigned long count) \
{									\
	const type *b = buf;						\
									\
	while (count--)							\
		iowrite##bits(*b++, addr);				\
}
VCSHIM_IO_REP(8, u8)
VCSHIM_IO_REP(16, u16)
VCSHIM_IO_REP(32, u32)
#define readsb(a, b, c)		ioread8_rep(a, b, c)
#define readsw(a, b, c)		ioread16_rep(a, b, c)
#define readsl(a, b, c)		ioread32_rep(a, b, c)
#define writesb(a, b, c)	iowrite8_rep(a, b, c)
#define writesw(a, b, c)	iowrite16_rep(a, b, c)
#define writesl(a, b, c)	iowrite32_rep(a, b, c)

/* Block copies: one VFIO access on the slow path, words on a mapping. */
void vcshim_memcpy_mmio(void *dst, const volatile void __iomem *src, size_t len,
			bool to_device);

static inline void memcpy_fromio(void *dst, const volatile void __iomem *src,
				 size_t count)
{
	if (vcshim_slow_io(src))
		vcshim_slow_copy(dst, src, count, false);
	else
		vcshim_memcpy_mmio(dst, src, count, false);
}

static inline void memcpy_toio(volatile void __iomem *dst, const void *src,
			       size_t count)
{
	if (vcshim_slow_io(dst))
		vcshim_slow_copy((void *)src, dst, count, true);
	else
		vcshim_memcpy_mmio((void *)src, dst, count, true);
}

static inline void memset_io(volatile void __iomem *dst, int c, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		writeb(c, (volatile u8 __iomem *)dst + i);
}

/* Port I/O: the port numbers of the devices' I/O BARs. */
u32 vcshim_port_read(unsigned long port, unsigned int size);
void vcshim_port_write(u32 val, unsigned long port, unsigned int size);

/* Functions, not casts: a read for its side effect alone is no warning. */
static inline u8 inb(unsigned long port)
{
	return vcshim_port_read(port, 1);
}

static inline u16 inw(unsigned long port)
{
	return vcshim_port_read(port, 2);
}

static inline u32 inl(unsigned long port)
{
	return vcshim_port_read(port, 4);
}

#define outb(v, p)	vcshim_port_write((u8)(v), p, 1)
#define outw(v, p)	vcshim_port_write((u16)(v), p, 2)
#define outl(v, p)	vcshim_port_write((u32)(v), p, 4)
#define inb_p(p)	inb(p)
#define inw_p(p)	inw(p)
#define inl_p(p)	inl(p)
#define outb_p(v, p)	outb(v, p)
#define outw_p(v, p)	outw(v, p)
#define outl_p(v, p)	outl(v, p)

#define VCSHIM_PORT_REP(sfx, bits, type)					\
static inline void ins##sfx(unsigned long port, void *buf, unsigned long count) \
{									\
	type *b = buf;							\
									\
	while (count--)							\
		*b++ = (type)vcshim_port_read(port, bits / 8);		\
}									\
static inline void outs##sfx(unsigned long port, const void *buf,	\
			     unsigned long count)			\
{									\
	const type *b = buf;						\
									\
	while (count--)							\
		vcshim_port_write(*b++, port, bits / 8);		\
}
VCSHIM_PORT_REP(b, 8, u8)
VCSHIM_PORT_REP(w, 16, u16)
VCSHIM_PORT_REP(l, 32, u32)

void __iomem *ioport_map(unsigned long port, unsigned int nr);
void ioport_unmap(void __iomem *addr);

/* ioremap() of a BAR's bus address (pci_resource_start() and on). */
void __iomem *ioremap(resource_size_t offset, unsigned long size);
/* A program's memory has no physical addresses: the identity (alignment
 * checks come out the same). */
#define phys_to_virt(p)		((void *)(uintptr_t)(p))
#define virt_to_phys(v)		((phys_addr_t)(uintptr_t)(v))
void iounmap(volatile void __iomem *addr);
#define ioremap_uc(o, s)	ioremap(o, s)
#define ioremap_wc(o, s)	ioremap(o, s)
#define ioremap_wt(o, s)	ioremap(o, s)
#define ioremap_cache(o, s)	ioremap(o, s)
#define ioremap_np(o, s)	ioremap(o, s)

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
			   resource_size_t size);
#define devm_ioremap_uc(d, o, s)	devm_ioremap(d, o, s)
#define devm_ioremap_wc(d, o, s)	devm_ioremap(d, o, s)
void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res);
void devm_iounmap(struct device *dev, void __iomem *addr);

#define mmiowb()	do { } while (0)
#define IOMEM_ERR_PTR(err)	((void __force __iomem *)ERR_PTR(err))

#endif /* _VCSHIM_LINUX_IO_H */
