// SPDX-License-Identifier: GPL-2.0-only OR MIT
/*
 * libvconfig interrupts: VFIO_DEVICE_SET_IRQS with eventfds, triggers,
 * masks, waiting on an eventfd, and the config-action mode of vfio-vconfig.
 */
#include <poll.h>
#include <stdlib.h>

#include "vcdev.h"

int vcdev_get_irq_info(struct vcdev *dev, unsigned int index,
		       struct vcdev_irq_info *info)
{
	struct vfio_irq_info ii = { .argsz = sizeof(ii), .index = index };

	memset(info, 0, sizeof(*info));
	if (ioctl(dev->fd, VFIO_DEVICE_GET_IRQ_INFO, &ii))
		return vcd_fail(vcd_neg_errno(), "%s: irq index %u info", dev->bdf, index);
	info->index = ii.index;
	info->flags = ii.flags;
	info->count = ii.count;
	return 0;
}

int vcdev_irq_set(struct vcdev *dev, unsigned int index,
		  uint32_t flags, unsigned int start, unsigned int count,
		  const void *data)
{
	struct vfio_irq_set *set;
	size_t elem = 0, argsz;
	int err = 0;

	if (flags & VFIO_IRQ_SET_DATA_BOOL)
		elem = sizeof(uint8_t);
	else if (flags & VFIO_IRQ_SET_DATA_EVENTFD)
		elem = sizeof(int32_t);
	if (count > 65536)
		return vcd_fail_msg(-EINVAL, "%s: irq index %u: %u vectors", dev->bdf, index, count);
	argsz = sizeof(*set) + elem * count;
	set = calloc(1, argsz);
	if (!set)
		return vcd_fail(-ENOMEM, "%s: SET_IRQS", dev->bdf);
	set->argsz = (uint32_t)argsz;
	set->flags = flags;
	set->index = index;
	set->start = start;
	set->count = count;
	if (elem && count && data)
		memcpy(set->data, data, elem * count);
	if (ioctl(dev->fd, VFIO_DEVICE_SET_IRQS, set))
		err = vcd_fail(vcd_neg_errno(), "%s: SET_IRQS index %u flags 0x%x start %u count %u",
			   dev->bdf, index, flags, start, count);
	free(set);
	return err;
}

int vcdev_irq_set_eventfds(struct vcdev *dev, unsigned int index,
			   unsigned int start, unsigned int count,
			   const int *fds)
{
	int32_t *data;
	unsigned int i;
	int err;

	if (!count)
		return vcd_fail_msg(-EINVAL, "%s: no eventfd given", dev->bdf);
	data = calloc(count, sizeof(*data));
	if (!data)
		return vcd_fail(-ENOMEM, "%s: SET_IRQS", dev->bdf);
	for (i = 0; i < count; i++)
		data[i] = fds[i];
	err = vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_EVENTFD |
			    VFIO_IRQ_SET_ACTION_TRIGGER, start, count, data);
	free(data);
	return err;
}

int vcdev_irq_disable(struct vcdev *dev, unsigned int index)
{
	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_NONE |
			     VFIO_IRQ_SET_ACTION_TRIGGER, 0, 0, NULL);
}

int vcdev_irq_trigger(struct vcdev *dev, unsigned int index,
		      unsigned int start, unsigned int count)
{
	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_NONE |
			     VFIO_IRQ_SET_ACTION_TRIGGER, start, count, NULL);
}

int vcdev_irq_mask(struct vcdev *dev, unsigned int index,
		   unsigned int start, unsigned int count)
{
	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_NONE |
			     VFIO_IRQ_SET_ACTION_MASK, start, count, NULL);
}

int vcdev_irq_unmask(struct vcdev *dev, unsigned int index,
		     unsigned int start, unsigned int count)
{
	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_NONE |
			     VFIO_IRQ_SET_ACTION_UNMASK, start, count, NULL);
}

int vcdev_irq_unmask_eventfd(struct vcdev *dev, unsigned int index,
			     unsigned int start, int fd)
{
	int32_t data = fd;

	return vcdev_irq_set(dev, index, VFIO_IRQ_SET_DATA_EVENTFD |
			     VFIO_IRQ_SET_ACTION_UNMASK, start, 1, &data);
}

int vcdev_eventfd_wait(int fd, int timeout_ms, uint64_t *count)
{
	struct pollfd pfd = { .fd = fd, .events = POLLIN };
	uint64_t value;
	int n;

	do {
		n = poll(&pfd, 1, timeout_ms);
	} while (n < 0 && errno == EINTR);
	if (n < 0)
		return vcd_fail(vcd_neg_errno(), "poll on eventfd %d", fd);
	if (n == 0)
		return 0;
	if (read(fd, &value, sizeof(value)) != sizeof(value))
		return vcd_fail(vcd_neg_errno(), "read of eventfd %d", fd);
	if (count)
		*count = value;
	return 1;
}

/* ---- Config-action mode ---- */

struct action_feature {
	struct vfio_device_feature hdr;
	struct vfio_device_feature_vconfig_action action;
};

static int action_feature(struct vcdev *dev, uint32_t flags,
			  struct vfio_device_feature_vconfig_action *action)
{
	struct action_feature f;

	memset(&f, 0, sizeof(f));
	f.hdr.argsz = sizeof(f);
	f.hdr.flags = flags | VFIO_DEVICE_FEATURE_VCONFIG_ACTION;
	if (action)
		f.action = *action;
	if (ioctl(dev->fd, VFIO_DEVICE_FEATURE, &f))
		return vcd_neg_errno();
	if (action)
		*action = f.action;
	return 0;
}

int vcdev_action_supported(struct vcdev *dev)
{
	int err = action_feature(dev, VFIO_DEVICE_FEATURE_PROBE |
				 VFIO_DEVICE_FEATURE_SET | VFIO_DEVICE_FEATURE_GET, NULL);

	if (!err)
		return 1;
	if (err == -ENOTTY || err == -EINVAL || err == -EOPNOTSUPP)
		return 0;
	return vcd_fail(err, "%s: probing config-action mode", dev->bdf);
}

int vcdev_set_irq_mode(struct vcdev *dev, enum vcdev_irq_mode mode)
{
	struct vfio_device_feature_vconfig_action a = { .mode = mode };
	int err;

	if (mode != VCDEV_IRQ_MODE_VFIO && mode != VCDEV_IRQ_MODE_ACTION)
		return vcd_fail_msg(-EINVAL, "%s: unknown interrupt mode %d", dev->bdf, mode);
	err = action_feature(dev, VFIO_DEVICE_FEATURE_SET, &a);
	if (!err)
		return 0;
	if (err == -ENOTTY)
		return vcd_fail_msg(-EOPNOTSUPP, "%s: %s has no config-action mode",
				dev->bdf, dev->driver);
	if (err == -EBUSY)
		return vcd_fail_msg(-EBUSY, "%s: MSI or MSI-X vectors are allocated; disable them first",
				dev->bdf);
	return vcd_fail(err, "%s: setting interrupt mode %d", dev->bdf, mode);
}

int vcdev_get_action_state(struct vcdev *dev,
			   struct vcdev_action_state *state)
{
	struct vfio_device_feature_vconfig_action a = { 0 };
	int err;

	memset(state, 0, sizeof(*state));
	err = action_feature(dev, VFIO_DEVICE_FEATURE_GET, &a);
	if (err == -ENOTTY)
		return vcd_fail_msg(-EOPNOTSUPP, "%s: %s has no config-action mode",
				dev->bdf, dev->driver);
	if (err)
		return vcd_fail(err, "%s: reading the interrupt mode", dev->bdf);
	state->mode = a.mode == VFIO_VCONFIG_MODE_ACTION ? VCDEV_IRQ_MODE_ACTION :
							    VCDEV_IRQ_MODE_VFIO;
	state->msi_armed = a.msi_armed;
	state->msix_armed = a.msix_armed;
	state->active_vectors = a.active_vectors;
	return 0;
}
