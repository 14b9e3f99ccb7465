// SPDX-License-Identifier: GPL-2.0
/*
 * vfio-sec-test: what a VFIO user must not be able to do to a PCI function,
 * checked on one function through the generic VFIO interfaces.
 *
 *   vfio-sec-test [-k] BDF KIND DRIVER
 *
 * revoke:  BAR mappings of every kind (the original, one moved by
 *          mremap(MAYMOVE|FIXED), the copy a fork()ed child holds, one
 *          through a second device fd, one mapped with MAP_FIXED over an
 *          older one) are touched, then memory decode goes away (Command
 *          Memory off, D3hot, FLR through config space, VFIO_DEVICE_RESET):
 *          no mapping may still reach the device, each access must raise
 *          SIGBUS and region access must fail with EIO.
 * rom:     no ROM read from a function in D3hot.
 * reset:   after every kind of reset (VFIO_DEVICE_RESET, FLR through config
 *          space, a resetting D3hot->D0) the virtual and the hardware
 *          INTx-disable bits agree; in config-action mode no host vector
 *          outlives the MSI-X Enable bit the reset cleared.
 * arm:     config-action SET_IRQS is all-or-nothing: a bad eventfd at the
 *          end of a block longer than 32 vectors arms nothing.
 *
 * An access after a revocation must raise SIGBUS or, where decode is back
 * on after a reset, take a fresh page fault (counted in ru_minflt); a read
 * that completes without a fault used a page table entry the revocation
 * missed.
 *
 * vfio-pci 6.1 is held to the same checks, except the moved and forked
 * mappings: it zaps those in ->open before their page tables are copied,
 * which warns in untrack_pfn (a kernel warning fails the guest run) and
 * leaves them live. -k runs them on vfio-pci too; a live one is then a
 * SKIP naming the hole (fixed upstream in 6.10), never a PASS. Output: one
 * "PASS|FAIL|SKIP DRIVER:KIND:check[: reason]" line per check.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <linux/pci_regs.h>
#include <linux/vfio.h>

#include "../../include/uapi/linux/vfio_vconfig.h"

#include "report.h"
#include "vfio-dev.h"

static const char *drv, *kind;
static bool is_vfio_pci;
static bool copies;	/* run the moved and forked mappings */
static bool known_holes;	/* -k: run on vfio-pci what is known to break it */

/* ---- mapping access that may fault ----------------------------------- */

/*
 * What one read through a mapping after a revocation did. A revoked
 * mapping either faults with SIGBUS (decode is off) or takes a fresh page
 * fault (decode came back, as after a reset); a read that completes
 * without a fault used a page table entry that outlived the revocation.
 */
static const char *const outcome_name[] = {
	[VFIO_PROBE_SIGBUS] = "SIGBUS",
	[VFIO_PROBE_FAULTED] = "a fresh fault",
	[VFIO_PROBE_STALE] = "the device reached without a fault",
	[VFIO_PROBE_OTHER_SIGNAL] = "a signal other than SIGBUS",
};

/* ---- config helpers --------------------------------------------------- */

static unsigned int find_cap(const struct vfio_dev *dev, uint8_t id)
{
	unsigned int pos, guard;

	if (!(vfio_dev_cfg16(dev, PCI_STATUS) & PCI_STATUS_CAP_LIST))
		return 0;
	pos = vfio_dev_cfg8(dev, PCI_CAPABILITY_LIST) & ~3u;
	for (guard = 0; pos >= 0x40 && guard < 48; guard++) {
		if (vfio_dev_cfg8(dev, pos) == id)
			return pos;
		pos = vfio_dev_cfg8(dev, pos + 1) & ~3u;
	}
	return 0;
}

static void cfg_put16(const struct vfio_dev *dev, unsigned int off, uint16_t v)
{
	vfio_dev_cfg_write(dev, off, &v, 2);
}

static void set_power(const struct vfio_dev *dev, unsigned int pm, unsigned int state)
{
	uint16_t ctrl = vfio_dev_cfg16(dev, pm + PCI_PM_CTRL);

	cfg_put16(dev, pm + PCI_PM_CTRL, (ctrl & ~PCI_PM_CTRL_STATE_MASK) | state);
	usleep(20000);
}

/* D0 with memory decode on: the state every check starts from. */
static void decode_on(const struct vfio_dev *dev, unsigned int pm)
{
	if (pm && (vfio_dev_cfg16(dev, pm + PCI_PM_CTRL) & PCI_PM_CTRL_STATE_MASK))
		set_power(dev, pm, 0);
	cfg_put16(dev, PCI_COMMAND, vfio_dev_cfg16(dev, PCI_COMMAND) | PCI_COMMAND_MEMORY);
}

/* ---- revoke ------------------------------------------------------------ */

enum map_kind { MAP_ORIG, MAP_MOVED, MAP_SECOND_FD, MAP_OVER, MAP_CHILD, NR_MAPS };

static const char *const map_name[NR_MAPS] = {
	[MAP_ORIG] = "original",
	[MAP_MOVED] = "mremap-moved",
	[MAP_SECOND_FD] = "second-fd",
	[MAP_OVER] = "mapped-over",
	[MAP_CHILD] = "forked-child",
};

enum trigger { TRIG_DECODE, TRIG_D3HOT, TRIG_FLR, TRIG_RESET, NR_TRIGGERS };

static const char *const trigger_name[NR_TRIGGERS] = {
	[TRIG_DECODE] = "decode-off",
	[TRIG_D3HOT] = "d3hot",
	[TRIG_FLR] = "config-flr",
	[TRIG_RESET] = "device-reset",
};

struct revoke_env {
	struct vfio_dev *dev;
	int fd2;			/* a second device fd */
	unsigned int pm, exp;		/* capability offsets, 0 when absent */
	bool flr, reset;
	bool copies;			/* also moved and forked mappings */
	size_t len;			/* bytes mapped per mapping */
};

/* Map the first pages of BAR0 through @fd, at @addr when not NULL. */
static volatile uint32_t *map_bar(const struct revoke_env *env, int fd, void *addr)
{
	void *p = mmap(addr, env->len, PROT_READ | PROT_WRITE,
		       MAP_SHARED | (addr ? MAP_FIXED : 0), fd,
		       env->dev->region[VFIO_PCI_BAR0_REGION_INDEX].offset);

	return p == MAP_FAILED ? NULL : p;
}

static int revoke_mappings(const struct revoke_env *env, enum trigger t)
{
	const struct vfio_dev *dev = env->dev;
	uint16_t devctl;

	switch (t) {
	case TRIG_DECODE:
		cfg_put16(dev, PCI_COMMAND,
			  vfio_dev_cfg16(dev, PCI_COMMAND) & ~PCI_COMMAND_MEMORY);
		return 0;
	case TRIG_D3HOT:
		set_power(dev, env->pm, 3);
		return 0;
	case TRIG_FLR:
		devctl = vfio_dev_cfg16(dev, env->exp + PCI_EXP_DEVCTL);
		cfg_put16(dev, env->exp + PCI_EXP_DEVCTL, devctl | PCI_EXP_DEVCTL_BCR_FLR);
		usleep(100000);
		return 0;
	case TRIG_RESET:
		return ioctl(dev->fd, VFIO_DEVICE_RESET);
	default:
		return -1;
	}
}

/*
 * After decode off or D3hot every access must raise SIGBUS. After an FLR
 * or a reset, the Command register comes back with memory decode on (it
 * is restored, or its reset value is the one of open, where decode was on)
 * so an access may fault the page in again; it must never find the old
 * page table entry.
 */
static bool decode_stays_off(enum trigger t)
{
	return t == TRIG_DECODE || t == TRIG_D3HOT;
}

static bool outcome_ok(enum trigger t, enum vfio_dev_probe o)
{
	return o == VFIO_PROBE_SIGBUS || (o == VFIO_PROBE_FAULTED && !decode_stays_off(t));
}

/* Child: wait for the go, probe its inherited mappings, report the
 * outcome of each, one byte per mapping. */
static void child_probe(volatile uint32_t **maps, int go, int result)
{
	uint8_t out[MAP_CHILD], c;
	int i;

	if (read(go, &c, 1) != 1)
		_exit(2);
	for (i = 0; i < MAP_CHILD; i++)
		out[i] = maps[i] ? vfio_dev_probe_outcome(maps[i]) : VFIO_PROBE_SIGBUS;
	if (write(result, out, sizeof(out)) != sizeof(out))
		_exit(2);
	_exit(0);
}

static void revoke_one(struct revoke_env *env, enum trigger t)
{
	volatile uint32_t *maps[NR_MAPS] = { 0 };
	struct vfio_dev *dev = env->dev;
	char check[96], why[256] = "";
	int go[2] = { -1, -1 }, res[2] = { -1, -1 };
	enum vfio_dev_probe outcome[NR_MAPS] = { VFIO_PROBE_SIGBUS };
	uint8_t child_out[MAP_CHILD];
	pid_t child = -1;
	void *target;
	uint32_t v;
	int i, sig;

	decode_on(dev, env->pm);

	maps[MAP_ORIG] = map_bar(env, dev->fd, NULL);
	if (env->copies)
		maps[MAP_MOVED] = map_bar(env, dev->fd, NULL);
	maps[MAP_SECOND_FD] = map_bar(env, env->fd2, NULL);
	maps[MAP_OVER] = map_bar(env, dev->fd, NULL);
	for (i = 0; i < MAP_CHILD; i++) {
		if (i == MAP_MOVED && !env->copies)
			continue;
		if (!maps[i]) {
			snprintf(why, sizeof(why), "mmap %s: %s", map_name[i], strerror(errno));
			goto out;
		}
		if (vfio_dev_probe_read(maps[i], &v)) {
			snprintf(why, sizeof(why), "%s faulted with decode on", map_name[i]);
			goto out;
		}
	}

	/* Mapped over: a populated mapping replaced in place by a new one,
	 * itself populated. */
	if (map_bar(env, dev->fd, (void *)maps[MAP_OVER]) != maps[MAP_OVER] ||
	    vfio_dev_probe_read(maps[MAP_OVER], &v)) {
		snprintf(why, sizeof(why), "MAP_FIXED over a mapping: %s", strerror(errno));
		goto out;
	}

	if (!env->copies)
		goto revoke;

	/* Moved: populated, then moved onto a reserved range. */
	target = mmap(NULL, env->len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (target == MAP_FAILED ||
	    mremap((void *)maps[MAP_MOVED], env->len, env->len,
		   MREMAP_MAYMOVE | MREMAP_FIXED, target) != target) {
		snprintf(why, sizeof(why), "mremap: %s", strerror(errno));
		goto out;
	}
	maps[MAP_MOVED] = target;
	vfio_dev_probe_read(maps[MAP_MOVED], &v);

	/* Forked: the child inherits every populated mapping. */
	if (pipe(go) || pipe(res)) {
		snprintf(why, sizeof(why), "pipe: %s", strerror(errno));
		goto out;
	}
	child = fork();
	if (child == 0)
		child_probe(maps, go[0], res[1]);
	if (child < 0) {
		snprintf(why, sizeof(why), "fork: %s", strerror(errno));
		goto out;
	}

revoke:
	if (revoke_mappings(env, t)) {
		snprintf(why, sizeof(why), "%s: %s", trigger_name[t], strerror(errno));
		goto out;
	}

	for (i = 0; i < MAP_CHILD; i++)
		if (maps[i])
			outcome[i] = vfio_dev_probe_outcome(maps[i]);
	if (decode_stays_off(t)) {
		errno = 0;
		if (vfio_dev_bar_read32(dev, 0, 0, &v) == 0 || errno != EIO)
			snprintf(why, sizeof(why), "region read after %s: %s",
				 trigger_name[t], errno ? strerror(errno) : "succeeded");
	}
	if (!env->copies)
		goto out;
	if (write(go[1], "g", 1) != 1 ||
	    read(res[0], child_out, sizeof(child_out)) != sizeof(child_out)) {
		snprintf(why, sizeof(why), "child did not report");
		goto out;
	}
	/* the child's own mappings: the worst outcome among them */
	outcome[MAP_CHILD] = VFIO_PROBE_SIGBUS;
	for (i = 0; i < MAP_CHILD; i++)
		if (!outcome_ok(t, child_out[i]))
			outcome[MAP_CHILD] = child_out[i];

out:
	if (child > 0) {
		if (go[1] >= 0 && why[0])
			kill(child, SIGKILL);
		waitpid(child, NULL, 0);
	}
	for (i = 0; i < 2; i++) {
		if (go[i] >= 0)
			close(go[i]);
		if (res[i] >= 0)
			close(res[i]);
	}

	snprintf(check, sizeof(check), "revoke:%s", trigger_name[t]);
	if (why[0]) {
		fail(check, "%s", why);
	} else {
		for (i = 0; i < NR_MAPS; i++) {
			char sub[128];

			snprintf(sub, sizeof(sub), "%s:%s", check, map_name[i]);
			if (!env->copies && (i == MAP_MOVED || i == MAP_CHILD))
				skip(sub, "not run on %s (-k runs it): vfio-pci 6.1 zaps the copy in ->open before its page tables are copied, warns in untrack_pfn and leaves the copy live",
				     drv);
			else if (outcome_ok(t, outcome[i]))
				pass(sub);
			else if (is_vfio_pci && outcome[i] == VFIO_PROBE_STALE &&
				 (i == MAP_MOVED || i == MAP_CHILD))
				skip(sub, "%s after %s (vfio-pci 6.1 hole, zapped through the address space since 6.10)",
				     outcome_name[outcome[i]], trigger_name[t]);
			else
				fail(sub, "%s after %s", outcome_name[outcome[i]],
				     trigger_name[t]);
		}
	}

	/* Decode back on: the original mapping faults in again and works. */
	decode_on(dev, env->pm);
	snprintf(check, sizeof(check), "revoke:%s:restored", trigger_name[t]);
	if (!maps[MAP_ORIG])
		;
	else if ((sig = vfio_dev_probe_read(maps[MAP_ORIG], &v)))
		fail(check, "the mapping faults (signal %d) with decode back on", sig);
	else
		pass(check);

	for (i = 0; i < MAP_CHILD; i++)
		if (maps[i])
			munmap((void *)maps[i], env->len);
}

static void check_revoke(struct vfio_dev *dev)
{
	struct revoke_env env = { .dev = dev, .len = 2 * 4096, .copies = copies };
	int t;

	if (!(dev->region[VFIO_PCI_BAR0_REGION_INDEX].flags & VFIO_REGION_INFO_FLAG_MMAP)) {
		skip("revoke", "BAR0 cannot be mapped");
		return;
	}
	if (env.len > dev->region[VFIO_PCI_BAR0_REGION_INDEX].size)
		env.len = 4096;
	env.fd2 = vfio_dev_get_fd(dev);
	if (env.fd2 < 0) {
		fail("revoke", "second GET_DEVICE_FD: %s", strerror(errno));
		return;
	}
	env.pm = find_cap(dev, PCI_CAP_ID_PM);
	env.exp = find_cap(dev, PCI_CAP_ID_EXP);
	env.flr = env.exp && (vfio_dev_cfg32(dev, env.exp + PCI_EXP_DEVCAP) & PCI_EXP_DEVCAP_FLR);
	env.reset = dev->info.flags & VFIO_DEVICE_FLAGS_RESET;

	for (t = 0; t < NR_TRIGGERS; t++) {
		if ((t == TRIG_D3HOT && !env.pm) || (t == TRIG_FLR && !env.flr) ||
		    (t == TRIG_RESET && !env.reset))
			continue;
		revoke_one(&env, t);
	}
	close(env.fd2);
}

/* ---- ROM -------------------------------------------------------------- */

static void check_rom_d3hot(struct vfio_dev *dev)
{
	struct vfio_region_info *rom = &dev->region[VFIO_PCI_ROM_REGION_INDEX];
	unsigned int pm = find_cap(dev, PCI_CAP_ID_PM);
	uint8_t buf[4];
	ssize_t n;

	if (!rom->size || !pm)
		return;
	decode_on(dev, pm);
	set_power(dev, pm, 3);
	errno = 0;
	n = pread(dev->fd, buf, sizeof(buf), rom->offset);
	decode_on(dev, pm);
	if (n >= 0)
		fail("rom:d3hot", "a ROM read from D3hot returned %zd bytes", n);
	else if (errno != EIO)
		fail("rom:d3hot", "%s, expected EIO", strerror(errno));
	else
		pass("rom:d3hot");
}

/* ---- interrupt state across resets ------------------------------------ */

/* Command as the PCI core reads it from the function (sysfs). */
static int hw_command(const char *bdf, uint16_t *cmd)
{
	char path[128];
	int fd, ok;

	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/config", bdf);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ok = pread(fd, cmd, 2, PCI_COMMAND) == 2;
	close(fd);
	return ok ? 0 : -1;
}

enum reset_kind { RESET_IOCTL, RESET_FLR, RESET_PM, NR_RESETS };

static const char *const reset_name[NR_RESETS] = {
	[RESET_IOCTL] = "device-reset",
	[RESET_FLR] = "config-flr",
	[RESET_PM] = "d3hot-d0",
};

/* Reset the function one way; 1 when this function has no such reset. */
static int do_reset(const struct vfio_dev *dev, enum reset_kind r)
{
	unsigned int pm = find_cap(dev, PCI_CAP_ID_PM);
	unsigned int exp = find_cap(dev, PCI_CAP_ID_EXP);

	switch (r) {
	case RESET_IOCTL:
		if (!(dev->info.flags & VFIO_DEVICE_FLAGS_RESET))
			return 1;
		return ioctl(dev->fd, VFIO_DEVICE_RESET) ? -1 : 0;
	case RESET_FLR:
		if (!exp || !(vfio_dev_cfg32(dev, exp + PCI_EXP_DEVCAP) & PCI_EXP_DEVCAP_FLR))
			return 1;
		cfg_put16(dev, exp + PCI_EXP_DEVCTL,
			  vfio_dev_cfg16(dev, exp + PCI_EXP_DEVCTL) | PCI_EXP_DEVCTL_BCR_FLR);
		usleep(100000);
		return 0;
	case RESET_PM:
		/* only a function without No_Soft_Reset resets on D3hot->D0 */
		if (!pm || (vfio_dev_cfg16(dev, pm + PCI_PM_CTRL) & PCI_PM_CTRL_NO_SOFT_RESET))
			return 1;
		set_power(dev, pm, 3);
		set_power(dev, pm, 0);
		return 0;
	default:
		return 1;
	}
}

static void check_intx_after_reset(struct vfio_dev *dev)
{
	int r;

	for (r = 0; r < NR_RESETS; r++) {
		uint16_t virt, hw;
		char check[64];
		int ret;

		snprintf(check, sizeof(check), "reset:%s:intx-disable", reset_name[r]);
		cfg_put16(dev, PCI_COMMAND,
			  vfio_dev_cfg16(dev, PCI_COMMAND) | PCI_COMMAND_INTX_DISABLE);
		ret = do_reset(dev, r);
		if (ret > 0) {
			cfg_put16(dev, PCI_COMMAND,
				  vfio_dev_cfg16(dev, PCI_COMMAND) & ~PCI_COMMAND_INTX_DISABLE);
			continue;
		}
		virt = vfio_dev_cfg16(dev, PCI_COMMAND);
		if (ret < 0)
			fail(check, "%s: %s", reset_name[r], strerror(errno));
		else if (hw_command(dev->bdf, &hw))
			fail(check, "cannot read the hardware Command register");
		else if ((virt ^ hw) & PCI_COMMAND_INTX_DISABLE)
			fail(check, "virtual Command 0x%04x, hardware 0x%04x: INTx-disable disagrees",
			       virt, hw);
		else
			pass(check);
		cfg_put16(dev, PCI_COMMAND, vfio_dev_cfg16(dev, PCI_COMMAND) & ~PCI_COMMAND_INTX_DISABLE);
		decode_on(dev, find_cap(dev, PCI_CAP_ID_PM));
	}
}

/* ---- config-action mode (vfio-vconfig only) ---------------------------- */

static int action_feature(const struct vfio_dev *dev, uint32_t flags,
			  struct vfio_device_feature_vconfig_action *act)
{
	struct {
		struct vfio_device_feature hdr;
		struct vfio_device_feature_vconfig_action act;
	} buf;

	memset(&buf, 0, sizeof(buf));
	buf.hdr.argsz = sizeof(buf);
	buf.hdr.flags = flags | VFIO_DEVICE_FEATURE_VCONFIG_ACTION;
	buf.act = *act;
	if (ioctl(dev->fd, VFIO_DEVICE_FEATURE, &buf))
		return -1;
	*act = buf.act;
	return 0;
}

static int action_mode(const struct vfio_dev *dev, uint32_t mode)
{
	struct vfio_device_feature_vconfig_action act = { .mode = mode };

	return action_feature(dev, VFIO_DEVICE_FEATURE_SET, &act);
}

static struct vfio_device_feature_vconfig_action action_state(const struct vfio_dev *dev)
{
	struct vfio_device_feature_vconfig_action act = { 0 };

	action_feature(dev, VFIO_DEVICE_FEATURE_GET, &act);
	return act;
}

/* SET_IRQS of @count eventfds on MSI-X starting at 0; fds[i] = fd except
 * the last, which is @last. */
static int arm_msix(const struct vfio_dev *dev, unsigned int count, int fd, int last)
{
	size_t size = sizeof(struct vfio_irq_set) + count * sizeof(int32_t);
	struct vfio_irq_set *set = calloc(1, size);
	int32_t *fds = (int32_t *)set->data;
	unsigned int i;
	int ret;

	set->argsz = size;
	set->flags = VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER;
	set->index = VFIO_PCI_MSIX_IRQ_INDEX;
	set->count = count;
	for (i = 0; i < count; i++)
		fds[i] = i + 1 == count ? last : fd;
	ret = ioctl(dev->fd, VFIO_DEVICE_SET_IRQS, set);
	free(set);
	return ret;
}

static unsigned int msix_count(const struct vfio_dev *dev)
{
	struct vfio_irq_info info = {
		.argsz = sizeof(info), .index = VFIO_PCI_MSIX_IRQ_INDEX,
	};

	return ioctl(dev->fd, VFIO_DEVICE_GET_IRQ_INFO, &info) ? 0 : info.count;
}

static void check_action(struct vfio_dev *dev)
{
	unsigned int msix = find_cap(dev, PCI_CAP_ID_MSIX);
	unsigned int n = msix_count(dev);
	struct vfio_device_feature_vconfig_action act;
	int efd, bad, r;

	if (is_vfio_pci || !msix || !n)
		return;
	efd = eventfd(0, EFD_CLOEXEC);
	bad = open("/dev/null", O_RDONLY | O_CLOEXEC);
	if (action_mode(dev, VFIO_VCONFIG_MODE_ACTION)) {
		fail("action", "config-action mode: %s", strerror(errno));
		goto out;
	}

	/* A bad fd at the end of the block arms nothing. */
	if (n > 32) {
		errno = 0;
		if (arm_msix(dev, n, efd, bad) == 0)
			fail("arm:bad-fd-last", "SET_IRQS with a bad eventfd succeeded");
		else if ((act = action_state(dev)).msix_armed)
			fail("arm:bad-fd-last", "%u of %u slots armed by a failed SET_IRQS",
			       act.msix_armed, n);
		else
			pass("arm:bad-fd-last");
	}

	/* Host vectors do not outlive the MSI-X Enable bit a reset cleared. */
	for (r = 0; r < NR_RESETS; r++) {
		char check[64];
		uint16_t ctrl;
		int ret;

		snprintf(check, sizeof(check), "reset:%s:action-vectors", reset_name[r]);
		if (arm_msix(dev, n, efd, efd)) {
			fail(check, "arm: %s", strerror(errno));
			break;
		}
		decode_on(dev, find_cap(dev, PCI_CAP_ID_PM));
		ctrl = vfio_dev_cfg16(dev, msix + PCI_MSIX_FLAGS) & ~PCI_MSIX_FLAGS_ENABLE;
		cfg_put16(dev, msix + PCI_MSIX_FLAGS, ctrl);
		cfg_put16(dev, msix + PCI_MSIX_FLAGS, ctrl | PCI_MSIX_FLAGS_ENABLE);
		if ((act = action_state(dev)).active_vectors != n) {
			fail(check, "MSI-X enable gave %u host vectors, expected %u",
			       act.active_vectors, n);
			break;
		}
		ret = do_reset(dev, r);
		ctrl = vfio_dev_cfg16(dev, msix + PCI_MSIX_FLAGS);
		act = action_state(dev);
		if (ret < 0)
			fail(check, "%s", strerror(errno));
		else if (ret == 0 && (ctrl & PCI_MSIX_FLAGS_ENABLE))
			fail(check, "MSI-X Enable still reads 1 after the reset");
		else if (ret == 0 && act.active_vectors)
			fail(check, "MSI-X Enable reads 0, %u host vectors still live",
			       act.active_vectors);
		else if (ret == 0)
			pass(check);
		/* disable and disarm: releases whatever is still live */
		cfg_put16(dev, msix + PCI_MSIX_FLAGS,
			  vfio_dev_cfg16(dev, msix + PCI_MSIX_FLAGS) & ~PCI_MSIX_FLAGS_ENABLE);
		vfio_dev_set_trigger(dev, VFIO_PCI_MSIX_IRQ_INDEX, -1);
	}
	if (action_mode(dev, VFIO_VCONFIG_MODE_VFIO))
		fail("action", "back to VFIO mode: %s", strerror(errno));
out:
	close(efd);
	close(bad);
	decode_on(dev, find_cap(dev, PCI_CAP_ID_PM));
}

/*
 * VFIO_DEVICE_IOEVENTFD at offsets whose region index is negative as a
 * signed int: refused with EINVAL. vfio-pci 6.1 oopses on them (it takes
 * the index as an int), so it is skipped there unless -k.
 */
static void check_ioeventfd_offsets(struct vfio_dev *dev)
{
	static const uint64_t offsets[] = {
		0xffffffffffe98241ull, 0x8000000000000000ull, 0xffffff0000000000ull,
	};
	struct vfio_device_ioeventfd ev = {
		.argsz = sizeof(ev),
		.flags = VFIO_DEVICE_IOEVENTFD_32,
		.fd = -1,
	};
	unsigned int i;

	if (is_vfio_pci && !known_holes) {
		skip("ioeventfd:negative-index", "vfio-pci 6.1 oopses on these offsets (-k runs it)");
		return;
	}
	for (i = 0; i < sizeof(offsets) / sizeof(offsets[0]); i++) {
		ev.offset = offsets[i];
		if (ioctl(dev->fd, VFIO_DEVICE_IOEVENTFD, &ev) == 0 || errno != EINVAL) {
			fail("ioeventfd:negative-index", "offset 0x%llx: %s, expected EINVAL",
			     (unsigned long long)ev.offset, strerror(errno));
			return;
		}
	}
	pass("ioeventfd:negative-index");
}

int main(int argc, char **argv)
{
	struct vfio_dev dev;
	char why[256];
	int opt;

	while ((opt = getopt(argc, argv, "k")) != -1) {
		if (opt != 'k')
			goto usage;
		known_holes = true;
	}
	if (argc - optind != 3)
		goto usage;
	kind = argv[optind + 1];
	drv = argv[optind + 2];
	report_prefix("%s:%s", drv, kind);
	is_vfio_pci = !strcmp(drv, "vfio-pci");
	copies = !is_vfio_pci || known_holes;
	if (vfio_dev_open(&dev, argv[optind], why, sizeof(why))) {
		fail("open", "%s", why);
		return 1;
	}

	check_revoke(&dev);
	check_rom_d3hot(&dev);
	check_intx_after_reset(&dev);
	check_action(&dev);
	check_ioeventfd_offsets(&dev);

	vfio_dev_close(&dev);
	return failed ? 1 : 0;
usage:
	fprintf(stderr, "usage: %s [-k] BDF KIND DRIVER\n", argv[0]);
	return 2;
}
