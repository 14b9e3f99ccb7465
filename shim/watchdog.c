// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: the watchdog core, bridged to the host as /dev/watchdogN
 * through CUSE (character devices in userspace, libfuse3), so that stock
 * tools (busybox watchdog, systemd) drive the ported driver.
 *
 * The device follows drivers/watchdog/watchdog_dev.c: one opener at a
 * time; open starts the watchdog; every write pings, and a 'V' in it arms
 * the magic close; the WDIOC_* ioctls; a release without the magic close
 * (or with nowayout) leaves it running, so it fires unless pinged. Needs
 * the cuse module and access to /dev/cuse.
 */
#define FUSE_USE_VERSION 31
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cuse_lowlevel.h>
#include <fuse_lowlevel.h>

#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/mutex.h>
#include <linux/reboot.h>
#include <linux/watchdog.h>

#include "shim.h"

#define MAX_WATCHDOGS	32

struct watchdog_core_data {
	struct watchdog_device *wdd;
	struct mutex lock;
	bool open;
	bool expect_close;	/* a 'V' was written */
	struct fuse_session *se;
	pthread_t thread;
	char devname[40];
};

static unsigned long ids_used;
static DEFINE_MUTEX(ids_lock);

static int wd_ping(struct watchdog_device *wdd)
{
	if (!watchdog_active(wdd) && !watchdog_hw_running(wdd))
		return 0;
	return wdd->ops->ping ? wdd->ops->ping(wdd) : wdd->ops->start(wdd);
}

static int wd_start(struct watchdog_device *wdd)
{
	int ret;

	if (watchdog_active(wdd))
		return 0;
	ret = watchdog_hw_running(wdd) && wdd->ops->ping ? wdd->ops->ping(wdd) :
							   wdd->ops->start(wdd);
	if (!ret)
		set_bit(WDOG_ACTIVE, &wdd->status);
	return ret;
}

static int wd_stop(struct watchdog_device *wdd)
{
	int ret = 0;

	if (!watchdog_active(wdd))
		return 0;
	if (test_bit(WDOG_NO_WAY_OUT, &wdd->status)) {
		pr_info("watchdog%d: nowayout prevents watchdog being stopped!\n", wdd->id);
		return -EBUSY;
	}
	if (wdd->ops->stop) {
		clear_bit(WDOG_HW_RUNNING, &wdd->status);
		ret = wdd->ops->stop(wdd);
	} else {
		set_bit(WDOG_HW_RUNNING, &wdd->status);
	}
	if (!ret)
		clear_bit(WDOG_ACTIVE, &wdd->status);
	return ret;
}

static int wd_set_timeout(struct watchdog_device *wdd, unsigned int timeout)
{
	int ret = 0;

	if (!(wdd->info->options & WDIOF_SETTIMEOUT))
		return -EOPNOTSUPP;
	if (watchdog_timeout_invalid(wdd, timeout))
		return -EINVAL;
	if (wdd->ops->set_timeout)
		ret = wdd->ops->set_timeout(wdd, timeout);
	else
		wdd->timeout = timeout;
	return ret;
}

static unsigned int wd_status(struct watchdog_device *wdd)
{
	unsigned int status = wdd->ops->status ? wdd->ops->status(wdd) :
			      wdd->bootstatus & (WDIOF_CARDRESET | WDIOF_OVERHEAT |
						 WDIOF_FANFAULT | WDIOF_EXTERN1 |
						 WDIOF_EXTERN2 | WDIOF_POWERUNDER |
						 WDIOF_POWEROVER);

	if (wdd->wd_data->expect_close)
		status |= WDIOF_MAGICCLOSE;
	return status;
}

/* ---- the character device, through CUSE ---- */

static struct watchdog_core_data *wd_of(fuse_req_t req)
{
	return fuse_req_userdata(req);
}

static void wd_open(fuse_req_t req, struct fuse_file_info *fi)
{
	struct watchdog_core_data *wd = wd_of(req);
	int ret;

	mutex_lock(&wd->lock);
	if (wd->open) {
		mutex_unlock(&wd->lock);
		fuse_reply_err(req, EBUSY);
		return;
	}
	ret = wd_start(wd->wdd);
	if (!ret)
		wd->open = true;
	mutex_unlock(&wd->lock);
	if (ret)
		fuse_reply_err(req, -ret);
	else
		fuse_reply_open(req, fi);
}

static void wd_release(fuse_req_t req, struct fuse_file_info *fi)
{
	struct watchdog_core_data *wd = wd_of(req);
	struct watchdog_device *wdd = wd->wdd;
	int ret = -EBUSY;

	(void)fi;
	mutex_lock(&wd->lock);
	if (!watchdog_active(wdd))
		ret = 0;
	else if (wd->expect_close || !(wdd->info->options & WDIOF_MAGICCLOSE))
		ret = wd_stop(wdd);
	if (ret < 0)
		pr_crit("watchdog%d: watchdog did not stop!\n", wdd->id);
	wd->expect_close = false;
	wd->open = false;
	mutex_unlock(&wd->lock);
	fuse_reply_err(req, 0);
}

static void wd_write(fuse_req_t req, const char *buf, size_t len, off_t off,
		     struct fuse_file_info *fi)
{
	struct watchdog_core_data *wd = wd_of(req);
	size_t i;
	int ret;

	(void)off, (void)fi;
	mutex_lock(&wd->lock);
	wd->expect_close = false;
	for (i = 0; i < len; i++)
		if (buf[i] == 'V')
			wd->expect_close = true;
	ret = len ? wd_ping(wd->wdd) : 0;
	mutex_unlock(&wd->lock);
	if (ret < 0)
		fuse_reply_err(req, -ret);
	else
		fuse_reply_write(req, len);
}

static void wd_read(fuse_req_t req, size_t size, off_t off, struct fuse_file_info *fi)
{
	(void)size, (void)off, (void)fi;
	fuse_reply_buf(req, NULL, 0);
}

/* The user memory an ioctl reads (in) and writes (out). */
static void ioctl_sizes(unsigned int cmd, size_t *in, size_t *out)
{
	*in = *out = sizeof(int);
	switch (cmd) {
	case WDIOC_GETSUPPORT:
		*in = 0;
		*out = sizeof(struct watchdog_info);
		break;
	case WDIOC_GETSTATUS:
	case WDIOC_GETBOOTSTATUS:
	case WDIOC_GETTEMP:
	case WDIOC_GETTIMEOUT:
	case WDIOC_GETTIMELEFT:
	case WDIOC_GETPRETIMEOUT:
	case WDIOC_KEEPALIVE:
		*in = 0;
		break;
	case WDIOC_SETOPTIONS:
		*out = 0;
		break;
	}
}

static bool needs_retry(fuse_req_t req, unsigned int cmd, void *arg,
			size_t in_bufsz, size_t out_bufsz)
{
	struct iovec in_iov = { arg, 0 }, out_iov = { arg, 0 };

	ioctl_sizes(cmd, &in_iov.iov_len, &out_iov.iov_len);
	if (in_bufsz >= in_iov.iov_len && out_bufsz >= out_iov.iov_len)
		return false;
	fuse_reply_ioctl_retry(req, in_iov.iov_len ? &in_iov : NULL, !!in_iov.iov_len,
			       out_iov.iov_len ? &out_iov : NULL, !!out_iov.iov_len);
	return true;
}

static void reply_int(fuse_req_t req, int ret, unsigned int val)
{
	if (ret < 0)
		fuse_reply_err(req, -ret);
	else
		fuse_reply_ioctl(req, 0, &val, sizeof(val));
}

static void wd_ioctl(fuse_req_t req, int cmd, void *arg, struct fuse_file_info *fi,
		     unsigned int flags, const void *in_buf, size_t in_bufsz,
		     size_t out_bufsz)
{
	struct watchdog_core_data *wd = wd_of(req);
	struct watchdog_device *wdd = wd->wdd;
	unsigned int val = 0;
	int ret = 0;

	(void)fi, (void)flags;
	/*
	 * Unrestricted ioctls: the kernel passes no data at first; ask for the
	 * argument as watchdog_dev.c's get_user()/put_user() use it (the
	 * WDIOC_* direction bits are not reliable: WDIOC_SETOPTIONS is _IOR).
	 */
	if (needs_retry(req, (unsigned int)cmd, arg, in_bufsz, out_bufsz))
		return;
	if (in_bufsz >= sizeof(val))
		memcpy(&val, in_buf, sizeof(val));
	mutex_lock(&wd->lock);
	if (wdd->ops->ioctl) {
		ret = wdd->ops->ioctl(wdd, cmd, (unsigned long)&val);
		if (ret != -ENOIOCTLCMD) {
			mutex_unlock(&wd->lock);
			reply_int(req, ret, val);
			return;
		}
		ret = 0;
	}
	switch ((unsigned int)cmd) {
	case WDIOC_GETSUPPORT:
		mutex_unlock(&wd->lock);
		fuse_reply_ioctl(req, 0, wdd->info, sizeof(*wdd->info));
		return;
	case WDIOC_GETSTATUS:
		val = wd_status(wdd);
		break;
	case WDIOC_GETBOOTSTATUS:
		val = wdd->bootstatus;
		break;
	case WDIOC_SETOPTIONS:
		if (val & WDIOS_DISABLECARD)
			ret = wd_stop(wdd);
		if (!ret && (val & WDIOS_ENABLECARD))
			ret = wd_start(wdd);
		break;
	case WDIOC_KEEPALIVE:
		ret = (wdd->info->options & WDIOF_KEEPALIVEPING) ? wd_ping(wdd) : -EOPNOTSUPP;
		break;
	case WDIOC_SETTIMEOUT:
		ret = wd_set_timeout(wdd, val);
		if (!ret)
			ret = wd_ping(wdd);
		val = wdd->timeout;
		break;
	case WDIOC_GETTIMEOUT:
		if (!wdd->timeout)
			ret = -EOPNOTSUPP;
		val = wdd->timeout;
		break;
	case WDIOC_GETTIMELEFT:
		if (!wdd->ops->get_timeleft)
			ret = -EOPNOTSUPP;
		else
			val = wdd->ops->get_timeleft(wdd);
		break;
	case WDIOC_SETPRETIMEOUT:
		if (watchdog_pretimeout_invalid(wdd, val))
			ret = -EINVAL;
		else if (wdd->ops->set_pretimeout && (wdd->info->options & WDIOF_PRETIMEOUT))
			ret = wdd->ops->set_pretimeout(wdd, val);
		else
			wdd->pretimeout = val;
		break;
	case WDIOC_GETPRETIMEOUT:
		val = wdd->pretimeout;
		break;
	default:
		ret = -ENOTTY;
		break;
	}
	mutex_unlock(&wd->lock);
	if (ret < 0)
		fuse_reply_err(req, -ret);
	else
		fuse_reply_ioctl(req, 0, &val, min(out_bufsz, sizeof(val)));
}

static const struct cuse_lowlevel_ops wd_ops = {
	.open = wd_open,
	.read = wd_read,
	.write = wd_write,
	.release = wd_release,
	.ioctl = wd_ioctl,
};

static void *session_main(void *arg)
{
	struct watchdog_core_data *wd = arg;
	sigset_t usr1;

	/* cuse_stop() interrupts the loop's read() with SIGUSR1. */
	sigemptyset(&usr1);
	sigaddset(&usr1, SIGUSR1);
	pthread_sigmask(SIG_UNBLOCK, &usr1, NULL);
	fuse_session_loop(wd->se);
	return NULL;
}

/* /dev/watchdogN through /dev/cuse (the device node appears in devtmpfs). */
static int cuse_start(struct watchdog_core_data *wd)
{
	char devarg[64], mnt[32];
	const char *dev_info_argv[] = { devarg };
	char *argv[] = { (char *)"vcshim-watchdog", NULL };
	struct fuse_args args = FUSE_ARGS_INIT(1, argv);
	struct cuse_info ci = {
		.dev_info_argc = 1,
		.dev_info_argv = dev_info_argv,
		.flags = CUSE_UNRESTRICTED_IOCTL,
	};
	int fd, ret;

	snprintf(devarg, sizeof(devarg), "DEVNAME=%s", wd->devname);
	wd->se = cuse_lowlevel_new(&args, &ci, &wd_ops, wd);
	if (!wd->se)
		return -ENOMEM;
	fd = open("/dev/cuse", O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		pr_err("watchdog: /dev/cuse: %s (is the cuse module loaded?)\n", strerror(errno));
		fuse_session_destroy(wd->se);
		return ret;
	}
	snprintf(mnt, sizeof(mnt), "/dev/fd/%d", fd);
	if (fuse_session_mount(wd->se, mnt)) {
		close(fd);
		fuse_session_destroy(wd->se);
		return -EIO;
	}
	ret = vcshim_start_thread(&wd->thread, session_main, wd, true);
	if (ret) {
		fuse_session_unmount(wd->se);
		fuse_session_destroy(wd->se);
	}
	return ret;
}

static void cuse_stop(struct watchdog_core_data *wd)
{
	fuse_session_exit(wd->se);
	/* The loop waits in read(): a signal to the thread ends it. */
	pthread_kill(wd->thread, SIGUSR1);
	pthread_join(wd->thread, NULL);
	fuse_session_unmount(wd->se);
	fuse_session_destroy(wd->se);
}

static void ignore_signal(int sig)
{
	(void)sig;
}

/* ---- the watchdog core's API ---- */

static void check_min_max_timeout(struct watchdog_device *wdd)
{
	if (!wdd->max_hw_heartbeat_ms && wdd->min_timeout > wdd->max_timeout) {
		pr_info("Invalid min and max timeout values, resetting to 0!\n");
		wdd->min_timeout = 0;
		wdd->max_timeout = 0;
	}
}

int watchdog_init_timeout(struct watchdog_device *wdd, unsigned int timeout_parm,
			  struct device *dev)
{
	const char *dev_str = wdd->parent ? dev_name(wdd->parent) :
			      (const char *)wdd->info->identity;
	int ret = 0;

	(void)dev;
	check_min_max_timeout(wdd);
	if (timeout_parm) {
		if (!watchdog_timeout_invalid(wdd, timeout_parm)) {
			wdd->timeout = timeout_parm;
			return 0;
		}
		pr_err("%s: driver supplied timeout (%u) out of range\n", dev_str, timeout_parm);
		ret = -EINVAL;
	}
	if (ret < 0 && wdd->timeout)
		pr_warn("%s: falling back to default timeout (%u)\n", dev_str, wdd->timeout);
	return ret;
}

static int wd_reboot_notifier(struct notifier_block *nb, unsigned long code, void *data)
{
	struct watchdog_device *wdd = container_of(nb, struct watchdog_device, reboot_nb);

	(void)data;
	if ((code == SYS_POWER_OFF || code == SYS_HALT || code == SYS_RESTART) &&
	    watchdog_active(wdd) && wdd->ops->stop && !wdd->ops->stop(wdd))
		clear_bit(WDOG_ACTIVE, &wdd->status);
	return NOTIFY_DONE;
}

int watchdog_register_device(struct watchdog_device *wdd)
{
	struct watchdog_core_data *wd;
	struct sigaction sa = { .sa_handler = ignore_signal };
	int id, ret;

	if (!wdd || !wdd->info || !wdd->ops || !wdd->ops->start)
		return -EINVAL;
	if (!wdd->ops->stop && !wdd->max_hw_heartbeat_ms)
		return -EINVAL;
	check_min_max_timeout(wdd);
	wd = calloc(1, sizeof(*wd));
	if (!wd)
		return -ENOMEM;
	mutex_init(&wd->lock);
	wd->wdd = wdd;
	wdd->wd_data = wd;
	INIT_LIST_HEAD(&wdd->deferred);

	/* The first free number whose /dev node no one else has. */
	mutex_lock(&ids_lock);
	for (id = 0; id < MAX_WATCHDOGS; id++) {
		char path[64];
		struct stat st;

		snprintf(wd->devname, sizeof(wd->devname), "watchdog%d", id);
		snprintf(path, sizeof(path), "/dev/%s", wd->devname);
		if (!(ids_used & (1UL << id)) && stat(path, &st))
			break;
	}
	if (id == MAX_WATCHDOGS) {
		mutex_unlock(&ids_lock);
		free(wd);
		return -EBUSY;
	}
	ids_used |= 1UL << id;
	mutex_unlock(&ids_lock);
	wdd->id = id;

	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	ret = cuse_start(wd);
	if (ret) {
		mutex_lock(&ids_lock);
		ids_used &= ~(1UL << id);
		mutex_unlock(&ids_lock);
		free(wd);
		wdd->wd_data = NULL;
		return ret;
	}
	if (test_bit(WDOG_STOP_ON_REBOOT, &wdd->status)) {
		wdd->reboot_nb.notifier_call = wd_reboot_notifier;
		ret = register_reboot_notifier(&wdd->reboot_nb);
		if (ret) {
			pr_err("watchdog%d: Cannot register reboot notifier (%d)\n", id, ret);
			watchdog_unregister_device(wdd);
			return ret;
		}
	}
	pr_info("watchdog%d: registered as /dev/%s (CUSE)\n", id, wd->devname);
	return 0;
}

void watchdog_unregister_device(struct watchdog_device *wdd)
{
	struct watchdog_core_data *wd = wdd ? wdd->wd_data : NULL;

	if (!wd)
		return;
	if (test_bit(WDOG_STOP_ON_REBOOT, &wdd->status))
		unregister_reboot_notifier(&wdd->reboot_nb);
	cuse_stop(wd);
	mutex_lock(&wd->lock);
	if (watchdog_active(wdd) && test_bit(WDOG_STOP_ON_UNREGISTER, &wdd->status))
		wd_stop(wdd);
	mutex_unlock(&wd->lock);
	mutex_lock(&ids_lock);
	ids_used &= ~(1UL << wdd->id);
	mutex_unlock(&ids_lock);
	wdd->wd_data = NULL;
	free(wd);
}

static void devm_watchdog_unregister_device(struct device *dev, void *res)
{
	(void)dev;
	watchdog_unregister_device(*(struct watchdog_device **)res);
}

int devm_watchdog_register_device(struct device *dev, struct watchdog_device *wdd)
{
	struct watchdog_device **rcwdd;
	int ret;

	rcwdd = devres_alloc(devm_watchdog_unregister_device, sizeof(*rcwdd), GFP_KERNEL);
	if (!rcwdd)
		return -ENOMEM;
	ret = watchdog_register_device(wdd);
	if (!ret) {
		*rcwdd = wdd;
		devres_add(dev, rcwdd);
	} else {
		devres_free(rcwdd);
	}
	return ret;
}

void watchdog_set_restart_priority(struct watchdog_device *wdd, int priority)
{
	wdd->restart_nb.priority = priority;
}

int watchdog_set_last_hw_keepalive(struct watchdog_device *wdd, unsigned int last_ping_ms)
{
	(void)wdd, (void)last_ping_ms;
	return 0;
}

#ifdef CONFIG_WATCHDOG_PRETIMEOUT_GOV
void watchdog_notify_pretimeout(struct watchdog_device *wdd)
{
	pr_alert("watchdog%d: pretimeout event\n", wdd->id);
}
#endif
