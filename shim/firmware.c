// SPDX-License-Identifier: GPL-2.0
/*
 * Linux-PCI shim: request_firmware() reads NAME from the folders the
 * kernel's loader searches (drivers/base/firmware_loader: fw_path), in
 * its order: /lib/firmware/updates/<release>, /lib/firmware/updates,
 * /lib/firmware/<release>, /lib/firmware, where <release> is the running
 * kernel's. No user-mode helper, no built-in firmware.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

#include <linux/device.h>
#include <linux/firmware.h>

#include "shim.h"

static int read_file(const char *path, struct firmware *fw)
{
	FILE *f = fopen(path, "rb");
	long len;
	u8 *data;

	if (!f)
		return -errno;
	if (fseek(f, 0, SEEK_END) || (len = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return -EIO;
	}
	data = malloc(len ? len : 1);
	if (!data || fread(data, 1, len, f) != (size_t)len) {
		free(data);
		fclose(f);
		return -EIO;
	}
	fclose(f);
	fw->data = data;
	fw->size = len;
	return 0;
}

static int load(const struct firmware **out, const char *name, struct device *dev, bool warn)
{
	struct firmware *fw;
	struct utsname u;
	char path[4][512];
	int i, ret = -ENOENT;

	*out = NULL;
	if (!name || !*name || strstr(name, ".."))
		return -EINVAL;
	fw = calloc(1, sizeof(*fw));
	if (!fw)
		return -ENOMEM;
	if (uname(&u))
		u.release[0] = 0;
	snprintf(path[0], sizeof(path[0]), "/lib/firmware/updates/%s/%s", u.release, name);
	snprintf(path[1], sizeof(path[1]), "/lib/firmware/updates/%s", name);
	snprintf(path[2], sizeof(path[2]), "/lib/firmware/%s/%s", u.release, name);
	snprintf(path[3], sizeof(path[3]), "/lib/firmware/%s", name);
	for (i = 0; i < 4 && ret; i++) {
		ret = read_file(path[i], fw);
		if (!ret)
			vcshim_log("7", "firmware %s: %zu bytes from %s\n", name, fw->size, path[i]);
	}
	if (ret) {
		free(fw);
		if (warn)
			dev_warn(dev, "Direct firmware load for %s failed with error %d\n", name, ret);
		return ret;
	}
	*out = fw;
	return 0;
}

int request_firmware(const struct firmware **fw, const char *name, struct device *device)
{
	return load(fw, name, device, true);
}

int request_firmware_direct(const struct firmware **fw, const char *name, struct device *device)
{
	return load(fw, name, device, false);
}

int firmware_request_nowarn(const struct firmware **fw, const char *name, struct device *device)
{
	return load(fw, name, device, false);
}

void release_firmware(const struct firmware *fw)
{
	if (!fw)
		return;
	free((void *)fw->data);
	free((void *)fw);
}
