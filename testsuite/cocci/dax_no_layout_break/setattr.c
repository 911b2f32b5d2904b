// dax_no_layout_break.cocci: an ext2-style setsize called from setattr
// truncates without a layout break; an ext4-style setattr breaks layouts
// under the invalidate lock first.  Patch mode calls the file's own break
// wrapper before the truncate, under the lock, and returns its error.
#include <kmodel.h>

static int dx_break_layouts(struct inode *inode)
{
	while (dax_layout_busy_page(inode->i_mapping))
		;
	return 0;
}

static int dx_setsize(struct inode *inode, loff_t newsize)
{
	int error = 0;

	if (IS_DAX(inode))
		error = dax_truncate_page(inode, newsize, NULL, NULL);
	if (error)
		return error;
	filemap_invalidate_lock(inode->i_mapping);
	truncate_setsize(inode, newsize); /* expect-cocci: dax-no-layout-break */
	filemap_invalidate_unlock(inode->i_mapping);
	return 0;
}

int dx_setattr(struct dentry *dentry, struct iattr *iattr)
{
	if (iattr->ia_valid & ATTR_SIZE)
		return dx_setsize(dentry->d_inode, iattr->ia_size);
	return 0;
}

int dy_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;
	int error;

	if (!(iattr->ia_valid & ATTR_SIZE))
		return 0;
	filemap_invalidate_lock(inode->i_mapping);
	error = dx_break_layouts(inode);
	if (!error)
		truncate_pagecache(inode, iattr->ia_size);
	filemap_invalidate_unlock(inode->i_mapping);
	return error;
}
