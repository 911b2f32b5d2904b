// dax_no_layout_break.cocci on a DAX filesystem with no break-layouts
// wrapper of its own (ext2 up to 6.14): the truncate is reported, and patch
// mode, having no call to insert, leaves the file alone.
#include <kmodel.h>

static int nw_setsize(struct inode *inode, loff_t newsize)
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

int nw_setattr(struct dentry *dentry, struct iattr *iattr)
{
	if (iattr->ia_valid & ATTR_SIZE)
		return nw_setsize(dentry->d_inode, iattr->ia_size);
	return 0;
}
