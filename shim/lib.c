// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: library routines of the kernel: formatting, strings,
 * kstrto*(), notifier chains, list debugging, sysfs attributes.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <linux/device.h>
#include <linux/idr.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/notifier.h>
#include <linux/panic_notifier.h>
#include <linux/reboot.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "shim.h"

/* ---- formatting ---- */

int vcshim_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vcshim_vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int vcshim_sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vcshim_vsnprintf(buf, INT_MAX, fmt, ap);
	va_end(ap);
	return n;
}

int vscnprintf(char *buf, size_t size, const char *fmt, va_list args)
{
	int n = vcshim_vsnprintf(buf, size, fmt, args);

	if (!size)
		return 0;
	return (size_t)n < size ? n : (int)size - 1;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

char *kvasprintf(gfp_t gfp, const char *fmt, va_list args)
{
	va_list again;
	char *p;
	int n;

	va_copy(again, args);
	n = vcshim_vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	p = kmalloc(n + 1, gfp);
	if (p)
		vcshim_vsnprintf(p, n + 1, fmt, args);
	return p;
}

char *kasprintf(gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = kvasprintf(gfp, fmt, ap);
	va_end(ap);
	return p;
}

int sysfs_emit(char *buf, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vscnprintf(buf, PAGE_SIZE, fmt, ap);
	va_end(ap);
	return n;
}

int sysfs_emit_at(char *buf, int at, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (at < 0 || at >= (int)PAGE_SIZE)
		return 0;
	va_start(ap, fmt);
	n = vscnprintf(buf + at, PAGE_SIZE - at, fmt, ap);
	va_end(ap);
	return n;
}

/* ---- strings ---- */

ssize_t strscpy(char *dst, const char *src, size_t count)
{
	size_t len;

	if (!count)
		return -E2BIG;
	len = strnlen(src, count);
	if (len == count) {
		memcpy(dst, src, count - 1);
		dst[count - 1] = 0;
		return -E2BIG;
	}
	memcpy(dst, src, len + 1);
	return len;
}

size_t vcshim_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = len >= size ? size - 1 : len;

		memcpy(dst, src, n);
		dst[n] = 0;
	}
	return len;
}

size_t vcshim_strlcat(char *dst, const char *src, size_t size)
{
	size_t d = strnlen(dst, size);

	if (d == size)
		return d + strlen(src);
	return d + vcshim_strlcpy(dst + d, src, size - d);
}

char *kstrdup(const char *s, gfp_t gfp)
{
	return s ? kmemdup(s, strlen(s) + 1, gfp) : NULL;
}

const char *kstrdup_const(const char *s, gfp_t gfp)
{
	return kstrdup(s, gfp);
}

void kfree_const(const void *x)
{
	kfree(x);
}

char *kstrndup(const char *s, size_t max, gfp_t gfp)
{
	size_t len;
	char *p;

	if (!s)
		return NULL;
	len = strnlen(s, max);
	p = kmalloc(len + 1, gfp);
	if (p) {
		memcpy(p, s, len);
		p[len] = 0;
	}
	return p;
}

void *kmemdup(const void *src, size_t len, gfp_t gfp)
{
	void *p = kmalloc(len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *skip_spaces(const char *str)
{
	while (isspace((unsigned char)*str))
		str++;
	return (char *)str;
}

char *strim(char *s)
{
	size_t size = strlen(s);
	char *end;

	if (!size)
		return s;
	end = s + size - 1;
	while (end >= s && isspace((unsigned char)*end))
		end--;
	end[1] = 0;
	return skip_spaces(s);
}

bool sysfs_streq(const char *s1, const char *s2)
{
	while (*s1 && *s1 == *s2) {
		s1++;
		s2++;
	}
	if (*s1 == *s2)
		return true;
	if (!*s1 && *s2 == '\n' && !s2[1])
		return true;
	if (*s1 == '\n' && !s1[1] && !*s2)
		return true;
	return false;
}

int match_string(const char * const *array, size_t n, const char *string)
{
	size_t i;

	for (i = 0; i < n && array[i]; i++)
		if (!strcmp(array[i], string))
			return i;
	return -EINVAL;
}

void *memchr_inv(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p != (unsigned char)c)
			return (void *)p;
	return NULL;
}

void memzero_explicit(void *s, size_t count)
{
	memset(s, 0, count);
	__asm__ __volatile__("" : : "r"(s) : "memory");
}

/* ---- kstrto*(): the kernel's rules (base prefixes, one trailing newline) ---- */

static const char *fixup_radix(const char *s, unsigned int *base)
{
	if (*base == 0) {
		if (s[0] == '0') {
			if (tolower((unsigned char)s[1]) == 'x' && isxdigit((unsigned char)s[2]))
				*base = 16;
			else
				*base = 8;
		} else {
			*base = 10;
		}
	}
	if (*base == 16 && s[0] == '0' && tolower((unsigned char)s[1]) == 'x')
		s += 2;
	return s;
}

int kstrtoull(const char *s, unsigned int base, unsigned long long *res)
{
	unsigned long long v = 0;
	const char *p;

	if (s[0] == '+')
		s++;
	s = fixup_radix(s, &base);
	for (p = s; *p; p++) {
		unsigned int d;

		if (isdigit((unsigned char)*p))
			d = *p - '0';
		else if (isalpha((unsigned char)*p))
			d = tolower((unsigned char)*p) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		if (v > (ULLONG_MAX - d) / base)
			return -ERANGE;
		v = v * base + d;
	}
	if (p == s)
		return -EINVAL;
	if (*p == '\n')
		p++;
	if (*p)
		return -EINVAL;
	*res = v;
	return 0;
}

int kstrtoll(const char *s, unsigned int base, long long *res)
{
	unsigned long long v;
	int ret;

	if (s[0] == '-') {
		ret = kstrtoull(s + 1, base, &v);
		if (ret)
			return ret;
		if ((long long)-v > 0)
			return -ERANGE;
		*res = -v;
	} else {
		ret = kstrtoull(s, base, &v);
		if (ret)
			return ret;
		if ((long long)v < 0)
			return -ERANGE;
		*res = v;
	}
	return 0;
}

#define VCSHIM_KSTRTOU(name, type, max)					\
int name(const char *s, unsigned int base, type *res)			\
{									\
	unsigned long long v;						\
	int ret = kstrtoull(s, base, &v);				\
									\
	if (ret)							\
		return ret;						\
	if (v > (max))							\
		return -ERANGE;						\
	*res = v;							\
	return 0;							\
}
#define VCSHIM_KSTRTOS(name, type, min, max)				\
int name(const char *s, unsigned int base, type *res)			\
{									\
	long long v;							\
	int ret = kstrtoll(s, base, &v);				\
									\
	if (ret)							\
		return ret;						\
	if (v < (min) || v > (max))					\
		return -ERANGE;						\
	*res = v;							\
	return 0;							\
}
VCSHIM_KSTRTOU(_kstrtoul, unsigned long, ULONG_MAX)
VCSHIM_KSTRTOS(_kstrtol, long, LONG_MIN, LONG_MAX)
VCSHIM_KSTRTOU(kstrtouint, unsigned int, UINT_MAX)
VCSHIM_KSTRTOS(kstrtoint, int, INT_MIN, INT_MAX)
VCSHIM_KSTRTOU(kstrtou16, u16, USHRT_MAX)
VCSHIM_KSTRTOS(kstrtos16, s16, SHRT_MIN, SHRT_MAX)
VCSHIM_KSTRTOU(kstrtou8, u8, UCHAR_MAX)
VCSHIM_KSTRTOS(kstrtos8, s8, SCHAR_MIN, SCHAR_MAX)

int kstrtobool(const char *s, bool *res)
{
	if (!s)
		return -EINVAL;
	switch (s[0]) {
	case 'y': case 'Y': case 't': case 'T': case '1':
		*res = true;
		return 0;
	case 'n': case 'N': case 'f': case 'F': case '0':
		*res = false;
		return 0;
	case 'o': case 'O':
		if (tolower((unsigned char)s[1]) == 'n') {
			*res = true;
			return 0;
		}
		if (tolower((unsigned char)s[1]) == 'f') {
			*res = false;
			return 0;
		}
		break;
	}
	return -EINVAL;
}

unsigned long long simple_strtoull(const char *cp, char **endp, unsigned int base)
{
	return strtoull(cp, endp, base);
}

unsigned long simple_strtoul(const char *cp, char **endp, unsigned int base)
{
	return strtoul(cp, endp, base);
}

long simple_strtol(const char *cp, char **endp, unsigned int base)
{
	return strtol(cp, endp, base);
}

long long simple_strtoll(const char *cp, char **endp, unsigned int base)
{
	return strtoll(cp, endp, base);
}

/* ---- notifier chains (kernel/notifier.c's rules) ---- */

static int chain_register(struct notifier_block **nl, struct notifier_block *n)
{
	while (*nl) {
		if (*nl == n) {
			WARN(1, "notifier callback %p already registered", n->notifier_call);
			return -EEXIST;
		}
		if (n->priority > (*nl)->priority)
			break;
		nl = &(*nl)->next;
	}
	n->next = *nl;
	*nl = n;
	return 0;
}

static int chain_unregister(struct notifier_block **nl, struct notifier_block *n)
{
	while (*nl) {
		if (*nl == n) {
			*nl = n->next;
			return 0;
		}
		nl = &(*nl)->next;
	}
	return -ENOENT;
}

static int call_chain(struct notifier_block **nl, unsigned long val, void *v)
{
	struct notifier_block *nb = *nl, *next;
	int ret = NOTIFY_DONE;

	while (nb) {
		next = nb->next;
		ret = nb->notifier_call(nb, val, v);
		if (ret & NOTIFY_STOP_MASK)
			break;
		nb = next;
	}
	return ret;
}

int atomic_notifier_chain_register(struct atomic_notifier_head *nh,
				   struct notifier_block *nb)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&nh->lock, flags);
	ret = chain_register(&nh->head, nb);
	spin_unlock_irqrestore(&nh->lock, flags);
	return ret;
}

int atomic_notifier_chain_unregister(struct atomic_notifier_head *nh,
				     struct notifier_block *nb)
{
	unsigned long flags;
	int ret;

	spin_lock_irqsave(&nh->lock, flags);
	ret = chain_unregister(&nh->head, nb);
	spin_unlock_irqrestore(&nh->lock, flags);
	synchronize_rcu();
	return ret;
}

int atomic_notifier_call_chain(struct atomic_notifier_head *nh,
			       unsigned long val, void *v)
{
	int ret;

	rcu_read_lock();
	ret = call_chain(&nh->head, val, v);
	rcu_read_unlock();
	return ret;
}

bool atomic_notifier_call_chain_is_empty(struct atomic_notifier_head *nh)
{
	return !nh->head;
}

int blocking_notifier_chain_register(struct blocking_notifier_head *nh,
				     struct notifier_block *nb)
{
	int ret;

	down_write(&nh->rwsem);
	ret = chain_register(&nh->head, nb);
	up_write(&nh->rwsem);
	return ret;
}

int blocking_notifier_chain_unregister(struct blocking_notifier_head *nh,
				       struct notifier_block *nb)
{
	int ret;

	down_write(&nh->rwsem);
	ret = chain_unregister(&nh->head, nb);
	up_write(&nh->rwsem);
	return ret;
}

int blocking_notifier_call_chain(struct blocking_notifier_head *nh,
				 unsigned long val, void *v)
{
	int ret = NOTIFY_DONE;

	if (nh->head) {
		down_read(&nh->rwsem);
		ret = call_chain(&nh->head, val, v);
		up_read(&nh->rwsem);
	}
	return ret;
}

int raw_notifier_chain_register(struct raw_notifier_head *nh,
				struct notifier_block *nb)
{
	return chain_register(&nh->head, nb);
}

int raw_notifier_chain_unregister(struct raw_notifier_head *nh,
				  struct notifier_block *nb)
{
	return chain_unregister(&nh->head, nb);
}

int raw_notifier_call_chain(struct raw_notifier_head *nh, unsigned long val, void *v)
{
	return call_chain(&nh->head, val, v);
}

/* Reboot notifiers: called when the program ends normally, see main.c. */
BLOCKING_NOTIFIER_HEAD(reboot_notifier_list);
static ATOMIC_NOTIFIER_HEAD(restart_handler_list);

int register_reboot_notifier(struct notifier_block *nb)
{
	return blocking_notifier_chain_register(&reboot_notifier_list, nb);
}

int unregister_reboot_notifier(struct notifier_block *nb)
{
	return blocking_notifier_chain_unregister(&reboot_notifier_list, nb);
}

int register_restart_handler(struct notifier_block *nb)
{
	return atomic_notifier_chain_register(&restart_handler_list, nb);
}

int unregister_restart_handler(struct notifier_block *nb)
{
	return atomic_notifier_chain_unregister(&restart_handler_list, nb);
}

static void devm_unregister_reboot(void *nb)
{
	unregister_reboot_notifier(nb);
}

int devm_register_reboot_notifier(struct device *dev, struct notifier_block *nb)
{
	int ret = register_reboot_notifier(nb);

	return ret ? ret : devm_add_action_or_reset(dev, devm_unregister_reboot, nb);
}

/* ---- list debugging (CONFIG_DEBUG_LIST, as Debian builds the kernel) ---- */

bool __list_add_valid(struct list_head *new, struct list_head *prev,
		      struct list_head *next)
{
	if (WARN(next->prev != prev, "list_add corruption. next->prev should be prev (%p), but was %p. (next=%p).\n",
		 prev, next->prev, next) ||
	    WARN(prev->next != next, "list_add corruption. prev->next should be next (%p), but was %p. (prev=%p).\n",
		 next, prev->next, prev) ||
	    WARN(new == prev || new == next, "list_add double add: new=%p, prev=%p, next=%p.\n",
		 new, prev, next))
		return false;
	return true;
}

bool __list_del_entry_valid(struct list_head *entry)
{
	struct list_head *prev = entry->prev, *next = entry->next;

	if (WARN(next == LIST_POISON1, "list_del corruption, %p->next is LIST_POISON1 (%p)\n",
		 entry, LIST_POISON1) ||
	    WARN(prev == LIST_POISON2, "list_del corruption, %p->prev is LIST_POISON2 (%p)\n",
		 entry, LIST_POISON2) ||
	    WARN(prev->next != entry, "list_del corruption. prev->next should be %p, but was %p\n",
		 entry, prev->next) ||
	    WARN(next->prev != entry, "list_del corruption. next->prev should be %p, but was %p\n",
		 entry, next->prev))
		return false;
	return true;
}

/* ---- sysfs attributes: recorded, readable through vcshim_attr_show() ---- */

struct attr_entry {
	struct list_head list;
	struct device *dev;
	const struct attribute_group *group;
	const struct device_attribute *attr;
};

static LIST_HEAD(attrs);
static DEFINE_MUTEX(attrs_lock);

static int add_attr(struct device *dev, const struct attribute_group *grp,
		    const struct device_attribute *attr)
{
	struct attr_entry *e = kzalloc(sizeof(*e), GFP_KERNEL);

	if (!e)
		return -ENOMEM;
	e->dev = dev;
	e->group = grp;
	e->attr = attr;
	mutex_lock(&attrs_lock);
	list_add_tail(&e->list, &attrs);
	mutex_unlock(&attrs_lock);
	return 0;
}

static void remove_attrs(struct device *dev, const struct attribute_group *grp,
			 const struct device_attribute *attr)
{
	struct attr_entry *e, *n;

	mutex_lock(&attrs_lock);
	list_for_each_entry_safe(e, n, &attrs, list) {
		if (e->dev == dev && (grp ? e->group == grp : e->attr == attr)) {
			list_del(&e->list);
			kfree(e);
		}
	}
	mutex_unlock(&attrs_lock);
}

int device_create_file(struct device *dev, const struct device_attribute *attr)
{
	return add_attr(dev, NULL, attr);
}

void device_remove_file(struct device *dev, const struct device_attribute *attr)
{
	remove_attrs(dev, NULL, attr);
}

int vcshim_add_group(struct device *dev, const struct attribute_group *grp)
{
	struct attribute **a;
	int ret = 0;

	for (a = grp->attrs; a && *a && !ret; a++)
		ret = add_attr(dev, grp, container_of(*a, struct device_attribute, attr));
	return ret;
}

void vcshim_remove_group(struct device *dev, const struct attribute_group *grp)
{
	remove_attrs(dev, grp, NULL);
}

int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp)
{
	return vcshim_add_group(container_of(kobj, struct device, kobj), grp);
}

void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp)
{
	vcshim_remove_group(container_of(kobj, struct device, kobj), grp);
}

ssize_t vcshim_attr_show(struct device *dev, const char *name, char *buf)
{
	struct attr_entry *e;
	ssize_t ret = -ENOENT;

	mutex_lock(&attrs_lock);
	list_for_each_entry(e, &attrs, list) {
		if (e->dev == dev && !strcmp(e->attr->attr.name, name)) {
			ret = e->attr->show ? e->attr->show(dev, (struct device_attribute *)e->attr, buf) :
					      -EIO;
			break;
		}
	}
	mutex_unlock(&attrs_lock);
	return ret;
}

/* ---- IDA ---- */

int ida_alloc_range(struct ida *ida, unsigned int min, unsigned int max, gfp_t gfp)
{
	unsigned int id;
	int ret = -ENOSPC;

	if (min > max)
		return -EINVAL;
	spin_lock(&ida->lock);
	for (id = min; id <= max; id++) {
		if (id >= ida->nbits) {
			unsigned int n = max_t(unsigned int, 64, 2 * (id + 1));
			unsigned long *b = krealloc(ida->bits, BITS_TO_LONGS(n) * sizeof(long), gfp);

			if (!b) {
				ret = -ENOMEM;
				break;
			}
			memset(b + BITS_TO_LONGS(ida->nbits), 0,
			       (BITS_TO_LONGS(n) - BITS_TO_LONGS(ida->nbits)) * sizeof(long));
			ida->bits = b;
			ida->nbits = BITS_TO_LONGS(n) * BITS_PER_LONG;
		}
		if (!test_bit(id, ida->bits)) {
			__set_bit(id, ida->bits);
			ret = id;
			break;
		}
	}
	spin_unlock(&ida->lock);
	return ret;
}

void ida_free(struct ida *ida, unsigned int id)
{
	spin_lock(&ida->lock);
	if (id < ida->nbits && test_bit(id, ida->bits))
		__clear_bit(id, ida->bits);
	else
		WARN(1, "ida_free called for id=%u which is not allocated.\n", id);
	spin_unlock(&ida->lock);
}

void ida_destroy(struct ida *ida)
{
	spin_lock(&ida->lock);
	kfree(ida->bits);
	ida->bits = NULL;
	ida->nbits = 0;
	spin_unlock(&ida->lock);
}

/* ---- resource regions (kernel/resource.c's busy regions, one level) ---- */

struct resource ioport_resource = {
	.name = "PCI IO", .start = 0, .end = 0xffff, .flags = IORESOURCE_IO,
};
struct resource iomem_resource = {
	.name = "PCI mem", .start = 0, .end = -1, .flags = IORESOURCE_MEM,
};
static pthread_mutex_t resource_lock = PTHREAD_MUTEX_INITIALIZER;

/* Claims [start, start + n) of @parent; NULL when a claimed one overlaps. */
struct resource *__request_region(struct resource *parent, resource_size_t start,
				  resource_size_t n, const char *name, int flags)
{
	struct resource *res, *r;

	if (!n || start + n - 1 < start || start < parent->start ||
	    start + n - 1 > parent->end)
		return NULL;
	res = calloc(1, sizeof(*res));
	if (!res)
		return NULL;
	res->start = start;
	res->end = start + n - 1;
	res->name = name;
	res->flags = (parent->flags & IORESOURCE_TYPE_BITS) | IORESOURCE_BUSY | flags;
	res->parent = parent;
	pthread_mutex_lock(&resource_lock);
	for (r = parent->child; r; r = r->sibling) {
		if (r->start <= res->end && res->start <= r->end) {
			pthread_mutex_unlock(&resource_lock);
			free(res);
			return NULL;
		}
	}
	res->sibling = parent->child;
	parent->child = res;
	pthread_mutex_unlock(&resource_lock);
	return res;
}

void __release_region(struct resource *parent, resource_size_t start, resource_size_t n)
{
	struct resource **p, *r;

	pthread_mutex_lock(&resource_lock);
	for (p = &parent->child; (r = *p); p = &r->sibling) {
		if (r->start == start && r->end == start + n - 1) {
			*p = r->sibling;
			pthread_mutex_unlock(&resource_lock);
			free(r);
			return;
		}
	}
	pthread_mutex_unlock(&resource_lock);
	pr_warn("Trying to free nonexistent resource <%#010llx-%#010llx>\n",
		(unsigned long long)start, (unsigned long long)(start + n - 1));
}
