// The filesystem's own break wrapper (a name the rules never list) is
// recognised from its body.
#include <kmodel.h>

static int zz_wait_for_dma(struct inode *inode)
{
	while (dax_layout_busy_page(inode->i_mapping))
		;
	return 0;
}

static long zz_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);

	filemap_invalidate_lock(inode->i_mapping);
	zz_wait_for_dma(inode);
	truncate_pagecache_range(inode, offset, offset + len - 1);
	filemap_invalidate_unlock(inode->i_mapping);
	return 0;
}

const struct file_operations zz_file_operations = {
	.fallocate = zz_fallocate,
};
