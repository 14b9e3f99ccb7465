// SPDX-License-Identifier: GPL-2.0
/*
 * Userspace PCI shim: interrupts. pci_alloc_irq_vectors() arms one eventfd
 * per vector and enables MSI or MSI-X by writing the enable bit in the
 * capability; in vfio-vconfig's config-action mode that write is what
 * allocates the host vectors. One dispatcher thread waits on the eventfds
 * of requested IRQs and runs their handlers.
 */
#include <errno.h>
#include <stdarg.h>
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

#define MAX_ACTIONS	8

/* One handler on a line, with the thread of its threaded part. */
struct irq_action {
	unsigned int irq;
	irq_handler_t handler;
	irq_handler_t thread_fn;
	void *dev_id;
	const char *name;
	unsigned long flags;
	pthread_t thread;
	bool thread_running;		/* the thread exists */
	bool thread_stop;
	unsigned int wakeups, handled;	/* thread requests made and served */
	pthread_cond_t cond;
};

struct vcshim_irq {
	bool used;
	struct vcshim_pci *sp;
	int index;			/* VFIO interrupt index */
	unsigned int vector;
	int efd;
	struct irq_action *actions[MAX_ACTIONS];
	unsigned int nr_actions;
	bool pending;			/* fired while disabled */
	unsigned int disable_depth;
	unsigned int threads_busy;	/* oneshot threads not yet done */
};

static struct vcshim_irq irqs[VCSHIM_MAX_IRQS];
static pthread_mutex_t irq_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t irq_idle = PTHREAD_COND_INITIALIZER;
/* Held while primary handlers run: synchronize_irq() waits on it. */
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

static bool threads_idle(struct vcshim_irq *e)
{
	unsigned int i;

	for (i = 0; i < e->nr_actions; i++)
		if (e->actions[i]->wakeups != e->actions[i]->handled &&
		    !pthread_equal(pthread_self(), e->actions[i]->thread))
			return false;
	return true;
}

void synchronize_irq(unsigned int irq)
{
	struct vcshim_irq *e;

	if (!in_dispatcher()) {
		pthread_mutex_lock(&handler_lock);
		pthread_mutex_unlock(&handler_lock);
	}
	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	while (e && e->used && !threads_idle(e))
		pthread_cond_wait(&irq_idle, &irq_lock);
	pthread_mutex_unlock(&irq_lock);
}

/* VFIO masks INTx when it fires: unmask once every handler is done. */
static void unmask_intx(struct vcshim_irq *e)
{
	if (e->index == VFIO_PCI_INTX_IRQ_INDEX)
		vcdev_irq_unmask(e->sp->vdev, VFIO_PCI_INTX_IRQ_INDEX, 0, 1);
}

/* The thread of one action: its thread_fn, once per wake-up, as irq_thread(). */
static void *irq_thread(void *arg)
{
	struct irq_action *act = arg;
	unsigned int irq = act->irq;
	struct vcshim_irq *e = irq_entry(irq);

	pthread_mutex_lock(&irq_lock);
	for (;;) {
		while (act->wakeups == act->handled && !act->thread_stop)
			pthread_cond_wait(&act->cond, &irq_lock);
		if (act->wakeups == act->handled)
			break;
		pthread_mutex_unlock(&irq_lock);
		act->thread_fn(irq, act->dev_id);
		pthread_mutex_lock(&irq_lock);
		act->handled++;
		if ((act->flags & IRQF_ONESHOT) && !--e->threads_busy)
			unmask_intx(e);
		pthread_cond_broadcast(&irq_idle);
	}
	pthread_mutex_unlock(&irq_lock);
	return NULL;
}

static void run_handlers(unsigned int irq)
{
	struct irq_action *acts[MAX_ACTIONS];
	struct vcshim_irq *e;
	unsigned int i, n, oneshot = 0;

	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	if (!e || !e->nr_actions) {
		pthread_mutex_unlock(&irq_lock);
		return;
	}
	if (e->disable_depth) {
		e->pending = true;
		pthread_mutex_unlock(&irq_lock);
		return;
	}
	n = e->nr_actions;
	memcpy(acts, e->actions, n * sizeof(acts[0]));
	if (e->sp)
		e->sp->irq_count++;
	pthread_mutex_unlock(&irq_lock);

	for (i = 0; i < n; i++) {
		irqreturn_t ret = acts[i]->handler(irq, acts[i]->dev_id);

		if (ret == IRQ_WAKE_THREAD && acts[i]->thread_fn) {
			pthread_mutex_lock(&irq_lock);
			acts[i]->wakeups++;
			if (acts[i]->flags & IRQF_ONESHOT) {
				e->threads_busy++;
				oneshot++;
			}
			pthread_cond_signal(&acts[i]->cond);
			pthread_mutex_unlock(&irq_lock);
		}
	}
	/* A oneshot line stays masked until its threads are done. */
	if (!oneshot)
		unmask_intx(e);
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
			run_handlers(irq);
			pthread_mutex_unlock(&handler_lock);
		}
	}
	return NULL;
}

static int start_dispatcher(void)
{
	int ret;

	if (epoll_fd >= 0)
		return 0;
	epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (epoll_fd < 0)
		return -errno;
	ret = vcshim_start_thread(&dispatcher, dispatch, NULL, false);
	if (ret) {
		close(epoll_fd);
		epoll_fd = -1;
	}
	return ret;
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

unsigned long vcshim_irq_count(struct vcshim_pci *sp)
{
	unsigned long n;

	pthread_mutex_lock(&irq_lock);
	n = sp->irq_count;
	pthread_mutex_unlock(&irq_lock);
	return n;
}

int vcshim_irq_eventfd(unsigned int irq)
{
	struct vcshim_irq *e = irq_entry(irq);

	return e ? e->efd : -1;
}

/* The default primary handler of a threaded interrupt. */
static irqreturn_t irq_default_primary_handler(int irq, void *dev_id)
{
	(void)irq, (void)dev_id;
	return IRQ_WAKE_THREAD;
}

/* Whether a new action may join the line's actions (kernel/irq/manage.c). */
static int check_sharing(struct vcshim_irq *e, unsigned long flags, void *dev_id)
{
	unsigned int i;

	if ((flags & IRQF_SHARED) && !dev_id)
		return -EINVAL;
	if (!e->nr_actions)
		return 0;
	if (e->nr_actions == MAX_ACTIONS)
		return -ENOSPC;
	for (i = 0; i < e->nr_actions; i++)
		if (!(e->actions[i]->flags & flags & IRQF_SHARED) ||
		    ((e->actions[i]->flags ^ flags) & IRQF_ONESHOT))
			return -EBUSY;
	return 0;
}

/* VFIO starts delivering the line on the first action. */
static int arm_line(struct vcshim_irq *e, unsigned int irq)
{
	struct epoll_event ev = { .events = EPOLLIN, .data.u32 = irq };
	int ret;

	if (e->index == VFIO_PCI_INTX_IRQ_INDEX) {
		if (e->efd < 0)
			e->efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (e->efd < 0)
			return -errno;
		ret = vcdev_irq_set_eventfds(e->sp->vdev, VFIO_PCI_INTX_IRQ_INDEX,
					     0, 1, &e->efd);
		if (ret)
			return ret;
	}
	return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, e->efd, &ev) ? -errno : 0;
}

int request_threaded_irq(unsigned int irq, irq_handler_t handler,
			 irq_handler_t thread_fn, unsigned long flags,
			 const char *name, void *dev_id)
{
	struct irq_action *act;
	struct vcshim_irq *e;
	int ret;

	if (!handler && !thread_fn)
		return -EINVAL;
	/* As the kernel: a threaded INTx handler alone must be oneshot. */
	if (!handler && !(flags & IRQF_ONESHOT) && irq_entry(irq) &&
	    irq_entry(irq)->index == VFIO_PCI_INTX_IRQ_INDEX) {
		pr_err("Threaded irq requested with handler=NULL and !ONESHOT for %s (irq %u)\n",
		       name, irq);
		return -EINVAL;
	}
	ret = start_dispatcher();
	if (ret)
		return ret;
	act = calloc(1, sizeof(*act));
	if (!act)
		return -ENOMEM;
	*act = (struct irq_action){
		.irq = irq,
		.handler = handler ? handler : irq_default_primary_handler,
		.thread_fn = thread_fn, .dev_id = dev_id, .name = name,
		.flags = flags,
	};
	pthread_cond_init(&act->cond, NULL);

	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	ret = e ? check_sharing(e, flags, dev_id) : -EINVAL;
	if (!ret && !e->nr_actions)
		ret = arm_line(e, irq);
	if (!ret && thread_fn) {
		ret = vcshim_start_thread(&act->thread, irq_thread, act, true);
		act->thread_running = !ret;
	}
	if (ret) {
		pthread_mutex_unlock(&irq_lock);
		free(act);
		return ret;
	}
	e->actions[e->nr_actions++] = act;
	if (e->nr_actions == 1) {
		e->pending = false;
		e->disable_depth = 0;
	}
	dev_dbg(&e->sp->pdev.dev, "irq %u (%s vector %u) requested by %s%s%s\n", irq,
		e->index == VFIO_PCI_INTX_IRQ_INDEX ? "INTx" :
		e->index == VFIO_PCI_MSI_IRQ_INDEX ? "MSI" : "MSI-X",
		e->vector, name, thread_fn ? ", threaded" : "",
		e->nr_actions > 1 ? ", shared" : "");
	pthread_mutex_unlock(&irq_lock);
	return 0;
}

const void *free_irq(unsigned int irq, void *dev_id)
{
	struct irq_action *act = NULL;
	struct vcshim_irq *e;
	const char *name;
	unsigned int i;

	pthread_mutex_lock(&irq_lock);
	e = irq_entry(irq);
	for (i = 0; e && i < e->nr_actions; i++)
		if (e->actions[i]->dev_id == dev_id)
			act = e->actions[i];
	if (!act) {
		pthread_mutex_unlock(&irq_lock);
		pr_warn("Trying to free already-free IRQ %u\n", irq);
		return NULL;
	}
	pthread_mutex_unlock(&irq_lock);
	/* No handler of this action runs from here on. */
	synchronize_irq(irq);
	pthread_mutex_lock(&irq_lock);
	for (i = 0; i < e->nr_actions; i++)
		if (e->actions[i] == act)
			break;
	memmove(&e->actions[i], &e->actions[i + 1],
		(e->nr_actions - i - 1) * sizeof(e->actions[0]));
	e->nr_actions--;
	if (!e->nr_actions) {
		epoll_ctl(epoll_fd, EPOLL_CTL_DEL, e->efd, NULL);
		if (e->index == VFIO_PCI_INTX_IRQ_INDEX)
			vcdev_irq_disable(e->sp->vdev, VFIO_PCI_INTX_IRQ_INDEX);
	}
	act->thread_stop = true;
	pthread_cond_signal(&act->cond);
	pthread_mutex_unlock(&irq_lock);
	pthread_mutex_lock(&handler_lock);	/* the dispatcher holds no copy now */
	pthread_mutex_unlock(&handler_lock);
	name = act->name;
	if (act->thread_running)
		pthread_join(act->thread, NULL);
	free(act);
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

/* log2 of the power of two at or above @n: Multiple Message Enable. */
static unsigned int order_up(unsigned int n)
{
	unsigned int o = 0;

	while ((1U << o) < n)
		o++;
	return o;
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
	/* As __pci_enable_msi_range(): exactly the vectors asked for, up to
	 * what the function offers; the enable field holds the power of two
	 * at or above, as the kernel writes it. */
	nvec = min_t(unsigned int, max_vecs, avail);
	if (nvec < min_vecs)
		return -ENOSPC;
	pci_read_config_word(dev, dev->msi_cap + PCI_MSI_FLAGS, &ctrl);
	ctrl &= ~PCI_MSI_FLAGS_QSIZE;
	ctrl |= (order_up(nvec) << 4) | PCI_MSI_FLAGS_ENABLE;
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

int pci_enable_msix_range(struct pci_dev *dev, struct msix_entry *entries,
			  int minvec, int maxvec)
{
	int nvec, i;

	if (!dev->msix_cap)
		return -EINVAL;
	/* The shim hands vectors out in table order: entries must be 0..n-1. */
	for (i = 0; entries && i < maxvec; i++)
		if (entries[i].entry != i)
			return -EINVAL;
	nvec = pci_alloc_irq_vectors(dev, minvec, maxvec, PCI_IRQ_MSIX);
	for (i = 0; entries && nvec > 0 && i < nvec; i++)
		entries[i].vector = pci_irq_vector(dev, i);
	return nvec;
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

		while (e && e->nr_actions) {
			dev_warn(&dev->dev, "irq %u still requested; freeing it\n",
				 sp->vector_irqs[i]);
			free_irq(sp->vector_irqs[i], e->actions[0]->dev_id);
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

		while (e->used && e->sp == sp && e->nr_actions) {
			dev_warn(&sp->pdev.dev, "irq %d left requested; freeing it\n",
				 VCSHIM_IRQ_BASE + i);
			free_irq(VCSHIM_IRQ_BASE + i, e->actions[0]->dev_id);
		}
	}
}

/* drivers/pci/irq.c: a vector's IRQ, named from @fmt (the name is kept). */
int pci_request_irq(struct pci_dev *dev, unsigned int nr, irq_handler_t handler,
		    irq_handler_t thread_fn, void *dev_id, const char *fmt, ...)
{
	unsigned long irqflags = IRQF_SHARED;
	va_list ap;
	char *devname;
	int irq = pci_irq_vector(dev, nr), ret;

	if (irq < 0)
		return irq;
	if (!handler)
		irqflags |= IRQF_ONESHOT;
	va_start(ap, fmt);
	devname = kvasprintf(GFP_KERNEL, fmt, ap);
	va_end(ap);
	if (!devname)
		return -ENOMEM;
	ret = request_threaded_irq(irq, handler, thread_fn, irqflags, devname, dev_id);
	if (ret)
		kfree(devname);
	return ret;
}

void pci_free_irq(struct pci_dev *dev, unsigned int nr, void *dev_id)
{
	int irq = pci_irq_vector(dev, nr);

	if (irq >= 0)
		kfree(free_irq(irq, dev_id));
}
