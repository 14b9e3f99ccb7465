/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Runtime of the userspace PCI shim (shim/include/linux/): what the
 * shim's files share. Built with the shim's include root, like a driver.
 */
#ifndef VCONFIG_SHIM_SHIM_H
#define VCONFIG_SHIM_SHIM_H

#include <pthread.h>
#include <stdint.h>
#include <linux/pci.h>
#include <vconfig/libvconfig.h>

#define VCSHIM_IRQ_BASE		32	/* first Linux-style IRQ number handed out */
#define VCSHIM_MAX_IRQS		256
#define VCSHIM_MAX_MAPS		16

/* A BAR mapping made by pci_iomap(). */
struct vcshim_map {
	void *addr;
	size_t len;
	unsigned int bar;
	u64 offset;		/* of addr in the BAR */
	bool slow;		/* in the arena, served by read()/write() */
	bool managed;		/* pcim_iomap(): unmapped when the driver goes */
};

/* A DMA mapping: a coherent buffer or a dma_map_single() of driver memory. */
struct vcshim_dma {
	struct vcshim_dma *next;
	struct vcdev_dma_buffer *buf;		/* dma_alloc_coherent() */
	void *vaddr;				/* what the driver was given */
	dma_addr_t handle;
	uint64_t iova;				/* start of the mapped pages */
	size_t len;
};

struct vcshim_pci {
	struct pci_dev pdev;
	struct pci_bus bus;
	struct vcdev *vdev;
	bool action_mode;		/* vfio-vconfig's config-action mode is on */
	struct vcshim_map maps[VCSHIM_MAX_MAPS];
	struct vcshim_dma *dma;
	pthread_mutex_t dma_lock;
	int irq_index;			/* VFIO index of the vectors, -1 when none */
	unsigned int nr_vectors;
	unsigned int vector_irqs[VCSHIM_MAX_IRQS];
	unsigned int intx_irq;		/* 0 without an interrupt pin */
	unsigned long irq_count;	/* interrupts handled, over the program's life */
	u32 requested_bars;		/* pci_request_region() bits */
	void __iomem *iomap_table[PCI_STD_NUM_BARS];	/* pcim_iomap_table() */
	struct vcshim_pci *next;
};

static inline struct vcshim_pci *vcshim_of(const struct pci_dev *pdev)
{
	return pdev->dev.vcshim;
}

/* core.c */
extern bool vcshim_verbose;
void vcshim_log(const char *level, const char *fmt, ...) __printf(2, 3);
void vcshim_catch_fatal_signals(void);

/* sync.c */
bool vcshim_zero_init_ok(void);

/* timer.c */
int vcshim_start_thread(pthread_t *t, void *(*fn)(void *), void *arg, bool joinable);

/* lib.c */
int vcshim_add_group(struct device *dev, const struct attribute_group *grp);
void vcshim_remove_group(struct device *dev, const struct attribute_group *grp);

/* module.c */
int vcshim_set_param(const char *arg);
bool vcshim_is_param(const char *arg);
int vcshim_init_modules(unsigned int *nr_done);
void vcshim_exit_modules(unsigned int nr_done);

/* pci.c */
struct vcshim_pci *vcshim_pci_open(const char *bdf);
int vcshim_pci_attach(struct vcshim_pci *sp);
void vcshim_pci_close(struct vcshim_pci *sp);
void vcshim_pci_unmap_all(struct vcshim_pci *sp);
struct vcshim_pci *vcshim_pci_first(void);

/* irq.c */
int vcshim_irq_create(struct vcshim_pci *sp, int index, unsigned int vector,
		      bool with_eventfd);
void vcshim_irq_destroy(unsigned int irq);
int vcshim_irq_eventfd(unsigned int irq);
/* Interrupts of @sp handled so far, all vectors and INTx. */
unsigned long vcshim_irq_count(struct vcshim_pci *sp);
void vcshim_irq_release_device(struct vcshim_pci *sp);

/* dma.c */
void vcshim_dma_release_device(struct vcshim_pci *sp);

#endif /* VCONFIG_SHIM_SHIM_H */
