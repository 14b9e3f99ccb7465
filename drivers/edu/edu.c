// SPDX-License-Identifier: GPL-2.0
/*
 * edu: driver for QEMU's educational PCI device (1234:11e8).
 *
 * At probe the driver checks that the device is alive, has it compute
 * factorials and waits for the interrupt it raises when each is done, and
 * sends a buffer to the device and back by DMA. It is an ordinary kernel
 * PCI driver: the same source builds as edu.ko (Kbuild) and, with
 * vconfig's userspace PCI shim, as a program driving the device through
 * VFIO (mk/shim.mk, Documentation/porting.md).
 */
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/interrupt.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#define EDU_VENDOR_ID		0x1234
#define EDU_DEVICE_ID		0x11e8

/* BAR0 registers */
#define EDU_REG_ID		0x00
#define EDU_REG_LIVENESS	0x04
#define EDU_REG_FACTORIAL	0x08
#define EDU_REG_STATUS		0x20
#define  EDU_STATUS_COMPUTING	0x01
#define  EDU_STATUS_IRQ_FACT	0x80	/* raise an interrupt when done */
#define EDU_REG_IRQ_STATUS	0x24
#define EDU_REG_IRQ_ACK		0x64
#define EDU_REG_DMA_SRC		0x80
#define EDU_REG_DMA_DST		0x88
#define EDU_REG_DMA_COUNT	0x90
#define EDU_REG_DMA_CMD		0x98
#define  EDU_DMA_START		0x01
#define  EDU_DMA_TO_RAM		0x02
#define  EDU_DMA_IRQ		0x04

/* Interrupt status bits */
#define EDU_IRQ_FACTORIAL	0x001
#define EDU_IRQ_DMA		0x100

#define EDU_DMA_DEV_ADDR	0x40000	/* the device's own 4 KiB buffer */
#define EDU_DMA_BUF_SIZE	4096
/* QEMU 7.2 rejects (and aborts on) a transfer that ends at the buffer's end. */
#define EDU_DMA_SIZE		2048
#define EDU_DMA_ADDR_BITS	28	/* the device drops higher address bits */
#define EDU_TIMEOUT_MS		3000

static const u32 edu_factorial_inputs[] = { 5, 10, 12 };

static bool use_msi = true;
module_param(use_msi, bool, 0444);
MODULE_PARM_DESC(use_msi, "Interrupt by MSI (default) or, when off, by INTx");

struct edu {
	struct pci_dev *pdev;
	void __iomem *mmio;
	int irq;
	struct completion irq_done;
	spinlock_t lock;
	u32 irq_status;		/* bits acknowledged, not yet consumed */
	atomic_t irq_count;
};

static irqreturn_t edu_irq(int irq, void *data)
{
	struct edu *edu = data;
	u32 status = ioread32(edu->mmio + EDU_REG_IRQ_STATUS);

	if (!status)
		return IRQ_NONE;
	/* The device keeps its interrupt raised until acknowledged, MSI too. */
	iowrite32(status, edu->mmio + EDU_REG_IRQ_ACK);
	spin_lock(&edu->lock);
	edu->irq_status |= status;
	spin_unlock(&edu->lock);
	atomic_inc(&edu->irq_count);
	dev_dbg(&edu->pdev->dev, "irq %d: status %#x\n", irq, status);
	complete(&edu->irq_done);
	return IRQ_HANDLED;
}

/* Wait for an interrupt that reported @bit, and consume the bit. */
static int edu_wait_irq(struct edu *edu, u32 bit)
{
	unsigned long flags;
	u32 seen;

	if (!wait_for_completion_timeout(&edu->irq_done,
					 msecs_to_jiffies(EDU_TIMEOUT_MS)))
		return -ETIMEDOUT;
	spin_lock_irqsave(&edu->lock, flags);
	seen = edu->irq_status & bit;
	edu->irq_status &= ~bit;
	spin_unlock_irqrestore(&edu->lock, flags);
	return seen ? 0 : -EIO;
}

static u32 edu_expected_factorial(u32 n)
{
	u32 result = 1;

	while (n > 1)
		result *= n--;
	return result;
}

static int edu_factorial(struct edu *edu, u32 n)
{
	u32 result, expected = edu_expected_factorial(n);
	int ret;

	reinit_completion(&edu->irq_done);
	iowrite32(EDU_STATUS_IRQ_FACT, edu->mmio + EDU_REG_STATUS);
	iowrite32(n, edu->mmio + EDU_REG_FACTORIAL);
	ret = edu_wait_irq(edu, EDU_IRQ_FACTORIAL);
	if (ret) {
		dev_err(&edu->pdev->dev, "factorial %u!: no interrupt (%d)\n", n, ret);
		return ret;
	}
	if (ioread32(edu->mmio + EDU_REG_STATUS) & EDU_STATUS_COMPUTING) {
		dev_err(&edu->pdev->dev, "factorial %u!: interrupt while computing\n", n);
		return -EIO;
	}
	result = ioread32(edu->mmio + EDU_REG_FACTORIAL);
	dev_info(&edu->pdev->dev, "factorial %u! = %u (expected %u) %s\n", n,
		 result, expected, result == expected ? "ok" : "WRONG");
	return result == expected ? 0 : -EIO;
}

/* One transfer between RAM at @ram and the device buffer; waits for it. */
static int edu_dma(struct edu *edu, dma_addr_t ram, bool to_ram)
{
	u32 cmd = EDU_DMA_START | EDU_DMA_IRQ | (to_ram ? EDU_DMA_TO_RAM : 0);
	int ret;

	reinit_completion(&edu->irq_done);
	iowrite32(to_ram ? EDU_DMA_DEV_ADDR : lower_32_bits(ram),
		  edu->mmio + EDU_REG_DMA_SRC);
	iowrite32(to_ram ? lower_32_bits(ram) : EDU_DMA_DEV_ADDR,
		  edu->mmio + EDU_REG_DMA_DST);
	iowrite32(EDU_DMA_SIZE, edu->mmio + EDU_REG_DMA_COUNT);
	iowrite32(cmd, edu->mmio + EDU_REG_DMA_CMD);
	ret = edu_wait_irq(edu, EDU_IRQ_DMA);
	if (!ret && (ioread32(edu->mmio + EDU_REG_DMA_CMD) & EDU_DMA_START))
		ret = -EIO;
	return ret;
}

/*
 * A pattern from a coherent buffer to the device, then back from the
 * device into a streaming mapping of ordinary memory.
 */
static int edu_dma_round_trip(struct edu *edu)
{
	struct device *dev = &edu->pdev->dev;
	dma_addr_t tx_dma, rx_dma;
	u8 *tx, *rx, seed;
	int i, ret, mismatches = 0;

	tx = dma_alloc_coherent(dev, EDU_DMA_BUF_SIZE, &tx_dma, GFP_KERNEL);
	if (!tx)
		return -ENOMEM;
	rx = kzalloc(EDU_DMA_BUF_SIZE, GFP_KERNEL);
	if (!rx) {
		ret = -ENOMEM;
		goto free_tx;
	}
	/* a pattern of this run: stale data in the device cannot pass */
	seed = jiffies;
	for (i = 0; i < EDU_DMA_SIZE; i++)
		tx[i] = (i * 7 + seed) ^ (i >> 8);

	rx_dma = dma_map_single(dev, rx, EDU_DMA_BUF_SIZE, DMA_FROM_DEVICE);
	if (dma_mapping_error(dev, rx_dma)) {
		ret = -ENOMEM;
		goto free_rx;
	}
	ret = edu_dma(edu, tx_dma, false);
	if (!ret)
		ret = edu_dma(edu, rx_dma, true);
	dma_unmap_single(dev, rx_dma, EDU_DMA_BUF_SIZE, DMA_FROM_DEVICE);
	if (ret) {
		dev_err(dev, "DMA transfer failed (%d)\n", ret);
		goto free_rx;
	}

	for (i = 0; i < EDU_DMA_SIZE; i++)
		mismatches += tx[i] != rx[i];
	dev_info(dev, "DMA %d bytes RAM %#llx -> device %#x -> RAM %#llx: %s\n",
		 EDU_DMA_SIZE, (unsigned long long)tx_dma, EDU_DMA_DEV_ADDR,
		 (unsigned long long)rx_dma,
		 mismatches ? "MISMATCH" : "data match");
	if (mismatches) {
		dev_err(dev, "DMA: %d of %d bytes differ\n", mismatches, EDU_DMA_SIZE);
		ret = -EIO;
	}
free_rx:
	kfree(rx);
free_tx:
	dma_free_coherent(dev, EDU_DMA_BUF_SIZE, tx, tx_dma);
	return ret;
}

static int edu_check_liveness(struct edu *edu)
{
	u32 id = ioread32(edu->mmio + EDU_REG_ID);
	u32 probe = 0x5a17c0de, answer;

	if ((id & 0xff) != 0xed) {
		dev_err(&edu->pdev->dev, "identification %#010x is not edu's\n", id);
		return -ENODEV;
	}
	iowrite32(probe, edu->mmio + EDU_REG_LIVENESS);
	answer = ioread32(edu->mmio + EDU_REG_LIVENESS);
	dev_info(&edu->pdev->dev, "edu %u.%u, liveness %#010x -> %#010x %s\n",
		 id >> 24, (id >> 16) & 0xff, probe, answer,
		 answer == ~probe ? "ok" : "WRONG");
	return answer == ~probe ? 0 : -EIO;
}

static int edu_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct device *dev = &pdev->dev;
	struct edu *edu;
	unsigned int i;
	int ret;

	edu = kzalloc(sizeof(*edu), GFP_KERNEL);
	if (!edu)
		return -ENOMEM;
	edu->pdev = pdev;
	init_completion(&edu->irq_done);
	spin_lock_init(&edu->lock);
	atomic_set(&edu->irq_count, 0);

	ret = pci_enable_device_mem(pdev);
	if (ret)
		goto free_edu;
	pci_set_master(pdev);
	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(EDU_DMA_ADDR_BITS));
	if (ret) {
		dev_err(dev, "no %d-bit DMA\n", EDU_DMA_ADDR_BITS);
		goto disable;
	}
	edu->mmio = pci_iomap(pdev, 0, 0);
	if (!edu->mmio) {
		ret = -ENOMEM;
		goto disable;
	}
	dev_info(dev, "%04x:%04x, BAR0 %llu KiB at %#llx\n", id->vendor, id->device,
		 (unsigned long long)pci_resource_len(pdev, 0) >> 10,
		 (unsigned long long)pci_resource_start(pdev, 0));

	ret = edu_check_liveness(edu);
	if (ret)
		goto unmap;

	ret = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_LEGACY |
				    (use_msi ? PCI_IRQ_MSI : 0));
	if (ret < 0)
		goto unmap;
	edu->irq = pci_irq_vector(pdev, 0);
	ret = request_irq(edu->irq, edu_irq, 0, "edu", edu);
	if (ret)
		goto free_vectors;
	dev_info(dev, "interrupt: %s, irq %d\n",
		 pdev->msi_enabled ? "MSI" : "INTx", edu->irq);

	for (i = 0; i < ARRAY_SIZE(edu_factorial_inputs); i++) {
		ret = edu_factorial(edu, edu_factorial_inputs[i]);
		if (ret)
			goto free_irq;
	}
	ret = edu_dma_round_trip(edu);
	if (ret)
		goto free_irq;

	dev_info(dev, "probe done: %d interrupts handled (%s)\n",
		 atomic_read(&edu->irq_count), pdev->msi_enabled ? "MSI" : "INTx");
	pci_set_drvdata(pdev, edu);
	return 0;

free_irq:
	free_irq(edu->irq, edu);
free_vectors:
	pci_free_irq_vectors(pdev);
unmap:
	pci_iounmap(pdev, edu->mmio);
disable:
	pci_clear_master(pdev);
	pci_disable_device(pdev);
free_edu:
	kfree(edu);
	return ret;
}

static void edu_remove(struct pci_dev *pdev)
{
	struct edu *edu = pci_get_drvdata(pdev);

	free_irq(edu->irq, edu);
	pci_free_irq_vectors(pdev);
	pci_iounmap(pdev, edu->mmio);
	pci_clear_master(pdev);
	pci_disable_device(pdev);
	dev_info(&pdev->dev, "removed after %d interrupts\n",
		 atomic_read(&edu->irq_count));
	kfree(edu);
}

static const struct pci_device_id edu_ids[] = {
	{ PCI_DEVICE(EDU_VENDOR_ID, EDU_DEVICE_ID) },
	{ }
};
MODULE_DEVICE_TABLE(pci, edu_ids);

static struct pci_driver edu_driver = {
	.name = "edu",
	.id_table = edu_ids,
	.probe = edu_probe,
	.remove = edu_remove,
};
module_pci_driver(edu_driver);

MODULE_DESCRIPTION("Driver for QEMU's edu device: factorials, MSI, DMA");
MODULE_LICENSE("GPL");
