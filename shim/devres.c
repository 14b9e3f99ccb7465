// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: device-managed resources. As in drivers/base/devres.c,
 * each resource is a release function and data on the device's list;
 * devres_release_all() releases them newest first, and the runtime calls
 * it after remove() and after a failed probe().
 */
#include <stdlib.h>
#include <string.h>

#include <linux/device.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/kernel.h>
#include <linux/slab.h>

#include "shim.h"

struct devres {
	struct list_head node;
	dr_release_t release;
	size_t size;
	unsigned long long data[];	/* aligned for any type */
};

static struct devres *to_devres(void *res)
{
	return container_of(res, struct devres, data);
}

static void devres_list_init(struct device *dev)
{
	if (!dev->devres_head.next)
		INIT_LIST_HEAD(&dev->devres_head);
}

void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp)
{
	struct devres *dr = kmalloc(sizeof(*dr) + size, gfp | __GFP_ZERO);

	if (!dr)
		return NULL;
	INIT_LIST_HEAD(&dr->node);
	dr->release = release;
	dr->size = size;
	return dr->data;
}

void devres_free(void *res)
{
	if (res)
		kfree(to_devres(res));
}

void devres_add(struct device *dev, void *res)
{
	mutex_lock(&dev->devres_lock);
	devres_list_init(dev);
	list_add(&to_devres(res)->node, &dev->devres_head);
	mutex_unlock(&dev->devres_lock);
}

static struct devres *find_dr(struct device *dev, dr_release_t release,
			      dr_match_t match, void *match_data)
{
	struct devres *dr;

	devres_list_init(dev);
	list_for_each_entry(dr, &dev->devres_head, node) {
		if (dr->release != release)
			continue;
		if (match && !match(dev, dr->data, match_data))
			continue;
		return dr;
	}
	return NULL;
}

void *devres_find(struct device *dev, dr_release_t release,
		  dr_match_t match, void *match_data)
{
	struct devres *dr;

	mutex_lock(&dev->devres_lock);
	dr = find_dr(dev, release, match, match_data);
	mutex_unlock(&dev->devres_lock);
	return dr ? dr->data : NULL;
}

static struct devres *remove_dr(struct device *dev, dr_release_t release,
				dr_match_t match, void *match_data)
{
	struct devres *dr;

	mutex_lock(&dev->devres_lock);
	dr = find_dr(dev, release, match, match_data);
	if (dr)
		list_del_init(&dr->node);
	mutex_unlock(&dev->devres_lock);
	return dr;
}

int devres_destroy(struct device *dev, dr_release_t release,
		   dr_match_t match, void *match_data)
{
	struct devres *dr = remove_dr(dev, release, match, match_data);

	if (!dr)
		return -ENOENT;
	kfree(dr);
	return 0;
}

int devres_release(struct device *dev, dr_release_t release,
		   dr_match_t match, void *match_data)
{
	struct devres *dr = remove_dr(dev, release, match, match_data);

	if (!dr)
		return -ENOENT;
	dr->release(dev, dr->data);
	kfree(dr);
	return 0;
}

void devres_release_all(struct device *dev)
{
	struct devres *dr;

	for (;;) {
		mutex_lock(&dev->devres_lock);
		devres_list_init(dev);
		dr = list_first_entry_or_null(&dev->devres_head, struct devres, node);
		if (dr)
			list_del_init(&dr->node);
		mutex_unlock(&dev->devres_lock);
		if (!dr)
			break;
		dr->release(dev, dr->data);
		kfree(dr);
	}
}

/* ---- memory ---- */

static void devm_kmalloc_release(struct device *dev, void *res)
{
	(void)dev, (void)res;
}

static int devm_kmalloc_match(struct device *dev, void *res, void *data)
{
	(void)dev;
	return res == data;
}

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp)
{
	void *p;

	if (!size)
		return ZERO_SIZE_PTR;
	p = devres_alloc(devm_kmalloc_release, size, gfp);
	if (!p)
		return NULL;
	devres_add(dev, p);
	return p;
}

void devm_kfree(struct device *dev, const void *p)
{
	if (ZERO_OR_NULL_PTR(p))
		return;
	WARN_ON(devres_destroy(dev, devm_kmalloc_release, devm_kmalloc_match,
			       (void *)p));
}

char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp)
{
	char *p;

	if (!s)
		return NULL;
	p = devm_kmalloc(dev, strlen(s) + 1, gfp);
	if (p)
		strcpy(p, s);
	return p;
}

void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp)
{
	void *p = devm_kmalloc(dev, len, gfp);

	if (p)
		memcpy(p, src, len);
	return p;
}

char *devm_kasprintf(struct device *dev, gfp_t gfp, const char *fmt, ...)
{
	va_list ap;
	char *tmp, *p;

	va_start(ap, fmt);
	tmp = kvasprintf(gfp, fmt, ap);
	va_end(ap);
	if (!tmp)
		return NULL;
	p = devm_kstrdup(dev, tmp, gfp);
	kfree(tmp);
	return p;
}

/* ---- actions ---- */

struct action_devres {
	void *data;
	void (*action)(void *data);
};

static void devm_action_release(struct device *dev, void *res)
{
	struct action_devres *devres = res;

	(void)dev;
	devres->action(devres->data);
}

static int devm_action_match(struct device *dev, void *res, void *p)
{
	struct action_devres *devres = res, *target = p;

	(void)dev;
	return devres->action == target->action && devres->data == target->data;
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres *devres;

	devres = devres_alloc(devm_action_release, sizeof(*devres), GFP_KERNEL);
	if (!devres)
		return -ENOMEM;
	devres->data = data;
	devres->action = action;
	devres_add(dev, devres);
	return 0;
}

void devm_remove_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres devres = { .data = data, .action = action };

	WARN_ON(devres_destroy(dev, devm_action_release, devm_action_match, &devres));
}

void devm_release_action(struct device *dev, void (*action)(void *), void *data)
{
	struct action_devres devres = { .data = data, .action = action };

	WARN_ON(devres_release(dev, devm_action_release, devm_action_match, &devres));
}

/* ---- groups, mappings, IRQs ---- */

static void devm_group_release(struct device *dev, void *res)
{
	vcshim_remove_group(dev, *(const struct attribute_group **)res);
}

int devm_device_add_group(struct device *dev, const struct attribute_group *grp)
{
	const struct attribute_group **devres;
	int ret;

	devres = devres_alloc(devm_group_release, sizeof(*devres), GFP_KERNEL);
	if (!devres)
		return -ENOMEM;
	ret = vcshim_add_group(dev, grp);
	if (ret) {
		devres_free(devres);
		return ret;
	}
	*devres = grp;
	devres_add(dev, devres);
	return 0;
}

int devm_device_add_groups(struct device *dev, const struct attribute_group **groups)
{
	int ret = 0;

	for (; groups && *groups && !ret; groups++)
		ret = devm_device_add_group(dev, *groups);
	return ret;
}

static void devm_ioremap_release(struct device *dev, void *res)
{
	(void)dev;
	iounmap(*(void __iomem **)res);
}

static int devm_ioremap_match(struct device *dev, void *res, void *match_data)
{
	(void)dev;
	return *(void **)res == match_data;
}

void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
			   resource_size_t size)
{
	void __iomem **ptr, *addr;

	ptr = devres_alloc(devm_ioremap_release, sizeof(*ptr), GFP_KERNEL);
	if (!ptr)
		return NULL;
	addr = ioremap(offset, size);
	if (!addr) {
		devres_free(ptr);
		return NULL;
	}
	*ptr = addr;
	devres_add(dev, ptr);
	return addr;
}

void __iomem *devm_ioremap_resource(struct device *dev, const struct resource *res)
{
	void __iomem *addr;

	if (!res || !(res->flags & IORESOURCE_MEM)) {
		dev_err(dev, "invalid resource\n");
		return IOMEM_ERR_PTR(-EINVAL);
	}
	addr = devm_ioremap(dev, res->start, resource_size(res));
	return addr ? addr : IOMEM_ERR_PTR(-ENOMEM);
}

void devm_iounmap(struct device *dev, void __iomem *addr)
{
	WARN_ON(devres_destroy(dev, devm_ioremap_release, devm_ioremap_match,
			       (void __force *)addr));
	iounmap(addr);
}

struct irq_devres {
	unsigned int irq;
	void *dev_id;
};

static void devm_irq_release(struct device *dev, void *res)
{
	struct irq_devres *this = res;

	(void)dev;
	free_irq(this->irq, this->dev_id);
}

static int devm_irq_match(struct device *dev, void *res, void *data)
{
	struct irq_devres *this = res, *match = data;

	(void)dev;
	return this->irq == match->irq && this->dev_id == match->dev_id;
}

int devm_request_threaded_irq(struct device *dev, unsigned int irq,
			      irq_handler_t handler, irq_handler_t thread_fn,
			      unsigned long irqflags, const char *devname,
			      void *dev_id)
{
	struct irq_devres *dr;
	int rc;

	dr = devres_alloc(devm_irq_release, sizeof(*dr), GFP_KERNEL);
	if (!dr)
		return -ENOMEM;
	if (!devname)
		devname = dev_name(dev);
	rc = request_threaded_irq(irq, handler, thread_fn, irqflags, devname, dev_id);
	if (rc) {
		devres_free(dr);
		return rc;
	}
	dr->irq = irq;
	dr->dev_id = dev_id;
	devres_add(dev, dr);
	return 0;
}

void devm_free_irq(struct device *dev, unsigned int irq, void *dev_id)
{
	struct irq_devres match_data = { irq, dev_id };

	WARN_ON(devres_destroy(dev, devm_irq_release, devm_irq_match, &match_data));
	free_irq(irq, dev_id);
}
