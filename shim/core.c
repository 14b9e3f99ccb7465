// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: messages (printk with the kernel's %p extensions), BUG,
 * WARN, panic() and its notifier chain, time and delays.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <linux/delay.h>
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/panic_notifier.h>

#include "shim.h"

bool vcshim_verbose;

/* Level digit of a KERN_* prefix, and the text after it. */
static const char *split_level(const char *fmt, int *level)
{
	*level = '6';
	while (fmt[0] == KERN_SOH[0] && fmt[1]) {
		if (fmt[1] != 'c')
			*level = fmt[1];
		fmt += 2;
	}
	return fmt;
}

/* One %p extension: how many format characters it used after the 'p'. */
static size_t format_pointer(char *out, size_t size, const char *ext,
			     const void *p)
{
	const unsigned char *b = p;

	if (!p && strchr("MmIiaRrhE", ext[0])) {
		snprintf(out, size, "(null)");
		return isalnum((unsigned char)ext[0]) ? 1 : 0;
	}
	switch (ext[0]) {
	case 'M':	/* %pM / %pMR / %pMF: a MAC address */
		if (ext[1] == 'R') {
			snprintf(out, size, "%02x:%02x:%02x:%02x:%02x:%02x",
				 b[5], b[4], b[3], b[2], b[1], b[0]);
			return 2;
		}
		snprintf(out, size, ext[1] == 'F' ? "%02x-%02x-%02x-%02x-%02x-%02x" :
			 "%02x:%02x:%02x:%02x:%02x:%02x", b[0], b[1], b[2], b[3], b[4], b[5]);
		return ext[1] == 'F' ? 2 : 1;
	case 'm':
		snprintf(out, size, "%02x%02x%02x%02x%02x%02x",
			 b[0], b[1], b[2], b[3], b[4], b[5]);
		return 1;
	case 'I':
	case 'i':	/* %pI4 / %pi4: an IPv4 address */
		if (ext[1] == '4') {
			snprintf(out, size, ext[0] == 'I' ? "%u.%u.%u.%u" :
				 "%03u.%03u.%03u.%03u", b[0], b[1], b[2], b[3]);
			return 2;
		}
		if (ext[1] == '6') {
			snprintf(out, size, "%x:%x:%x:%x:%x:%x:%x:%x",
				 b[0] << 8 | b[1], b[2] << 8 | b[3], b[4] << 8 | b[5],
				 b[6] << 8 | b[7], b[8] << 8 | b[9], b[10] << 8 | b[11],
				 b[12] << 8 | b[13], b[14] << 8 | b[15]);
			return 2;
		}
		break;
	case 'a':	/* %pa, %pad: phys_addr_t / dma_addr_t by reference */
		snprintf(out, size, "0x%016llx", *(const unsigned long long *)p);
		return ext[1] == 'd' || ext[1] == 'p' ? 2 : 1;
	case 'R':
	case 'r': {	/* %pR: a struct resource */
		const struct resource *r = p;

		snprintf(out, size, "[%s %#llx-%#llx]",
			 r->flags & IORESOURCE_IO ? "io" : "mem",
			 (unsigned long long)r->start, (unsigned long long)r->end);
		return 1;
	}
	case 'h': {	/* %*ph is handled by the caller: plain hex here */
		snprintf(out, size, "%02x", b[0]);
		return 1 + (ext[1] == 'C' || ext[1] == 'D' || ext[1] == 'N');
	}
	case 'e':	/* %pe: an error pointer */
		snprintf(out, size, "%ld", (long)p);
		return 1;
	case 'S':
	case 's':
	case 'B':
	case 'F':
	case 'f':
		snprintf(out, size, "%p", p);
		return 1 + (ext[1] == 'R' || ext[1] == 'b');
	case 'x':
	case 'K':
		snprintf(out, size, "%p", p);
		return 1;
	}
	snprintf(out, size, "%p", p);
	return 0;
}

/*
 * vsnprintf() with the kernel's %p extensions: each conversion is handed
 * to libc one at a time, so the argument list stays in step.
 */
int vcshim_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	size_t n = 0;
	char spec[32], piece[256];

	if (!size)
		buf = NULL;
	while (*fmt) {
		const char *start = fmt;
		size_t len, plen;
		int w;

		if (*fmt != '%') {
			const char *next = strchr(fmt, '%');

			len = next ? (size_t)(next - fmt) : strlen(fmt);
			fmt += len;
			memcpy(piece, start, min(len, sizeof(piece) - 1));
			plen = len;
			if (len >= sizeof(piece)) {
				/* a long literal run: copy straight */
				if (buf && n < size)
					memcpy(buf + n, start, min(len, size - 1 - n));
				n += len;
				continue;
			}
			piece[len] = 0;
			goto emit;
		}
		if (fmt[1] == '%') {
			strcpy(piece, "%");
			plen = 1;
			fmt += 2;
			goto emit;
		}
		/* flags, width, precision, length, conversion */
		len = 1 + strspn(fmt + 1, "-+ #0123456789.*hlLqjzt");
		if (!fmt[len] || len + 2 > sizeof(spec))
			break;
		memcpy(spec, fmt, len + 1);
		spec[len + 1] = 0;
		fmt += len + 1;
		if (spec[len] == 'p') {
			const void *p;

			if (strchr(spec, '*')) {
				w = va_arg(ap, int);
				p = va_arg(ap, const void *);
				if (*fmt == 'h') {	/* %*ph: a hex dump of w bytes */
					const unsigned char *b = p;
					char sep = fmt[1] == 'C' ? ':' : fmt[1] == 'D' ? '-' :
						   fmt[1] == 'N' ? 0 : ' ';
					int i;

					fmt += 1 + (sep != ' ');
					plen = 0;
					for (i = 0; i < w && plen + 4 < sizeof(piece); i++)
						plen += snprintf(piece + plen, sizeof(piece) - plen,
								 i && sep ? "%c%02x" : "%02x",
								 i && sep ? sep : b[i], b[i]);
					goto emit;
				}
			} else {
				p = va_arg(ap, const void *);
			}
			fmt += format_pointer(piece, sizeof(piece), fmt, p);
			plen = strlen(piece);
			goto emit;
		}
		{
			va_list one;
			const char *l = spec + len;

			va_copy(one, ap);
			plen = vsnprintf(piece, sizeof(piece), spec, one);
			va_end(one);
			/* consume the arguments the conversion used */
			for (w = 0; spec[w]; w++)
				if (spec[w] == '*')
					(void)va_arg(ap, int);
			if (strchr("diouxXc", *l)) {
				if (l[-1] == 'l' || l[-1] == 'z' || l[-1] == 't' || l[-1] == 'j' ||
				    l[-1] == 'q' || l[-1] == 'L')
					(void)va_arg(ap, long long);
				else
					(void)va_arg(ap, int);
			} else if (strchr("eEfFgGaA", *l)) {
				if (l[-1] == 'L')
					(void)va_arg(ap, long double);
				else
					(void)va_arg(ap, double);
			} else if (*l == 's' || *l == 'n') {
				(void)va_arg(ap, void *);
			}
			if (plen >= sizeof(piece))
				plen = sizeof(piece) - 1;
		}
emit:
		if (buf && n < size)
			memcpy(buf + n, piece, min(plen, size - 1 - n));
		n += plen;
	}
	if (buf)
		buf[min(n, size - 1)] = 0;
	return n;
}

/* One message, written whole so that lines of two threads do not mix. */
static void vlog(int level, const char *prefix, const char *fmt, va_list ap)
{
	FILE *out = (level >= '0' && level <= '4') ? stderr : stdout;
	char line[1024];
	int n;

	if (level == '7' && !vcshim_verbose)
		return;
	n = snprintf(line, sizeof(line), "%s", prefix ? prefix : "");
	vcshim_vsnprintf(line + n, sizeof(line) - n, fmt, ap);
	fputs(line, out);
	fflush(out);
}

void vcshim_log(const char *level, const char *fmt, ...)
{
	va_list ap;
	int lvl;

	split_level(level, &lvl);
	va_start(ap, fmt);
	vlog(lvl, NULL, fmt, ap);
	va_end(ap);
}

int vprintk(const char *fmt, va_list ap)
{
	int lvl;

	fmt = split_level(fmt, &lvl);
	vlog(lvl, NULL, fmt, ap);
	return 0;
}

int vcshim_printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
	return 0;
}

void vcshim_dev_printk(const char *level, const struct device *dev,
		       const char *fmt, ...)
{
	char prefix[96];
	va_list ap;
	int lvl;

	split_level(level, &lvl);
	snprintf(prefix, sizeof(prefix), "%s %s: ",
		 dev->driver && dev->driver->name ? dev->driver->name : "pci",
		 dev->name);
	va_start(ap, fmt);
	vlog(lvl, prefix, fmt, ap);
	va_end(ap);
}

int dev_err_probe(const struct device *dev, int err, const char *fmt, ...)
{
	char prefix[112];
	va_list ap;

	if (err == -EPROBE_DEFER)
		return err;
	snprintf(prefix, sizeof(prefix), "%s %s: error %d: ",
		 dev->driver && dev->driver->name ? dev->driver->name : "pci",
		 dev->name, err);
	va_start(ap, fmt);
	vlog('3', prefix, fmt, ap);
	va_end(ap);
	return err;
}

void dump_stack(void)
{
	fprintf(stderr, "(no stack trace in a userspace driver)\n");
}

void print_hex_dump(const char *level, const char *prefix_str, int prefix_type,
		    int rowsize, int groupsize, const void *buf, size_t len,
		    bool ascii)
{
	const unsigned char *b = buf;
	size_t i, j;
	char line[512];
	int n;

	(void)groupsize;
	if (rowsize != 16 && rowsize != 32)
		rowsize = 16;
	for (i = 0; i < len; i += rowsize) {
		n = snprintf(line, sizeof(line), "%s", prefix_str);
		if (prefix_type == DUMP_PREFIX_OFFSET)
			n += snprintf(line + n, sizeof(line) - n, "%08zx: ", i);
		else if (prefix_type == DUMP_PREFIX_ADDRESS)
			n += snprintf(line + n, sizeof(line) - n, "%p: ", b + i);
		for (j = i; j < i + rowsize && j < len; j++)
			n += snprintf(line + n, sizeof(line) - n, "%02x ", b[j]);
		if (ascii)
			for (j = i; j < i + rowsize && j < len; j++)
				n += snprintf(line + n, sizeof(line) - n, "%c",
					      isprint(b[j]) ? b[j] : '.');
		vcshim_log(level, "%s\n", line);
	}
}

/* ---- BUG, WARN, panic ---- */

ATOMIC_NOTIFIER_HEAD(panic_notifier_list);
bool crash_kexec_post_notifiers;
int panic_timeout;
static int panicking;

void panic(const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vcshim_vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "Kernel panic - not syncing: %s\n", msg);
	/* One panic: a notifier that panics again goes straight to abort. */
	if (!__atomic_fetch_add(&panicking, 1, __ATOMIC_SEQ_CST))
		atomic_notifier_call_chain(&panic_notifier_list, 0, msg);
	fprintf(stderr, "---[ end Kernel panic - not syncing: %s ]---\n", msg);
	signal(SIGABRT, SIG_DFL);
	abort();
}

void vcshim_bug(const char *file, int line)
{
	fprintf(stderr, "kernel BUG at %s:%d!\n", file, line);
	panic("BUG at %s:%d", file, line);
}

void vcshim_warn(const char *file, int line)
{
	fprintf(stderr, "WARNING: at %s:%d\n", file, line);
}

/* A fatal signal in the program is the kernel's oops in a driver: panic. */
static void fatal_signal(int sig)
{
	char msg[64];

	snprintf(msg, sizeof(msg), "Fatal exception (signal %d, %s)", sig,
		 strsignal(sig));
	panic("%s", msg);
}

void vcshim_catch_fatal_signals(void)
{
	static const int sigs[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT };
	struct sigaction sa = { .sa_handler = fatal_signal, .sa_flags = SA_RESETHAND };
	unsigned int i;

	sigemptyset(&sa.sa_mask);
	for (i = 0; i < ARRAY_SIZE(sigs); i++)
		sigaction(sigs[i], &sa, NULL);
}

/* ---- time ---- */

static u64 clock_ns(clockid_t clk)
{
	struct timespec ts;

	clock_gettime(clk, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

u64 ktime_get_ns(void)
{
	return clock_ns(CLOCK_MONOTONIC);
}

u64 ktime_get_real_ns(void)
{
	return clock_ns(CLOCK_REALTIME);
}

u64 ktime_get_boottime_ns(void)
{
	return clock_ns(CLOCK_BOOTTIME);
}

unsigned long vcshim_jiffies(void)
{
	return ktime_get_ns() / 1000000;
}

void vcshim_ndelay(unsigned long nsecs)
{
	u64 end = ktime_get_ns() + nsecs;

	while (ktime_get_ns() < end)
		__builtin_ia32_pause();
}

void vcshim_nsleep(unsigned long long nsecs)
{
	struct timespec ts = {
		.tv_sec = nsecs / 1000000000ULL,
		.tv_nsec = nsecs % 1000000000ULL,
	};

	while (clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, &ts) == EINTR)
		;
}

long schedule_timeout(long timeout)
{
	if (timeout > 0 && timeout != MAX_SCHEDULE_TIMEOUT)
		vcshim_nsleep((unsigned long long)timeout * 1000000ULL);
	return 0;
}

void schedule(void)
{
	sched_yield();
}

void yield(void)
{
	sched_yield();
}
