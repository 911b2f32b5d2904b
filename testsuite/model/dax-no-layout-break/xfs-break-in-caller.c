// xfs-style setattr: the layout break is in the caller, the truncate in a
// function it calls after breaking.  No warning.
#include <kmodel.h>

static int xfs_break_dax_layouts(struct inode *inode)
{
	return dax_layout_busy_page(inode->i_mapping) ? -EAGAIN : 0;
}

int xfs_setattr_size(struct inode *inode, struct iattr *iattr)
{
	truncate_setsize(inode, iattr->ia_size);
	return 0;
}

static int xfs_vn_setattr_size(struct inode *inode, struct iattr *iattr)
{
	return xfs_setattr_size(inode, iattr);
}

int xfs_vn_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;
	int error;

	if (iattr->ia_valid & ATTR_SIZE) {
		inode_lock(inode);
		filemap_invalidate_lock(inode->i_mapping);
		error = xfs_break_dax_layouts(inode);
		if (!error)
			error = xfs_vn_setattr_size(inode, iattr);
		filemap_invalidate_unlock(inode->i_mapping);
		inode_unlock(inode);
		return error;
	}
	return 0;
}
