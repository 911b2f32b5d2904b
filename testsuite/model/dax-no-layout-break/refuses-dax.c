// A fallocate that refuses DAX inodes before removing anything.
#include <kmodel.h>

extern const struct iomap_ops rd_iomap_ops;

ssize_t rd_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return dax_iomap_rw(iocb, to, &rd_iomap_ops);
}

static long rd_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);

	if (unlikely(IS_DAX(inode)))
		return -EOPNOTSUPP;
	truncate_pagecache_range(inode, offset, offset + len - 1);
	return 0;
}

const struct file_operations rd_file_operations = {
	.fallocate = rd_fallocate,
};
