// Layouts are broken under the invalidate lock, but the lock is dropped
// before the truncate: a new DMA reference can appear in between.
#include <kmodel.h>

static long ld_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);

	filemap_invalidate_lock(inode->i_mapping);
	if (dax_layout_busy_page(inode->i_mapping)) { /* expect-note: layouts are broken here with 'inode->i_mapping->invalidate_lock' held */
		filemap_invalidate_unlock(inode->i_mapping);
		return -EAGAIN;
	}
	filemap_invalidate_unlock(inode->i_mapping);
	truncate_pagecache_range(inode, offset, offset + len - 1); /* expect: dax-no-layout-break */
	return 0;
}

const struct file_operations ld_file_operations = {
	.fallocate = ld_fallocate,
};
