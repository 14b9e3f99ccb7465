/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _VCSHIM_LINUX_BVEC_H
#define _VCSHIM_LINUX_BVEC_H

struct page;

struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};

#endif /* _VCSHIM_LINUX_BVEC_H */
