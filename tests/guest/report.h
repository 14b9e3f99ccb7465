/* SPDX-License-Identifier: GPL-2.0 */
/*
 * report.h: the PASS/FAIL/SKIP lines of the guest test programs.
 *
 * A line reads "WORD PREFIX:CHECK" or "WORD PREFIX:CHECK: DETAIL", where
 * PREFIX names the program's subject ("vfio-pci:edu", "diff:nvme", ...) and
 * is set once with report_prefix(). scripts/guest/init and run.sh judge
 * the console, which is the only transport out of the guest: every line is
 * flushed as soon as it is printed so that a guest that hangs or panics
 * still shows the checks it got through.
 *
 * Header-only: each program is one static compilation unit.
 */
#ifndef REPORT_H
#define REPORT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

static int passed, failed, skipped;
static char report_prefix_buf[128];

static inline void __attribute__((format(printf, 1, 2)))
report_prefix(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(report_prefix_buf, sizeof(report_prefix_buf), fmt, ap);
	va_end(ap);
}

static inline void report_end(const char *word)
{
	putchar('\n');
	fflush(stdout);
	if (!strcmp(word, "PASS"))
		passed++;
	else if (!strcmp(word, "FAIL"))
		failed++;
	else if (!strcmp(word, "SKIP"))
		skipped++;
}

/* "WORD PREFIX:CHECK", then ": DETAIL" when @fmt is not NULL. */
static inline void __attribute__((format(printf, 3, 0)))
report_vcheck(const char *word, const char *check, const char *fmt, va_list ap)
{
	printf("%s %s%s%s", word, report_prefix_buf,
	       report_prefix_buf[0] ? ":" : "", check);
	if (fmt) {
		fputs(": ", stdout);
		vprintf(fmt, ap);
	}
	report_end(word);
}

/* "WORD " and the whole rest of the line from @fmt, without the prefix. */
static inline void __attribute__((format(printf, 2, 0)))
report_vline(const char *word, const char *fmt, va_list ap)
{
	printf("%s ", word);
	vprintf(fmt, ap);
	report_end(word);
}

static inline void pass(const char *check)
{
	printf("PASS %s%s%s", report_prefix_buf,
	       report_prefix_buf[0] ? ":" : "", check);
	report_end("PASS");
}

static inline void __attribute__((format(printf, 2, 3)))
fail(const char *check, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_vcheck("FAIL", check, fmt, ap);
	va_end(ap);
}

static inline void __attribute__((format(printf, 2, 3)))
skip(const char *check, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_vcheck("SKIP", check, fmt, ap);
	va_end(ap);
}

/* PASS or FAIL after @ok; the detail, when given, is printed either way. */
static inline void __attribute__((format(printf, 3, 4)))
pass_if(bool ok, const char *check, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_vcheck(ok ? "PASS" : "FAIL", check, fmt, ap);
	va_end(ap);
}

/* PASS when @reason is empty, else FAIL with it. Returns true on PASS. */
static inline bool verdict(const char *check, const char *reason)
{
	if (reason[0]) {
		fail(check, "%s", reason);
		return false;
	}
	pass(check);
	return true;
}

/* PASS when @fmt is NULL, else FAIL with the reason it formats. */
static inline bool __attribute__((format(printf, 2, 3)))
report(const char *check, const char *fmt, ...)
{
	va_list ap;

	if (!fmt) {
		pass(check);
		return true;
	}
	va_start(ap, fmt);
	report_vcheck("FAIL", check, fmt, ap);
	va_end(ap);
	return false;
}

/* Whole-line forms for checks whose name is itself formatted. */
static inline void __attribute__((format(printf, 1, 2)))
pass_line(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_vline("PASS", fmt, ap);
	va_end(ap);
}

static inline void __attribute__((format(printf, 1, 2)))
fail_line(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report_vline("FAIL", fmt, ap);
	va_end(ap);
}

#endif /* REPORT_H */
