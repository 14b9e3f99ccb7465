/* SPDX-License-Identifier: GPL-2.0 */
/* Linux-PCI shim: <linux/string.h>; libc provides the C library's part. */
#ifndef _VCSHIM_LINUX_STRING_H
#define _VCSHIM_LINUX_STRING_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/err.h>

#ifndef VCSHIM_RUNTIME
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
void *memchr(const void *s, int c, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t n);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
int strcasecmp(const char *a, const char *b);
int strncasecmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strcat(char *dst, const char *src);
char *strncat(char *dst, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *h, const char *n);
char *strsep(char **s, const char *delim);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strpbrk(const char *s, const char *accept);
#else
#include <string.h>
#endif

ssize_t strscpy(char *dst, const char *src, size_t count);
size_t vcshim_strlcpy(char *dst, const char *src, size_t size);
size_t vcshim_strlcat(char *dst, const char *src, size_t size);
#define strlcpy(d, s, n)	vcshim_strlcpy(d, s, n)
#define strlcat(d, s, n)	vcshim_strlcat(d, s, n)
char *kstrdup(const char *s, gfp_t gfp);
const char *kstrdup_const(const char *s, gfp_t gfp);
char *kstrndup(const char *s, size_t max, gfp_t gfp);
void *kmemdup(const void *src, size_t len, gfp_t gfp);
void kfree_const(const void *x);
char *skip_spaces(const char *str);
char *strim(char *s);
bool sysfs_streq(const char *s1, const char *s2);
int match_string(const char * const *array, size_t n, const char *string);
void *memchr_inv(const void *s, int c, size_t n);
void memzero_explicit(void *s, size_t count);

#define strtomem_pad(dest, src, pad)	memcpy_and_pad(dest, sizeof(dest), src, strnlen(src, sizeof(dest)), pad)
static inline void memcpy_and_pad(void *dest, size_t dest_len, const void *src,
				  size_t count, int pad)
{
	if (dest_len > count) {
		memcpy(dest, src, count);
		memset((char *)dest + count, pad, dest_len - count);
	} else {
		memcpy(dest, src, dest_len);
	}
}

static inline size_t str_has_prefix(const char *str, const char *prefix)
{
	size_t len = strlen(prefix);

	return strncmp(str, prefix, len) == 0 ? len : 0;
}

#endif /* _VCSHIM_LINUX_STRING_H */
