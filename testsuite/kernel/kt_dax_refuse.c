// SPDX-License-Identifier: GPL-2.0
// Refusing DAX inodes with the real IS_DAX(), and a lock dropped between
// the layout break and the truncate.
#include <linux/dax.h>
#include <linux/falloc.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pagemap.h>

static long kt_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);

	if (IS_DAX(inode))
		return -EOPNOTSUPP;
	truncate_pagecache_range(inode, offset, offset + len - 1);
	return 0;
}

const struct file_operations kt_file_operations = {
	.fallocate = kt_fallocate,
};

int kt_dropped_setattr(struct user_namespace *mnt_userns, struct dentry *dentry,
		       struct iattr *iattr)
{
	struct inode *inode = d_inode(dentry);

	filemap_invalidate_lock(inode->i_mapping);
	if (dax_layout_busy_page(inode->i_mapping)) {
		filemap_invalidate_unlock(inode->i_mapping);
		return -EBUSY;
	}
	filemap_invalidate_unlock(inode->i_mapping);
	truncate_setsize(inode, iattr->ia_size); /* expect: dax-no-layout-break */
	return 0;
}

MODULE_LICENSE("GPL");
