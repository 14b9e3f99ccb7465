/* SPDX-License-Identifier: GPL-2.0 */
/* Userspace PCI shim: struct device, dev_*() messages, module_driver(). */
#ifndef VCONFIG_SHIM_LINUX_DEVICE_H
#define VCONFIG_SHIM_LINUX_DEVICE_H

#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/types.h>

struct module;
struct vcshim_pci;

struct device_driver {
	const char *name;
	struct module *owner;
	const void *pm;
};

struct device {
	char name[32];			/* the PCI address, "0000:00:04.0" */
	struct device_driver *driver;
	void *driver_data;
	u64 *dma_mask;
	u64 coherent_dma_mask;
	struct vcshim_pci *vcshim;	/* the runtime's state of the device */
};

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

__printf(3, 4) void vcshim_dev_printk(const char *level, const struct device *dev,
				      const char *fmt, ...);

#define dev_printk(level, dev, fmt, ...) vcshim_dev_printk(level, dev, fmt, ##__VA_ARGS__)
#define dev_emerg(dev, fmt, ...)	dev_printk(KERN_EMERG, dev, fmt, ##__VA_ARGS__)
#define dev_crit(dev, fmt, ...)		dev_printk(KERN_CRIT, dev, fmt, ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)		dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)		dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_notice(dev, fmt, ...)	dev_printk(KERN_NOTICE, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)		dev_printk(KERN_INFO, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)		dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)

#define dev_err_probe(dev, err, fmt, ...) \
	({ int __err = (err); dev_err(dev, fmt, ##__VA_ARGS__); __err; })

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

#endif /* VCONFIG_SHIM_LINUX_DEVICE_H */
