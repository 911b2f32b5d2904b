// An inode_operations::setattr in the same unit, truncating a possibly-DAX
// file without a break.
#include <kmodel.h>

extern const struct iomap_ops oe_iomap_ops;

ssize_t oe_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	return dax_iomap_rw(iocb, to, &oe_iomap_ops);
}

static int oe_setattr(struct dentry *dentry, struct iattr *iattr)
{
	if (iattr->ia_valid & ATTR_SIZE)
		truncate_pagecache(dentry->d_inode, iattr->ia_size); /* expect: dax-no-layout-break */
	return 0;
}

static int oe_other_setattr(struct dentry *dentry, struct iattr *iattr)
{
	return oe_setattr(dentry, iattr);
}

const struct inode_operations oe_file_inode_operations = {
	.setattr = oe_setattr,
};

const struct inode_operations oe_dir_inode_operations = {
	.setattr = oe_other_setattr,
};
