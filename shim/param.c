// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: the standard module parameter types, with the parsing
 * rules of kernel/params.c (kstrto*() bases, a bare boolean name means
 * true, comma-separated arrays, string length limits).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <linux/kernel.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "shim.h"

#define STANDARD_PARAM_DEF(name, type, format, strtolfn)		\
int param_set_##name(const char *val, const struct kernel_param *kp)	\
{									\
	if (!val)							\
		return -EINVAL;						\
	return strtolfn(val, 0, (type *)kp->arg);			\
}									\
int param_get_##name(char *buffer, const struct kernel_param *kp)	\
{									\
	return scnprintf(buffer, PAGE_SIZE, format "\n", *((type *)kp->arg)); \
}									\
const struct kernel_param_ops param_ops_##name = {			\
	.set = param_set_##name,					\
	.get = param_get_##name,					\
};

STANDARD_PARAM_DEF(byte, unsigned char, "%hhu", kstrtou8)
STANDARD_PARAM_DEF(short, short, "%hi", kstrtos16)
STANDARD_PARAM_DEF(ushort, unsigned short, "%hu", kstrtou16)
STANDARD_PARAM_DEF(int, int, "%i", kstrtoint)
STANDARD_PARAM_DEF(uint, unsigned int, "%u", kstrtouint)
STANDARD_PARAM_DEF(long, long, "%li", kstrtol)
STANDARD_PARAM_DEF(ulong, unsigned long, "%lu", kstrtoul)
STANDARD_PARAM_DEF(ullong, unsigned long long, "%llu", kstrtoull)
STANDARD_PARAM_DEF(hexint, unsigned int, "%#08x", kstrtouint)

int param_set_charp(const char *val, const struct kernel_param *kp)
{
	char *copy;

	if (!val)
		return -EINVAL;
	if (strlen(val) > 1024)
		return -ENOSPC;
	copy = kstrdup(val, GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	*(char **)kp->arg = copy;
	return 0;
}

int param_get_charp(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n",
			 *(char **)kp->arg ? *(char **)kp->arg : "(null)");
}

const struct kernel_param_ops param_ops_charp = {
	.set = param_set_charp,
	.get = param_get_charp,
};

int param_set_bool(const char *val, const struct kernel_param *kp)
{
	/* No equals means "set"... */
	if (!val)
		val = "1";
	return kstrtobool(val, kp->arg);
}

int param_get_bool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'Y' : 'N');
}

const struct kernel_param_ops param_ops_bool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool,
	.get = param_get_bool,
};

static int param_set_bool_enable_only(const char *val, const struct kernel_param *kp)
{
	bool v;
	int ret;
	struct kernel_param dummy = { .arg = &v };

	ret = param_set_bool(val, &dummy);
	if (ret)
		return ret;
	if (!v && *(bool *)kp->arg)
		return -EROFS;
	*(bool *)kp->arg = v;
	return 0;
}

const struct kernel_param_ops param_ops_bool_enable_only = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_bool_enable_only,
	.get = param_get_bool,
};

int param_set_invbool(const char *val, const struct kernel_param *kp)
{
	bool boolval;
	struct kernel_param dummy = { .arg = &boolval };
	int ret = param_set_bool(val, &dummy);

	if (!ret)
		*(bool *)kp->arg = !boolval;
	return ret;
}

int param_get_invbool(char *buffer, const struct kernel_param *kp)
{
	return sprintf(buffer, "%c\n", *(bool *)kp->arg ? 'N' : 'Y');
}

const struct kernel_param_ops param_ops_invbool = {
	.flags = KERNEL_PARAM_OPS_FL_NOARG,
	.set = param_set_invbool,
	.get = param_get_invbool,
};

int param_set_string(const char *val, const struct kernel_param *kp)
{
	const struct kparam_string *kps = kp->str;

	if (!val || strlen(val) + 1 > kps->maxlen) {
		pr_err("%s: string doesn't fit in %u chars.\n", kp->name, kps->maxlen - 1);
		return -ENOSPC;
	}
	strcpy(kps->string, val);
	return 0;
}

int param_get_string(char *buffer, const struct kernel_param *kp)
{
	return scnprintf(buffer, PAGE_SIZE, "%s\n", kp->str->string);
}

const struct kernel_param_ops param_ops_string = {
	.set = param_set_string,
	.get = param_get_string,
};

/* Arrays: comma-separated elements, each set by the element type's ops. */
static int param_array_set(const char *val, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = *kp;
	unsigned int n = 0;
	char buf[1024], *p, *tok;
	int ret;

	if (!val || strlen(val) >= sizeof(buf))
		return -EINVAL;
	strcpy(buf, val);
	for (p = buf; (tok = strsep(&p, ","));) {
		if (n == arr->max) {
			pr_err("%s: can only take %u arguments\n", kp->name, arr->max);
			return -EINVAL;
		}
		elem.arg = (char *)arr->elem + (size_t)arr->elemsize * n;
		ret = arr->ops->set(tok, &elem);
		if (ret)
			return ret;
		n++;
	}
	if (arr->num)
		*arr->num = n;
	return 0;
}

static int param_array_get(char *buffer, const struct kernel_param *kp)
{
	const struct kparam_array *arr = kp->arr;
	struct kernel_param elem = *kp;
	unsigned int i, n = arr->num ? *arr->num : arr->max;
	int off = 0, ret;

	for (i = 0; i < n; i++) {
		if (i)
			buffer[off - 1] = ',';
		elem.arg = (char *)arr->elem + (size_t)arr->elemsize * i;
		ret = arr->ops->get(buffer + off, &elem);
		if (ret < 0)
			return ret;
		off += ret;
	}
	buffer[off] = 0;
	return off;
}

const struct kernel_param_ops param_array_ops = {
	.set = param_array_set,
	.get = param_array_get,
};
