// The fallocate path calls a static helper that removes blocks; nothing
// breaks layouts on the way.  The warning lands in the helper.
#include <kmodel.h>

extern const struct iomap_ops uc_iomap_ops;

ssize_t uc_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return dax_iomap_rw(iocb, to, &uc_iomap_ops);
}

static void uc_drop_range(struct inode *inode, loff_t start, loff_t end)
{
	truncate_pagecache_range(inode, start, end); /* expect: dax-no-layout-break */
}

static long uc_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);

	filemap_invalidate_lock(inode->i_mapping);
	uc_drop_range(inode, offset, offset + len - 1); /* expect-note: 'uc_drop_range' is called here with no layout break before it, on the path from 'uc_fallocate' (file_operations::fallocate) */
	filemap_invalidate_unlock(inode->i_mapping);
	return 0;
}

const struct file_operations uc_file_operations = {
	.fallocate = uc_fallocate,
};
