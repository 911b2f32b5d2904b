// SPDX-License-Identifier: GPL-2.0
// Class C against the real headers: IS_DAX() is a macro over i_flags and
// S_DAX, filemap_invalidate_lock() an inline.  An ext2-style setsize
// without a layout break warns; an ext4-style punch hole does not.
#include <linux/dax.h>
#include <linux/falloc.h>
#include <linux/fs.h>
#include <linux/iomap.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pagemap.h>

static const struct iomap_ops kt_iomap_ops;

static int kt_setsize(struct inode *inode, loff_t newsize)
{
	int error = 0;

	if (IS_DAX(inode))
		error = dax_truncate_page(inode, newsize, NULL, &kt_iomap_ops);
	if (error)
		return error;
	filemap_invalidate_lock(inode->i_mapping);
	truncate_setsize(inode, newsize); /* expect: dax-no-layout-break */
	filemap_invalidate_unlock(inode->i_mapping);
	return 0;
}

int kt_setattr(struct user_namespace *mnt_userns, struct dentry *dentry,
	       struct iattr *iattr)
{
	if (iattr->ia_valid & ATTR_SIZE)
		return kt_setsize(d_inode(dentry), iattr->ia_size);
	return 0;
}

static int kt_break_layouts(struct inode *inode)
{
	struct page *page;

	while ((page = dax_layout_busy_page(inode->i_mapping)))
		cond_resched();
	return 0;
}

static long kt_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);
	int ret;

	if (!(mode & FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	inode_lock(inode);
	filemap_invalidate_lock(inode->i_mapping);
	ret = kt_break_layouts(inode);
	if (!ret)
		truncate_pagecache_range(inode, offset, offset + len - 1);
	filemap_invalidate_unlock(inode->i_mapping);
	inode_unlock(inode);
	return ret;
}

const struct file_operations kt_file_operations = {
	.fallocate = kt_fallocate,
};

MODULE_LICENSE("GPL");
