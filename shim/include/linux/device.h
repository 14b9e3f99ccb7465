/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Linux-PCI shim: struct device, dev_*() messages, device-managed
 * resources (devres), attributes and module_driver().
 */
#ifndef _VCSHIM_LINUX_DEVICE_H
#define _VCSHIM_LINUX_DEVICE_H

#include <linux/compiler.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <linux/kobject.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/pm.h>
#include <linux/printk.h>
#include <linux/spinlock.h>
#include <linux/sysfs.h>
#include <linux/types.h>
#include <linux/ioport.h>
#include <linux/atomic.h>

struct module;
struct vcshim_pci;
struct device;
struct device_node;
struct fwnode_handle;

struct device_driver {
	const char *name;
	struct module *owner;
	const struct dev_pm_ops *pm;
	const struct attribute_group **groups;
	const struct attribute_group **dev_groups;
	bool suppress_bind_attrs;
	int (*probe)(struct device *dev);
	int (*remove)(struct device *dev);
	void (*shutdown)(struct device *dev);
};

struct device_type {
	const char *name;
	const struct attribute_group **groups;
};

struct device_dma_parameters {
	unsigned int max_segment_size;
	unsigned int min_align_mask;
	unsigned long segment_boundary_mask;
};

struct device {
	struct kobject kobj;
	struct device *parent;
	char name[32];			/* the PCI address, "0000:00:04.0" */
	const struct device_type *type;
	struct device_driver *driver;
	void *driver_data;
	void *platform_data;
	struct dev_pm_info power;
	u64 *dma_mask;
	u64 coherent_dma_mask;
	u64 bus_dma_limit;
	struct device_dma_parameters *dma_parms;
	struct device_node *of_node;
	struct fwnode_handle *fwnode;
	int numa_node;
	const struct attribute_group **groups;
	struct list_head devres_head;	/* devm_*() resources, newest first */
	struct mutex devres_lock;
	void (*release)(struct device *dev);
	struct vcshim_pci *vcshim;	/* the runtime's state of the device */
};

struct device_attribute {
	struct attribute attr;
	ssize_t (*show)(struct device *dev, struct device_attribute *attr, char *buf);
	ssize_t (*store)(struct device *dev, struct device_attribute *attr,
			 const char *buf, size_t count);
};

#define DEVICE_ATTR(_name, _mode, _show, _store) \
	struct device_attribute dev_attr_##_name = __ATTR(_name, _mode, _show, _store)
#define DEVICE_ATTR_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW(_name)
#define DEVICE_ATTR_ADMIN_RW(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RW_MODE(_name, 0600)
#define DEVICE_ATTR_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO(_name)
#define DEVICE_ATTR_ADMIN_RO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_RO_MODE(_name, 0400)
#define DEVICE_ATTR_WO(_name) \
	struct device_attribute dev_attr_##_name = __ATTR_WO(_name)

int device_create_file(struct device *dev, const struct device_attribute *attr);
void device_remove_file(struct device *dev, const struct device_attribute *attr);
int sysfs_create_group(struct kobject *kobj, const struct attribute_group *grp);
void sysfs_remove_group(struct kobject *kobj, const struct attribute_group *grp);
int devm_device_add_group(struct device *dev, const struct attribute_group *grp);
int devm_device_add_groups(struct device *dev, const struct attribute_group **groups);
/* Calls the show() of the attribute @name of @dev's groups into @buf. */
ssize_t vcshim_attr_show(struct device *dev, const char *name, char *buf);

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline int dev_to_node(struct device *dev)
{
	return dev->numa_node;
}

#define set_dev_node(dev, node)		do { (dev)->numa_node = (node); } while (0)
#define get_device(dev)			(dev)
#define put_device(dev)			do { (void)(dev); } while (0)
#define device_is_registered(dev)	((void)(dev), 1)
#define device_set_wakeup_capable(dev, val)	do { (dev)->power.can_wakeup = !!(val); } while (0)
#define device_set_wakeup_enable(dev, val)	({ (dev)->power.should_wakeup = !!(val); 0; })
#define device_init_wakeup(dev, val) \
	({ (dev)->power.can_wakeup = (dev)->power.should_wakeup = !!(val); 0; })
#define device_can_wakeup(dev)		((dev)->power.can_wakeup)
#define device_may_wakeup(dev)		((dev)->power.can_wakeup && (dev)->power.should_wakeup)
#define device_wakeup_enable(dev)	device_set_wakeup_enable(dev, true)
#define device_wakeup_disable(dev)	device_set_wakeup_enable(dev, false)
#define dev_driver_string(dev)	((dev)->driver && (dev)->driver->name ? (dev)->driver->name : "")

__printf(3, 4) void vcshim_dev_printk(const char *level, const struct device *dev,
				      const char *fmt, ...);

#define dev_printk(level, dev, fmt, ...) vcshim_dev_printk(level, dev, fmt, ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...)	dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_alert(dev, fmt, ...)	dev_printk(KERN_ALERT, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)		dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)		dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)		dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...)	dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)		dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)		dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#define dev_vdbg(dev, fmt, ...)		dev_dbg(dev, fmt, ##__VA_ARGS__)
#define dev_level_once(fn, dev, fmt, ...) \
	({ static bool __once; if (!__once) { __once = true; fn(dev, fmt, ##__VA_ARGS__); } })
#define dev_err_once(dev, fmt, ...)	dev_level_once(dev_err, dev, fmt, ##__VA_ARGS__)
#define dev_warn_once(dev, fmt, ...)	dev_level_once(dev_warn, dev, fmt, ##__VA_ARGS__)
#define dev_info_once(dev, fmt, ...)	dev_level_once(dev_info, dev, fmt, ##__VA_ARGS__)
#define dev_dbg_once(dev, fmt, ...)	dev_level_once(dev_dbg, dev, fmt, ##__VA_ARGS__)
#define dev_err_ratelimited(dev, fmt, ...)	dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn_ratelimited(dev, fmt, ...)	dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_info_ratelimited(dev, fmt, ...)	dev_info(dev, fmt, ##__VA_ARGS__)
#define dev_dbg_ratelimited(dev, fmt, ...)	dev_dbg(dev, fmt, ##__VA_ARGS__)
#define dev_notice_ratelimited(dev, fmt, ...)	dev_notice(dev, fmt, ##__VA_ARGS__)

int dev_err_probe(const struct device *dev, int err, const char *fmt, ...) __printf(3, 4);

/* Device-managed resources, released newest first after remove() or a
 * failed probe(), as the driver core does. */
typedef void (*dr_release_t)(struct device *dev, void *res);
typedef int (*dr_match_t)(struct device *dev, void *res, void *match_data);

void *devres_alloc(dr_release_t release, size_t size, gfp_t gfp);
void devres_free(void *res);
void devres_add(struct device *dev, void *res);
void *devres_find(struct device *dev, dr_release_t release,
		  dr_match_t match, void *match_data);
int devres_destroy(struct device *dev, dr_release_t release,
		   dr_match_t match, void *match_data);
int devres_release(struct device *dev, dr_release_t release,
		   dr_match_t match, void *match_data);
void devres_release_all(struct device *dev);
#define devres_alloc_node(r, s, g, n)	devres_alloc(r, s, g)

__malloc void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
void devm_kfree(struct device *dev, const void *p);
__malloc char *devm_kstrdup(struct device *dev, const char *s, gfp_t gfp);
__printf(3, 4) __malloc char *devm_kasprintf(struct device *dev, gfp_t gfp,
					     const char *fmt, ...);
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);

static inline __malloc void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}

static inline __malloc void *devm_kmalloc_array(struct device *dev, size_t n,
						 size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(__builtin_mul_overflow(n, size, &bytes)))
		return NULL;
	return devm_kmalloc(dev, bytes, flags);
}

static inline __malloc void *devm_kcalloc(struct device *dev, size_t n,
					   size_t size, gfp_t flags)
{
	return devm_kmalloc_array(dev, n, size, flags | __GFP_ZERO);
}

int devm_add_action(struct device *dev, void (*action)(void *), void *data);
void devm_remove_action(struct device *dev, void (*action)(void *), void *data);
void devm_release_action(struct device *dev, void (*action)(void *), void *data);

static inline int devm_add_action_or_reset(struct device *dev,
					   void (*action)(void *), void *data)
{
	int ret = devm_add_action(dev, action, data);

	if (ret)
		action(data);
	return ret;
}

/* As in the kernel: a driver that does nothing but register in init. */
#define module_driver(__driver, __register, __unregister, ...)		\
static int __init __driver##_init(void)					\
{									\
	return __register(&(__driver), ##__VA_ARGS__);			\
}									\
module_init(__driver##_init);						\
static void __exit __driver##_exit(void)				\
{									\
	__unregister(&(__driver), ##__VA_ARGS__);			\
}									\
module_exit(__driver##_exit)

#endif /* _VCSHIM_LINUX_DEVICE_H */
