// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libvconfig errors: the calling thread's last error message, and the
 * helpers the rest of the library records its failures with.
 */
#include <stdarg.h>
#include <stdio.h>

#include "vcdev.h"

static __thread char last_error[512];

const char *vcdev_last_error(void)
{
	return last_error;
}

const char *vcdev_strerror(int err)
{
	return strerror(err < 0 ? -err : err);
}

/* Record "context: text of err" for the calling thread and return @err. */
int vcd_fail(int err, const char *fmt, ...)
{
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	n = strlen(last_error);
	if (n < sizeof(last_error) - 1)
		snprintf(last_error + n, sizeof(last_error) - n, ": %s",
			 vcdev_strerror(err));
	return err;
}

/* Like vcd_fail() without the errno text, for messages that say it all. */
int vcd_fail_msg(int err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_error, sizeof(last_error), fmt, ap);
	va_end(ap);
	return err;
}

int vcd_neg_errno(void)
{
	return errno ? -errno : -EIO;
}
