/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Userspace PCI shim: delays. udelay/ndelay/mdelay busy-wait on the
 * monotonic clock as the kernel's do; msleep and usleep_range sleep.
 */
#ifndef _VCSHIM_LINUX_DELAY_H
#define _VCSHIM_LINUX_DELAY_H

void vcshim_ndelay(unsigned long nsecs);
void vcshim_nsleep(unsigned long long nsecs);

#define ndelay(n)		vcshim_ndelay(n)
#define udelay(n)		vcshim_ndelay((unsigned long)(n) * 1000UL)
#define mdelay(n)		vcshim_ndelay((unsigned long)(n) * 1000000UL)
#define msleep(n)		vcshim_nsleep((unsigned long long)(n) * 1000000ULL)
#define ssleep(n)		msleep((n) * 1000)
#define usleep_range(min, max)	vcshim_nsleep((unsigned long long)(min) * 1000ULL)
#define fsleep(us)		vcshim_nsleep((unsigned long long)(us) * 1000ULL)

static inline unsigned long msleep_interruptible(unsigned int ms)
{
	msleep(ms);
	return 0;
}

#endif /* _VCSHIM_LINUX_DELAY_H */
