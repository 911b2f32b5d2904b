// ext4-style punch hole: layouts broken under the invalidate lock before
// the page cache range goes.  No warning.
#include <kmodel.h>

static int ext4_break_layouts(struct inode *inode)
{
	struct page *page;

	do {
		page = dax_layout_busy_page(inode->i_mapping);
		if (!page)
			return 0;
	} while (1);
}

static long ext4_punch_hole(struct file *file, loff_t offset, loff_t length)
{
	struct inode *inode = file_inode(file);
	int ret;

	inode_lock(inode);
	inode_dio_wait(inode);
	filemap_invalidate_lock(inode->i_mapping);
	ret = ext4_break_layouts(inode);
	if (ret)
		goto out;
	truncate_pagecache_range(inode, offset, offset + length - 1);
out:
	filemap_invalidate_unlock(inode->i_mapping);
	inode_unlock(inode);
	return ret;
}

static long ext4_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	if (mode & FALLOC_FL_PUNCH_HOLE)
		return ext4_punch_hole(file, offset, len);
	return -EOPNOTSUPP;
}

const struct file_operations ext4_file_operations = {
	.fallocate = ext4_fallocate,
};
