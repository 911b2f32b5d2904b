// A DAX-capable unit whose failed-write path truncates the page cache:
// not a setattr, fallocate or remap path, so not checked.
#include <kmodel.h>

extern const struct iomap_ops ne_iomap_ops;

ssize_t ne_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	return dax_iomap_rw(iocb, from, &ne_iomap_ops);
}

void ne_write_failed(struct inode *inode, loff_t to)
{
	if (to > inode->i_size)
		truncate_pagecache(inode, inode->i_size);
}
