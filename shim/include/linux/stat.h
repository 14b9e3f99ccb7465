/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_STAT_H
#define _VCSHIM_LINUX_STAT_H

#ifndef VCSHIM_RUNTIME
#include <uapi/linux/stat.h>
#else
#include <sys/stat.h>
#endif

#define S_IRWXUGO	(S_IRWXU | S_IRWXG | S_IRWXO)
#define S_IALLUGO	(S_ISUID | S_ISGID | S_ISVTX | S_IRWXUGO)
#define S_IRUGO		(S_IRUSR | S_IRGRP | S_IROTH)
#define S_IWUGO		(S_IWUSR | S_IWGRP | S_IWOTH)
#define S_IXUGO		(S_IXUSR | S_IXGRP | S_IXOTH)

#endif /* _VCSHIM_LINUX_STAT_H */
