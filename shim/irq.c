// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace PCI shim: interrupts. pci_alloc_irq_vectors() arms one eventfd
 * per vector and enables MSI or MSI-X by writing the enable bit in the
 * capability; in vfio-vconfig's config-action mode that write is what
 * allocates the host vectors. One dispatcher thread waits on the eventfds
 * of requested IRQs and runs their handlers.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <linux/interrupt.h>
#include <linux/pci.h>

#include "shim.h"

struct vcshim_irq {
	bool used;
	struct vcshim_pci *sp;
	int index;			/* VFIO interrupt index */
	unsigned int vector;
	int efd;
	irq_handler_t handler;
	irq_handler_t thread_fn;
	void *dev_id;
	const char *name;
	bool requested;
	bool pending;			/* fired while disabled */
	unsigned int disable_depth;
};

static struct vcshim_irq irqs[VCSHIM_MAX_IRQS];
static pthread_mutex_t irq_lock = PTHREAD_MUTEX_INITIALIZER;
/* Held while a handler runs: synchronize_irq() and free_irq() wait on it. */
static pthread_mutex_t handler_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_t dispatcher;
static int epoll_fd = -1;

static struct vcshim_irq *irq_entry(unsigned int irq)
{
	if (irq < VCSHIM_IRQ_BASE || irq >= VCSHIM_IRQ_BASE + VCSHIM_MAX_IRQS)
		return NULL;
	return irqs[irq - VCSHIM_IRQ_BASE].used ? &irqs[irq - VCSHIM_IRQ_BASE] : NULL;
}

static bool in_dispatcher(void)
{
	return epoll_fd >= 0 && pthread_equal(pthread_self(), dispatcher);
}

void synchronize_irq(unsigned int irq)
{
	(void)irq;
	if (in_dispatcher())
		return;
	pthread_mutex_lock(&handler_lock);
	pthread_mutex_unlock(&handler_lock);
}

static void run_handler(unsigned int irq)
{
	struct vcshim_irq *e;
	irq_handler_t handler, thread_fn;
	struct vcdev *vdev;
	void *dev_id;
	int index;
	irqreturn_t ret;

	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	if (!e || !e->requested) {
		pthread_mutex_unlock(&irq_lock);
		return;
	}
	if (e->disable_depth) {
		e->pending = true;
		pthread_mutex_unlock(&irq_lock);
		return;
	}
	handler = e->handler;
	thread_fn = e->thread_fn;
	dev_id = e->dev_id;
	index = e->index;
	vdev = e->sp->vdev;
	pthread_mutex_unlock(&irq_lock);

	ret = handler(irq, dev_id);
	if (ret == IRQ_WAKE_THREAD && thread_fn)
		thread_fn(irq, dev_id);
	/* VFIO masks INTx when it fires: unmask once the handler is done. */
	if (index == VFIO_PCI_INTX_IRQ_INDEX)
		vcdev_irq_unmask(vdev, VFIO_PCI_INTX_IRQ_INDEX, 0, 1);
}

static void *dispatch(void *arg)
{
	struct epoll_event ev[16];
	int i, n;

	(void)arg;
	for (;;) {
		n = epoll_wait(epoll_fd, ev, 16, -1);
		if (n < 0 && errno != EINTR)
			break;
		for (i = 0; i < n; i++) {
			unsigned int irq = ev[i].data.u32;
			struct vcshim_irq *e;
			uint64_t count;
			int efd = -1;

			pthread_mutex_lock(&irq_lock);
			e = irq_entry(irq);
			if (e)
				efd = e->efd;
			pthread_mutex_unlock(&irq_lock);
			if (efd < 0 || read(efd, &count, sizeof(count)) != sizeof(count))
				continue;
			pthread_mutex_lock(&handler_lock);
			run_handler(irq);
			pthread_mutex_unlock(&handler_lock);
		}
	}
	return NULL;
}

static int start_dispatcher(void)
{
	sigset_t all, old;
	int ret;

	if (epoll_fd >= 0)
		return 0;
	epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (epoll_fd < 0)
		return -errno;
	/* Signals are for the main thread (it waits for SIGINT/SIGTERM). */
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	ret = pthread_create(&dispatcher, NULL, dispatch, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (ret) {
		close(epoll_fd);
		epoll_fd = -1;
		return -ret;
	}
	return 0;
}

int vcshim_irq_create(struct vcshim_pci *sp, int index, unsigned int vector,
		      bool with_eventfd)
{
	int i, efd = -1;

	if (with_eventfd) {
		efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (efd < 0)
			return -errno;
	}
	pthread_mutex_lock(&irq_lock);
	for (i = 0; i < VCSHIM_MAX_IRQS; i++) {
		if (!irqs[i].used) {
			irqs[i] = (struct vcshim_irq){
				.used = true, .sp = sp, .index = index,
				.vector = vector, .efd = efd,
			};
			pthread_mutex_unlock(&irq_lock);
			return VCSHIM_IRQ_BASE + i;
		}
	}
	pthread_mutex_unlock(&irq_lock);
	if (efd >= 0)
		close(efd);
	return -ENOSPC;
}

void vcshim_irq_destroy(unsigned int irq)
{
	struct vcshim_irq *e;

	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	if (e) {
		if (e->efd >= 0)
			close(e->efd);
		memset(e, 0, sizeof(*e));
	}
	pthread_mutex_unlock(&irq_lock);
}

int vcshim_irq_eventfd(unsigned int irq)
{
	struct vcshim_irq *e = irq_entry(irq);

	return e ? e->efd : -1;
}

static irqreturn_t wake_thread(int irq, void *dev_id)
{
	(void)irq, (void)dev_id;
	return IRQ_WAKE_THREAD;
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev_id)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u32 = irq };
	struct vcshim_irq *e;
	int ret;

	(void)flags;
	if (!handler && !thread_fn)
		return -EINVAL;
	ret = start_dispatcher();
	if (ret)
		return ret;
	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	if (!e) {
		ret = -EINVAL;
		goto out;
	}
	if (e->requested) {
		ret = -EBUSY;		/* shared lines are not offered */
		goto out;
	}
	if (e->index == VFIO_PCI_INTX_IRQ_INDEX) {
		if (e->efd < 0)
			e->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (e->efd < 0) {
			ret = -errno;
			goto out;
		}
		ret = vcdev_irq_set_eventfds(e->sp->vdev, VFIO_PCI_INTX_IRQ_INDEX,
					     0, 1, &e->efd);
		if (ret)
			goto out;
	}
	if (epoll_ctl(epoll_fd, EPOLL_CTL_ADD, e->efd, &ev)) {
		ret = -errno;
		goto out;
	}
	e->handler = handler ? handler : wake_thread;
	e->thread_fn = thread_fn;
	e->dev_id = dev_id;
	e->name = name;
	e->requested = true;
	e->pending = false;
	e->disable_depth = 0;
	dev_dbg(&e->sp->pdev.dev, "irq %u (%s vector %u) requested by %s\n", irq,
		e->index == VFIO_PCI_INTX_IRQ_INDEX ? "INTx" :
		e->index == VFIO_PCI_MSI_IRQ_INDEX ? "MSI" : "MSI-X",
		e->vector, name);
out:
	pthread_mutex_unlock(&irq_lock);
	return ret;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct vcshim_irq *e;
	const char *name = NULL;

	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	if (!e || !e->requested || e->dev_id != dev_id) {
		pthread_mutex_unlock(&irq_lock);
		pr_warn("Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	epoll_ctl(epoll_fd, EPOLL_CTL_DEL, e->efd, NULL);
	e->requested = false;
	name = e->name;
	if (e->index == VFIO_PCI_INTX_IRQ_INDEX)
		vcdev_irq_disable(e->sp->vdev, VFIO_PCI_INTX_IRQ_INDEX);
	pthread_mutex_unlock(&irq_lock);
	synchronize_irq(irq);
	return name;
}

void disable_irq_nosync(unsigned int irq)
{
	struct vcshim_irq *e;

	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	if (e)
		e->disable_depth++;
	pthread_mutex_unlock(&irq_lock);
}

void disable_irq(unsigned int irq)
{
	disable_irq_nosync(irq);
	synchronize_irq(irq);
}

void enable_irq(unsigned int irq)
{
	struct vcshim_irq *e;
	uint64_t one = 1;

	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	if (e && e->disable_depth && !--e->disable_depth && e->pending) {
		/* replay what fired while disabled, through the dispatcher */
		e->pending = false;
		if (write(e->efd, &one, sizeof(one)) != sizeof(one))
			pr_warn("irq %u: cannot replay a pending interrupt\n", irq);
	}
	pthread_mutex_unlock(&irq_lock);
}

/* ---- vectors ---- */

static unsigned int round_down_pow2(unsigned int n)
{
	unsigned int p = 1;

	while (p * 2 <= n)
		p *= 2;
	return p;
}

static u16 enable_bit(int index)
{
	return index == VFIO_PCI_MSI_IRQ_INDEX ? PCI_MSI_FLAGS_ENABLE :
						 PCI_MSIX_FLAGS_ENABLE;
}

static int create_vectors(struct vcshim_pci *sp, int index, unsigned int nvec,
			  int *fds)
{
	unsigned int i;
	int irq;

	for (i = 0; i < nvec; i++) {
		irq = vcshim_irq_create(sp, index, i, true);
		if (irq < 0) {
			while (i--)
				vcshim_irq_destroy(sp->vector_irqs[i]);
			return irq;
		}
		sp->vector_irqs[i] = irq;
		fds[i] = vcshim_irq_eventfd(irq);
	}
	return 0;
}

static void destroy_vectors(struct vcshim_pci *sp, unsigned int nvec)
{
	while (nvec--)
		vcshim_irq_destroy(sp->vector_irqs[nvec]);
}

/*
 * Arm the eventfds, then write the enable bit. In config-action mode the
 * write allocates the host vectors; with vfio-pci, SET_IRQS does and the
 * write only updates the virtual capability.
 */
static int enable_vectors(struct vcshim_pci *sp, int index, unsigned int nvec,
			  unsigned int ctrl_pos, u16 ctrl)
{
	struct pci_dev *dev = &sp->pdev;
	struct vcdev_action_state state;
	int fds[VCSHIM_MAX_IRQS];
	int ret;

	ret = create_vectors(sp, index, nvec, fds);
	if (ret)
		return ret;
	if (sp->action_mode) {
		ret = vcdev_irq_set_eventfds(sp->vdev, index, 0, nvec, fds);
		if (!ret && pci_write_config_word(dev, ctrl_pos, ctrl))
			ret = -EIO;
		if (!ret && !vcdev_get_action_state(sp->vdev, &state) &&
		    !state.active_vectors)
			ret = -ENOSPC;	/* the host could not allocate them */
	} else {
		ret = pci_write_config_word(dev, ctrl_pos, ctrl) ? -EIO : 0;
		if (!ret)
			ret = vcdev_irq_set_eventfds(sp->vdev, index, 0, nvec, fds);
	}
	if (ret) {
		dev_err(&dev->dev, "cannot enable %u %s vector(s): %s\n", nvec,
			index == VFIO_PCI_MSI_IRQ_INDEX ? "MSI" : "MSI-X",
			vcdev_last_error());
		pci_write_config_word(dev, ctrl_pos, ctrl & ~enable_bit(index));
		vcdev_irq_disable(sp->vdev, index);
		destroy_vectors(sp, nvec);
		return ret;
	}
	sp->irq_index = index;
	sp->nr_vectors = nvec;
	dev->irq = sp->vector_irqs[0];
	if (sp->action_mode)
		dev_dbg(&dev->dev, "%s: %u vector(s) enabled by a config write at %#x (config-action mode)\n",
			index == VFIO_PCI_MSI_IRQ_INDEX ? "MSI" : "MSI-X", nvec, ctrl_pos);
	else
		dev_dbg(&dev->dev, "%s: %u vector(s) enabled by VFIO_DEVICE_SET_IRQS\n",
			index == VFIO_PCI_MSI_IRQ_INDEX ? "MSI" : "MSI-X", nvec);
	return nvec;
}

int pci_msi_vec_count(struct pci_dev *dev)
{
	u16 ctrl;

	if (!dev->msi_cap || pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &ctrl))
		return -EINVAL;
	return 1 << ((ctrl & PCI_MSI_FLAGS_QMASK) >> 1);
}

int pci_msix_vec_count(struct pci_dev *dev)
{
	u16 ctrl;

	if (!dev->msix_cap ||
	    pci_read_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, &ctrl))
		return -EINVAL;
	return (ctrl & PCI_MSIX_FLAGS_QSIZE) + 1;
}

static int enable_msi(struct pci_dev *dev, unsigned int min_vecs,
		      unsigned int max_vecs)
{
	int avail = pci_msi_vec_count(dev);
	unsigned int nvec;
	u16 ctrl;

	if (avail < 0)
		return avail;
	nvec = round_down_pow2(min_t(unsigned int, max_vecs, avail));
	if (nvec < min_vecs)
		return -ENOSPC;
	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &ctrl);
	ctrl &= ~PCI_MSI_FLAGS_QSIZE;
	ctrl |= (__builtin_ctz(nvec) << 4) | PCI_MSI_FLAGS_ENABLE;
	return enable_vectors(vcshim_of(dev), VFIO_PCI_MSI_IRQ_INDEX, nvec,
			      dev->msi_cap + PCI_MSI_FLAGS, ctrl);
}

static int enable_msix(struct pci_dev *dev, unsigned int min_vecs,
		       unsigned int max_vecs)
{
	int avail = pci_msix_vec_count(dev);
	unsigned int nvec;
	u16 ctrl;

	if (avail < 0)
		return avail;
	nvec = min_t(unsigned int, max_vecs, avail);
	nvec = min_t(unsigned int, nvec, VCSHIM_MAX_IRQS);
	if (nvec < min_vecs)
		return -ENOSPC;
	pci_read_config_word(dev, dev->msix_cap + PCI_MSIX_FLAGS, &ctrl);
	ctrl = (ctrl & ~PCI_MSIX_FLAGS_MASKALL) | PCI_MSIX_FLAGS_ENABLE;
	return enable_vectors(vcshim_of(dev), VFIO_PCI_MSIX_IRQ_INDEX, nvec,
			      dev->msix_cap + PCI_MSIX_FLAGS, ctrl);
}

int pci_alloc_irq_vectors(struct pci_dev *dev, unsigned int min_vecs,
			  unsigned int max_vecs, unsigned int flags)
{
	struct vcshim_pci *sp = vcshim_of(dev);
	int ret = -ENOSPC;

	if (!min_vecs || min_vecs > max_vecs || sp->irq_index >= 0)
		return -EINVAL;
	if ((flags & PCI_IRQ_MSIX) && dev->msix_cap) {
		ret = enable_msix(dev, min_vecs, max_vecs);
		if (ret > 0) {
			dev->msix_enabled = 1;
			return ret;
		}
	}
	if ((flags & PCI_IRQ_MSI) && dev->msi_cap) {
		ret = enable_msi(dev, min_vecs, max_vecs);
		if (ret > 0) {
			dev->msi_enabled = 1;
			return ret;
		}
	}
	if ((flags & PCI_IRQ_LEGACY) && sp->intx_irq && min_vecs == 1) {
		sp->irq_index = VFIO_PCI_INTX_IRQ_INDEX;
		sp->nr_vectors = 1;
		sp->vector_irqs[0] = sp->intx_irq;
		return 1;
	}
	return ret;
}

int pci_irq_vector(struct pci_dev *dev, unsigned int nr)
{
	struct vcshim_pci *sp = vcshim_of(dev);

	if (sp->irq_index < 0)
		return nr == 0 && sp->intx_irq ? (int)sp->intx_irq : -EINVAL;
	if (nr >= sp->nr_vectors)
		return -EINVAL;
	return sp->vector_irqs[nr];
}

void pci_free_irq_vectors(struct pci_dev *dev)
{
	struct vcshim_pci *sp = vcshim_of(dev);
	unsigned int i, pos;
	u16 ctrl;

	if (sp->irq_index < 0)
		return;
	for (i = 0; i < sp->nr_vectors; i++) {
		struct vcshim_irq *e = irq_entry(sp->vector_irqs[i]);

		if (e && e->requested) {
			dev_warn(&dev->dev, "irq %u still requested; freeing it\n",
				 sp->vector_irqs[i]);
			free_irq(sp->vector_irqs[i], e->dev_id);
		}
	}
	if (sp->irq_index != VFIO_PCI_INTX_IRQ_INDEX) {
		/* Clearing the enable bit releases the host vectors. */
		pos = sp->irq_index == VFIO_PCI_MSI_IRQ_INDEX ?
		      dev->msi_cap + PCI_MSI_FLAGS : dev->msix_cap + PCI_MSIX_FLAGS;
		if (!pci_read_config_word(dev, pos, &ctrl))
			pci_write_config_word(dev, pos,
					      ctrl & ~enable_bit(sp->irq_index));
		vcdev_irq_disable(sp->vdev, sp->irq_index);
		destroy_vectors(sp, sp->nr_vectors);
	}
	dev->msi_enabled = 0;
	dev->msix_enabled = 0;
	dev->irq = sp->intx_irq;
	sp->irq_index = -1;
	sp->nr_vectors = 0;
}

/* What a driver left requested or allocated when it went away. */
void vcshim_irq_release_device(struct vcshim_pci *sp)
{
	int i;

	pci_free_irq_vectors(&sp->pdev);
	for (i = 0; i < VCSHIM_MAX_IRQS; i++) {
		struct vcshim_irq *e = &irqs[i];

		if (e->used && e->sp == sp && e->requested) {
			dev_warn(&sp->pdev.dev, "irq %d left requested; freeing it\n",
				 VCSHIM_IRQ_BASE + i);
			free_irq(VCSHIM_IRQ_BASE + i, e->dev_id);
		}
	}
}
