/* SPDX-License-Identifier: GPL-2.0 */
/* A header inline that tests IS_DAX(), as include/linux/fs.h's vma_is_dax(). */
#ifndef KMODEL_MM_DAX_H
#define KMODEL_MM_DAX_H
#include <kmodel.h>

void kmodel_warn_dax(struct inode *inode);

static inline int kmodel_refuse_dax(struct inode *inode)
{
	if (IS_DAX(inode)) {
		kmodel_warn_dax(inode);
		return -EINVAL;
	}
	return 0;
}
#endif
