// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-sriov-test: SR-IOV through a VFIO driver, end to end, on QEMU's NVMe
 * with sriov_max_vfs (a PF with one VF).
 *
 *   vfio-sriov-test PF_BDF DRIVER
 *
 * The PF is bound to DRIVER (vfio-pci or vfio-vconfig) with no VFs. The
 * test drives the PF's admin queue through VFIO, enables a VF through
 * sriov_numvfs, checks that the VF is captured by DRIVER and opens only
 * with the PF's VF token (VFIO_DEVICE_FEATURE_PCI_VF_TOKEN), that its
 * config space shows the IDs and BARs of the PF's SR-IOV capability, brings
 * its controller online (NVMe Virtualization Management) and runs Identify
 * on the VF with a completion by MSI-X; then the PF's power and reset
 * guards, and the VFs going away with sriov_numvfs 0 and with the PF's
 * unbind. Every expectation is vfio-pci's, except the PF reset while VFs
 * are enabled (vfio-pci resets the PF, and the VFs with it; vfio-vconfig
 * refuses with -EBUSY, see Documentation/vfio.md).
 *
 * Output: "PASS DRIVER:sriov:check" / "FAIL DRIVER:sriov:check: reason".
 */
#include <dirent.h>
#include <poll.h>
#include <stdarg.h>
#include <sys/eventfd.h>
#include <sys/mman.h>

#include <linux/pci_regs.h>

#include "report.h"
#include "vfio-dev.h"

#define NVME_REG_CAP	0x00
#define NVME_REG_CC	0x14
#define NVME_REG_CSTS	0x1c
#define NVME_REG_AQA	0x24
#define NVME_REG_ASQ	0x28
#define NVME_REG_ACQ	0x30
#define NVME_QDEPTH	16
#define DMA_SIZE	(64 * 1024)

#define TOKEN_A		"2ab74924-1c2e-4a3f-9d1e-7f0a6b5c4d3e"
#define TOKEN_B		"5e0c9a41-77d2-4b8e-a3c6-0f1e2d3c4b5a"

static const char *drv;
#define NOTE(...) do { if (!reason[0]) snprintf(reason, sizeof(reason), __VA_ARGS__); } while (0)

static uint64_t now_ms(void)
{
	return vfio_dev_now_ns() / 1000000;
}

/* ---- sysfs ---------------------------------------------------------- */

static int sysfs_write(const char *bdf, const char *attr, const char *val)
{
	char path[256];
	int fd, ret = 0;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/%s", bdf, attr);
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	if (write(fd, val, strlen(val)) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

static int param_write(const char *val)
{
	char path[128];
	int fd, ret = 0;

	snprintf(path, sizeof(path), "/sys/module/%s/parameters/enable_sriov",
		 strcmp(drv, "vfio-pci") ? "vfio_vconfig" : "vfio_pci");
	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -errno;
	if (write(fd, val, strlen(val)) < 0)
		ret = -errno;
	close(fd);
	return ret;
}

static size_t sysfs_config(const char *bdf, uint8_t *buf, size_t len)
{
	char path[256];
	ssize_t n;
	int fd;

	memset(buf, 0xff, len);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", bdf);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	n = pread(fd, buf, len, 0);
	close(fd);
	return n > 0 ? (size_t)n : 0;
}

static uint64_t sysfs_resource_size(const char *bdf, int bar)
{
	char path[256], line[128];
	unsigned long long start = 0, end = 0, flags = 0;
	FILE *f;
	int i;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource", bdf);
	f = fopen(path, "r");
	if (!f)
		return 0;
	for (i = 0; i <= bar && fgets(line, sizeof(line), f); i++)
		sscanf(line, "%llx %llx %llx", &start, &end, &flags);
	fclose(f);
	return end ? end - start + 1 : 0;
}

/* The driver bound to @bdf, "" when none, NULL when the device is gone. */
static const char *sysfs_driver(const char *bdf, char *buf, size_t len)
{
	char path[256];
	ssize_t n;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s", bdf);
	if (access(path, F_OK))
		return NULL;
	strcat(path, "/driver");
	n = readlink(path, buf, len - 1);
	if (n < 0)
		return "";
	buf[n] = '\0';
	return strrchr(buf, '/') ? strrchr(buf, '/') + 1 : buf;
}

static unsigned int find_ext_cap(const uint8_t *cfg, size_t size, uint16_t id)
{
	unsigned int pos = 0x100, guard;

	for (guard = 0; pos >= 0x100 && pos + 4 <= size && guard < 64; guard++) {
		uint32_t hdr;

		memcpy(&hdr, cfg + pos, 4);
		if (!hdr || hdr == 0xffffffff)
			return 0;
		if (PCI_EXT_CAP_ID(hdr) == id)
			return pos;
		pos = PCI_EXT_CAP_NEXT(hdr);
	}
	return 0;
}

/* ---- a minimal NVMe admin queue through VFIO ------------------------ */

struct nvme {
	struct vfio_dev *dev;
	uint8_t *va;
	uint64_t iova;
	uint32_t stride;
	uint16_t sq_tail, cq_head;
	uint8_t phase;
	uint16_t cid;
	int efd;		/* MSI-X vector 0, or -1 to poll */
};

struct nvme_sqe {
	uint32_t cdw0;
	uint32_t nsid;
	uint64_t rsvd;
	uint64_t mptr;
	uint64_t prp1;
	uint64_t prp2;
	uint32_t cdw10[6];
};

struct nvme_cqe {
	uint32_t result;
	uint32_t rsvd;
	uint16_t sq_head;
	uint16_t sq_id;
	uint16_t cid;
	uint16_t status;
};

static uint32_t bar0_rd(const struct vfio_dev *dev, uint32_t reg)
{
	uint32_t v = 0xffffffff;

	vfio_dev_bar_read32(dev, 0, reg, &v);
	return v;
}

static void bar0_wr64(const struct vfio_dev *dev, uint32_t reg, uint64_t v)
{
	vfio_dev_bar_write32(dev, 0, reg, (uint32_t)v);
	vfio_dev_bar_write32(dev, 0, reg + 4, (uint32_t)(v >> 32));
}

static int map_dma(struct vfio_dev *dev, uint64_t iova, uint8_t **va)
{
	struct vfio_iommu_type1_dma_map map = { .argsz = sizeof(map) };
	void *p = mmap(NULL, DMA_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return -1;
	memset(p, 0, DMA_SIZE);
	map.vaddr = (uintptr_t)p;
	map.iova = iova;
	map.size = DMA_SIZE;
	map.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE;
	if (ioctl(dev->container, VFIO_IOMMU_MAP_DMA, &map)) {
		munmap(p, DMA_SIZE);
		return -1;
	}
	*va = p;
	return 0;
}

static int wait_ready(const struct vfio_dev *dev, bool ready)
{
	uint64_t deadline = now_ms() + 5000;

	while (now_ms() < deadline) {
		uint32_t csts = bar0_rd(dev, NVME_REG_CSTS);

		if (csts == 0xffffffff)
			return -1;
		if ((csts & 1) == ready)
			return 0;
		usleep(1000);
	}
	return -1;
}

/* Memory decode and bus mastering on, through the config region. */
static int enable_decode(const struct vfio_dev *dev)
{
	uint16_t cmd = vfio_dev_cfg16(dev, PCI_COMMAND);

	cmd |= PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER;
	return vfio_dev_cfg_write(dev, PCI_COMMAND, &cmd, 2);
}

/* Disable, program the admin queues, enable. Returns 0 when ready. */
static int nvme_start(struct nvme *n)
{
	uint32_t cap_hi;

	if (enable_decode(n->dev))
		return -1;
	cap_hi = bar0_rd(n->dev, NVME_REG_CAP + 4);
	n->stride = 4u << (cap_hi & 0xf);
	vfio_dev_bar_write32(n->dev, 0, NVME_REG_CC, 0);
	if (wait_ready(n->dev, false))
		return -1;
	memset(n->va, 0, 2 * 4096);
	n->sq_tail = n->cq_head = 0;
	n->phase = 1;
	vfio_dev_bar_write32(n->dev, 0, NVME_REG_AQA,
			     (NVME_QDEPTH - 1) << 16 | (NVME_QDEPTH - 1));
	bar0_wr64(n->dev, NVME_REG_ASQ, n->iova);
	bar0_wr64(n->dev, NVME_REG_ACQ, n->iova + 4096);
	vfio_dev_bar_write32(n->dev, 0, NVME_REG_CC, 4u << 20 | 6u << 16 | 1);
	return wait_ready(n->dev, true);
}

static bool wait_event(int efd, int ms)
{
	struct pollfd pfd = { .fd = efd, .events = POLLIN };
	uint64_t v;

	if (poll(&pfd, 1, ms) != 1)
		return false;
	return read(efd, &v, sizeof(v)) == sizeof(v);
}

/*
 * Submit one admin command and wait for its completion. Returns the NVMe
 * status (0 = success), or -1 when nothing completed; *irq tells whether
 * the MSI-X eventfd fired.
 */
static int nvme_admin(struct nvme *n, struct nvme_sqe *cmd, uint32_t *result,
		      bool *irq)
{
	struct nvme_sqe *sq = (void *)n->va;
	volatile struct nvme_cqe *cq = (void *)(n->va + 4096);
	volatile struct nvme_cqe *cqe = &cq[n->cq_head];
	uint64_t deadline;
	uint16_t status;

	cmd->cdw0 = (cmd->cdw0 & 0xffff) | (uint32_t)++n->cid << 16;
	sq[n->sq_tail] = *cmd;
	n->sq_tail = (n->sq_tail + 1) % NVME_QDEPTH;
	__sync_synchronize();
	vfio_dev_bar_write32(n->dev, 0, 0x1000, n->sq_tail);

	if (irq)
		*irq = n->efd >= 0 && wait_event(n->efd, 3000);
	deadline = now_ms() + 3000;
	while ((cqe->status & 1) != n->phase && now_ms() < deadline)
		usleep(1000);
	if ((cqe->status & 1) != n->phase)
		return -1;
	status = cqe->status >> 1;
	if (result)
		*result = cqe->result;
	if (cqe->cid != n->cid)
		status = 0xffff;
	n->cq_head = (n->cq_head + 1) % NVME_QDEPTH;
	if (!n->cq_head)
		n->phase ^= 1;
	vfio_dev_bar_write32(n->dev, 0, 0x1000 + n->stride, n->cq_head);
	return status;
}

static int nvme_identify(struct nvme *n, uint32_t cdw10, bool *irq)
{
	struct nvme_sqe cmd = { .cdw0 = 0x06 };

	memset(n->va + 8192, 0, 4096);
	cmd.prp1 = n->iova + 8192;
	cmd.cdw10[0] = cdw10;
	return nvme_admin(n, &cmd, NULL, irq);
}

/* Virtualization Management: action, resource type, controller, count. */
static int nvme_virt_mgmt(struct nvme *n, unsigned int act, unsigned int rt,
			  uint16_t cntlid, uint16_t nr)
{
	struct nvme_sqe cmd = { .cdw0 = 0x1c };

	cmd.cdw10[0] = act | rt << 8 | (uint32_t)cntlid << 16;
	cmd.cdw10[1] = nr;
	return nvme_admin(n, &cmd, NULL, NULL);
}

/* ---- VFIO helpers --------------------------------------------------- */

static int get_fd_named(const struct vfio_dev *dev, const char *name)
{
	int fd = ioctl(dev->group, VFIO_GROUP_GET_DEVICE_FD, name);

	return fd < 0 ? -errno : fd;
}

static int feature(int fd, uint32_t flags, const void *data, size_t len)
{
	uint8_t buf[sizeof(struct vfio_device_feature) + 64];
	struct vfio_device_feature *f = (void *)buf;

	memset(buf, 0, sizeof(buf));
	f->argsz = sizeof(*f) + len;
	f->flags = flags;
	if (len)
		memcpy(f->data, data, len);
	return ioctl(fd, VFIO_DEVICE_FEATURE, f) ? -errno : 0;
}

static int parse_uuid(const char *s, uint8_t *out)
{
	int i, j = 0;

	for (i = 0; s[i] && j < 16; i++) {
		unsigned int b;

		if (s[i] == '-')
			continue;
		if (sscanf(s + i, "%2x", &b) != 1)
			return -1;
		out[j++] = b;
		i++;
	}
	return j == 16 ? 0 : -1;
}

/* ---- the checks ----------------------------------------------------- */

struct ctx {
	const char *pf_bdf;
	char vf_bdf[32];
	struct vfio_dev pf, vf;
	bool shared_group;	/* PF and VF in one IOMMU group */
	struct nvme pf_q, vf_q;
	uint8_t pf_cfg[4096];
	unsigned int sriov;	/* the PF's SR-IOV capability */
	uint16_t pf_cntlid, vf_cntlid;
};

static void check_vf_token_feature(struct ctx *c)
{
	uint8_t uuid[16];
	char reason[256] = "";
	int ret;

	parse_uuid(TOKEN_A, uuid);
	ret = feature(c->pf.fd, VFIO_DEVICE_FEATURE_PROBE | VFIO_DEVICE_FEATURE_SET |
		      VFIO_DEVICE_FEATURE_PCI_VF_TOKEN, NULL, 0);
	if (ret)
		NOTE("PROBE SET: %d", ret);
	ret = feature(c->pf.fd, VFIO_DEVICE_FEATURE_GET |
		      VFIO_DEVICE_FEATURE_PCI_VF_TOKEN, uuid, 16);
	if (ret != -EINVAL)
		NOTE("GET gave %d, expected -EINVAL (no reading back a token)", ret);
	ret = feature(c->pf.fd, VFIO_DEVICE_FEATURE_SET |
		      VFIO_DEVICE_FEATURE_PCI_VF_TOKEN, uuid, 8);
	if (ret != -EINVAL)
		NOTE("SET with 8 bytes gave %d, expected -EINVAL", ret);
	ret = feature(c->pf.fd, VFIO_DEVICE_FEATURE_SET |
		      VFIO_DEVICE_FEATURE_PCI_VF_TOKEN, uuid, 16);
	if (ret)
		NOTE("SET: %d", ret);
	verdict("vf-token-feature", reason);
}

/* PF admin queue; give the PF's flexible resources up for the VF. */
static int pf_prepare(struct ctx *c)
{
	char reason[256] = "";
	int st;

	c->pf_q.dev = &c->pf;
	c->pf_q.iova = 0x100000;
	c->pf_q.efd = -1;
	if (map_dma(&c->pf, c->pf_q.iova, &c->pf_q.va)) {
		fail("pf-admin", "MAP_DMA: %s", strerror(errno));
		return -1;
	}
	if (nvme_start(&c->pf_q)) {
		fail("pf-admin", "PF controller not ready, CSTS 0x%x",
		     bar0_rd(&c->pf, NVME_REG_CSTS));
		return -1;
	}
	st = nvme_identify(&c->pf_q, 1, NULL);
	if (st)
		NOTE("Identify Controller status %d", st);
	memcpy(&c->pf_cntlid, c->pf_q.va + 8192 + 78, 2);
	st = nvme_virt_mgmt(&c->pf_q, 1, 0, c->pf_cntlid, 0);
	if (!st)
		st = nvme_virt_mgmt(&c->pf_q, 1, 1, c->pf_cntlid, 0);
	if (st)
		NOTE("primary flexible allocation 0: status 0x%x", st);
	/* the primary's new allocation takes effect at its reset */
	if (!reason[0] && nvme_start(&c->pf_q))
		NOTE("PF controller not ready after its reset");
	verdict("pf-admin", reason);
	return reason[0] ? -1 : 0;
}

/* sriov_numvfs follows enable_sriov; the VF is captured by the driver. */
static int enable_vfs(struct ctx *c)
{
	char reason[256] = "", link[256], path[256], buf[256];
	const char *bound;
	ssize_t n;
	int ret;

	if (param_write("0"))
		NOTE("cannot clear enable_sriov");
	ret = sysfs_write(c->pf_bdf, "sriov_numvfs", "1");
	if (ret != -ENOENT)
		NOTE("sriov_numvfs=1 with enable_sriov=0 gave %d, expected -ENOENT", ret);
	if (param_write("1"))
		NOTE("cannot set enable_sriov");
	ret = sysfs_write(c->pf_bdf, "sriov_numvfs", "1");
	if (ret)
		NOTE("sriov_numvfs=1: %d", ret);
	verdict("numvfs-enable", reason);
	if (ret)
		return -1;

	reason[0] = '\0';
	ret = sysfs_write(c->pf_bdf, "sriov_numvfs", "1");
	if (ret)	/* the PCI core: the same count again is a no-op */
		NOTE("sriov_numvfs=1 again gave %d, expected 0", ret);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/virtfn0", c->pf_bdf);
	n = readlink(path, link, sizeof(link) - 1);
	if (n < 0) {
		fail("vf-captured", "no virtfn0 link");
		return -1;
	}
	link[n] = '\0';
	snprintf(c->vf_bdf, sizeof(c->vf_bdf), "%.31s",
		 strrchr(link, '/') ? strrchr(link, '/') + 1 : link);
	bound = sysfs_driver(c->vf_bdf, buf, sizeof(buf));
	if (!bound || strcmp(bound, drv))
		NOTE("VF %s bound to '%s', expected %s", c->vf_bdf,
		     bound ? bound : "(gone)", drv);
	verdict("vf-captured", reason);
	return 0;
}

static void check_vf_open(struct ctx *c)
{
	char reason[256] = "", name[128], why[256];
	int fd;

	if (vfio_dev_group_id(c->vf_bdf) == vfio_dev_group_id(c->pf_bdf)) {
		c->shared_group = true;
		c->vf = c->pf;
		c->vf.bdf = c->vf_bdf;
		c->vf.fd = -1;
	} else if (vfio_dev_attach(&c->vf, c->vf_bdf, why, sizeof(why))) {
		fail("vf-open", "%s", why);
		return;
	}
	fd = get_fd_named(&c->vf, c->vf_bdf);
	if (fd != -EACCES)
		NOTE("open without a token gave %d, expected -EACCES", fd);
	snprintf(name, sizeof(name), "%s vf_token=%s", c->vf_bdf, TOKEN_B);
	fd = get_fd_named(&c->vf, name);
	if (fd != -EACCES)
		NOTE("open with a wrong token gave %d, expected -EACCES", fd);
	snprintf(name, sizeof(name), "%s vf_token=not-a-uuid-at-all-not-a-uuid-at-al", c->vf_bdf);
	fd = get_fd_named(&c->vf, name);
	if (fd != -EINVAL)
		NOTE("open with a malformed token gave %d, expected -EINVAL", fd);
	snprintf(name, sizeof(name), "%s bogus=1", c->vf_bdf);
	fd = get_fd_named(&c->vf, name);
	if (fd != -EINVAL)
		NOTE("open with an unknown option gave %d, expected -EINVAL", fd);
	snprintf(name, sizeof(name), "%s vf_token=%s", c->vf_bdf, TOKEN_A);
	c->vf.fd = get_fd_named(&c->vf, name);
	if (c->vf.fd < 0) {
		NOTE("open with the PF's token: %d", c->vf.fd);
		verdict("vf-open", reason);
		return;
	}
	if (vfio_dev_load_info(&c->vf, why, sizeof(why)))
		NOTE("%s", why);
	verdict("vf-open", reason);

	/* the PF, while a VF is open, opens only with the same token */
	reason[0] = '\0';
	fd = get_fd_named(&c->pf, c->pf_bdf);
	if (fd != -EACCES)
		NOTE("PF open without a token gave %d, expected -EACCES", fd);
	if (fd >= 0)
		close(fd);
	snprintf(name, sizeof(name), "%s vf_token=%s", c->pf_bdf, TOKEN_B);
	fd = get_fd_named(&c->pf, name);
	if (fd != -EACCES)
		NOTE("PF open with a wrong token gave %d, expected -EACCES", fd);
	if (fd >= 0)
		close(fd);
	snprintf(name, sizeof(name), "%s vf_token=%s", c->pf_bdf, TOKEN_A);
	fd = get_fd_named(&c->pf, name);
	if (fd < 0)
		NOTE("PF open with the token: %d", fd);
	else
		close(fd);
	/* a VF has no token of its own */
	fd = feature(c->vf.fd, VFIO_DEVICE_FEATURE_PROBE | VFIO_DEVICE_FEATURE_SET |
		     VFIO_DEVICE_FEATURE_PCI_VF_TOKEN, NULL, 0);
	if (fd != -ENOTTY)
		NOTE("VF token feature PROBE on the VF gave %d, expected -ENOTTY", fd);
	verdict("pf-open-with-vf-users", reason);
}

/* IDs and BARs of a VF come from the PF and its SR-IOV capability. */
static void check_vf_config(struct ctx *c)
{
	char reason[256] = "", path[256];
	uint16_t vf_did, vendor, device;
	uint32_t bar, sized, want, vfbar0;
	uint64_t size;
	FILE *f;

	if (c->vf.fd < 0)
		return;
	memcpy(&vf_did, c->pf_cfg + c->sriov + PCI_SRIOV_VF_DID, 2);
	memcpy(&vfbar0, c->pf_cfg + c->sriov + PCI_SRIOV_BAR, 4);
	vendor = vfio_dev_cfg16(&c->vf, PCI_VENDOR_ID);
	device = vfio_dev_cfg16(&c->vf, PCI_DEVICE_ID);
	if (vendor != (c->pf_cfg[0] | c->pf_cfg[1] << 8))
		NOTE("VF Vendor ID 0x%04x, PF's is 0x%04x", vendor,
		     c->pf_cfg[0] | c->pf_cfg[1] << 8);
	if (device != vf_did)
		NOTE("VF Device ID 0x%04x, SR-IOV VF Device ID 0x%04x", device, vf_did);
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/device", c->vf_bdf);
	f = fopen(path, "r");
	if (f) {
		unsigned int sysdev = 0;

		if (fscanf(f, "%x", &sysdev) != 1 || sysdev != device)
			NOTE("VF Device ID 0x%04x, sysfs says 0x%04x", device, sysdev);
		fclose(f);
	}

	size = sysfs_resource_size(c->vf_bdf, 0);
	if (!size || c->vf.region[0].size != size)
		NOTE("BAR0 region size 0x%llx, sysfs 0x%llx",
		     (unsigned long long)c->vf.region[0].size, (unsigned long long)size);
	bar = vfio_dev_cfg32(&c->vf, PCI_BASE_ADDRESS_0);
	if ((bar & 0xf) != (vfbar0 & 0xf))
		NOTE("BAR0 flags 0x%x, SR-IOV VF BAR0 flags 0x%x", bar & 0xf, vfbar0 & 0xf);
	sized = 0xffffffff;
	vfio_dev_cfg_write(&c->vf, PCI_BASE_ADDRESS_0, &sized, 4);
	sized = vfio_dev_cfg32(&c->vf, PCI_BASE_ADDRESS_0);
	want = (uint32_t)~(size - 1) | (vfbar0 & 0xf);
	if (size && sized != want)
		NOTE("BAR0 sizes to 0x%08x, expected 0x%08x", sized, want);
	vfio_dev_cfg_write(&c->vf, PCI_BASE_ADDRESS_0, &bar, 4);
	if (vfio_dev_cfg32(&c->vf, PCI_BASE_ADDRESS_0) != bar)
		NOTE("BAR0 not restored");
	if (vfio_dev_cfg8(&c->vf, PCI_HEADER_TYPE) & 0x7f)
		NOTE("header type 0x%x", vfio_dev_cfg8(&c->vf, PCI_HEADER_TYPE));
	verdict("vf-config", reason);
}

/* Bring the VF's controller online from the PF, then Identify on the VF. */
static void check_vf_works(struct ctx *c)
{
	struct vfio_irq_info irq = { .argsz = sizeof(irq), .index = VFIO_PCI_MSIX_IRQ_INDEX };
	char reason[256] = "";
	uint8_t *list = c->pf_q.va + 8192, *e;
	uint16_t vfn = 0;
	bool fired = false;
	int st, i;

	if (c->vf.fd < 0)
		return;
	st = nvme_identify(&c->pf_q, 0x15, NULL);	/* secondary controllers */
	for (i = 0; !st && i < list[0] && i < 127; i++) {
		e = list + 32 + 32 * i;
		memcpy(&vfn, e + 8, 2);
		if (vfn == 1) {
			memcpy(&c->vf_cntlid, e, 2);
			break;
		}
	}
	if (st || vfn != 1) {
		fail("vf-online", "no secondary controller for VF 1 (status %d)", st);
		return;
	}
	st = nvme_virt_mgmt(&c->pf_q, 8, 1, c->vf_cntlid, 1);
	if (!st)
		st = nvme_virt_mgmt(&c->pf_q, 8, 0, c->vf_cntlid, 2);
	if (!st)
		st = nvme_virt_mgmt(&c->pf_q, 9, 0, c->vf_cntlid, 0);
	if (st) {
		fail("vf-online", "Virtualization Management status 0x%x", st);
		return;
	}
	pass("vf-online");

	if (ioctl(c->vf.fd, VFIO_DEVICE_GET_IRQ_INFO, &irq) || !irq.count)
		NOTE("VF MSI-X: %u vectors (%s)", irq.count, strerror(errno));
	c->vf_q.dev = &c->vf;
	c->vf_q.iova = 0x200000;
	c->vf_q.efd = eventfd(0, EFD_CLOEXEC);
	if (map_dma(&c->vf, c->vf_q.iova, &c->vf_q.va))
		NOTE("VF MAP_DMA: %s", strerror(errno));
	else if (vfio_dev_set_trigger(&c->vf, VFIO_PCI_MSIX_IRQ_INDEX, c->vf_q.efd))
		NOTE("VF SET_IRQS MSI-X: %s", strerror(errno));
	else if (nvme_start(&c->vf_q))
		NOTE("VF controller not ready, CSTS 0x%x", bar0_rd(&c->vf, NVME_REG_CSTS));
	else if ((st = nvme_identify(&c->vf_q, 1, &fired)))
		NOTE("VF Identify Controller status %d", st);
	else if (!fired)
		NOTE("VF Identify completed without an MSI-X event");
	else if (!c->vf_q.va[8192 + 4])
		NOTE("VF Identify returned an empty serial number");
	verdict("vf-identify-msix", reason);
}

/*
 * The PF may not leave D0 while VFs exist (both drivers: -EBUSY inside,
 * the PF stays in D0). A PF reset: vfio-pci runs it, vfio-vconfig refuses.
 */
static void check_pf_guards(struct ctx *c)
{
	char reason[256] = "";
	uint8_t cfg[256];
	unsigned int pm = 0, pos = c->pf_cfg[PCI_CAPABILITY_LIST] & ~3u, guard;
	uint16_t pmcsr;
	int ret;

	for (guard = 0; pos >= 0x40 && guard < 48; guard++) {
		if (c->pf_cfg[pos] == PCI_CAP_ID_PM) {
			pm = pos;
			break;
		}
		pos = c->pf_cfg[pos + 1] & ~3u;
	}
	if (pm) {
		pmcsr = vfio_dev_cfg16(&c->pf, pm + PCI_PM_CTRL);
		pmcsr = (pmcsr & ~PCI_PM_CTRL_STATE_MASK) | 3;
		vfio_dev_cfg_write(&c->pf, pm + PCI_PM_CTRL, &pmcsr, 2);
		sysfs_config(c->pf_bdf, cfg, sizeof(cfg));
		if (cfg[pm + PCI_PM_CTRL] & PCI_PM_CTRL_STATE_MASK)
			NOTE("PF entered D%u with a VF enabled",
			     cfg[pm + PCI_PM_CTRL] & PCI_PM_CTRL_STATE_MASK);
		pmcsr &= ~PCI_PM_CTRL_STATE_MASK;
		vfio_dev_cfg_write(&c->pf, pm + PCI_PM_CTRL, &pmcsr, 2);
	}
	if (c->vf.fd >= 0 && vfio_dev_cfg16(&c->vf, PCI_VENDOR_ID) == 0xffff)
		NOTE("VF config reads 0xffff after the PF's D3hot request");
	verdict("pf-d3hot-refused", reason);

	reason[0] = '\0';
	ret = ioctl(c->pf.fd, VFIO_DEVICE_RESET) ? -errno : 0;
	if (!strcmp(drv, "vfio-pci")) {
		/* the reference: recorded, not judged */
		printf("INFO vfio-pci:sriov:pf-reset: VFIO_DEVICE_RESET on the PF with a VF enabled returned %d; VF Vendor ID now 0x%04x\n",
		       ret, c->vf.fd >= 0 ? vfio_dev_cfg16(&c->vf, PCI_VENDOR_ID) : 0);
		return;
	}
	if (ret != -EBUSY)
		NOTE("VFIO_DEVICE_RESET on the PF gave %d, expected -EBUSY", ret);
	if (c->vf.fd >= 0 && !(bar0_rd(&c->vf, NVME_REG_CSTS) & 1))
		NOTE("the VF's controller is no longer ready");
	if (c->vf.fd >= 0 && nvme_identify(&c->vf_q, 1, NULL))
		NOTE("VF Identify fails after the refused PF reset");
	verdict("pf-reset-refused", reason);
}

/* VFs go away with sriov_numvfs 0, and the PF answers again. */
static void check_disable(struct ctx *c)
{
	char reason[256] = "", buf[256];
	int ret;

	if (c->vf.fd >= 0) {
		close(c->vf.fd);
		c->vf.fd = -1;
	}
	if (!c->shared_group)
		vfio_dev_close(&c->vf);
	ret = sysfs_write(c->pf_bdf, "sriov_numvfs", "0");
	if (ret)
		NOTE("sriov_numvfs=0: %d", ret);
	if (sysfs_driver(c->vf_bdf, buf, sizeof(buf)))
		NOTE("VF %s still present", c->vf_bdf);
	if (vfio_dev_cfg16(&c->pf, PCI_VENDOR_ID) != (c->pf_cfg[0] | c->pf_cfg[1] << 8))
		NOTE("PF config unreadable");
	verdict("numvfs-disable", reason);
}

int main(int argc, char **argv)
{
	struct ctx c = { 0 };
	char why[256];
	size_t size;

	if (argc != 3) {
		fprintf(stderr, "usage: %s PF_BDF DRIVER\n", argv[0]);
		return 2;
	}
	c.pf_bdf = argv[1];
	drv = argv[2];
	report_prefix("%s:sriov", drv);
	c.vf.fd = -1;

	size = sysfs_config(c.pf_bdf, c.pf_cfg, sizeof(c.pf_cfg));
	c.sriov = find_ext_cap(c.pf_cfg, size, PCI_EXT_CAP_ID_SRIOV);
	if (!c.sriov) {
		fail("setup", "%s has no SR-IOV capability", c.pf_bdf);
		return 1;
	}
	if (vfio_dev_open(&c.pf, c.pf_bdf, why, sizeof(why))) {
		fail("setup", "%s", why);
		return 1;
	}
	pass("pf-open");
	check_vf_token_feature(&c);
	if (pf_prepare(&c) || enable_vfs(&c))
		goto out;
	check_vf_open(&c);
	check_vf_config(&c);
	check_vf_works(&c);
	check_pf_guards(&c);
	check_disable(&c);
out:
	sysfs_write(c.pf_bdf, "sriov_numvfs", "0");
	param_write("0");
	vfio_dev_close(&c.pf);
	return failed ? 1 : 0;
}
