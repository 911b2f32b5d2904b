// DAX inodes are sent down a path that breaks layouts; every other inode
// falls through to a plain truncate.
#include <kmodel.h>

static int dr_dax_setsize(struct inode *inode, loff_t size)
{
	filemap_invalidate_lock(inode->i_mapping);
	while (dax_layout_busy_page(inode->i_mapping))
		;
	truncate_setsize(inode, size);
	filemap_invalidate_unlock(inode->i_mapping);
	return 0;
}

int dr_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;

	if (IS_DAX(inode))
		return dr_dax_setsize(inode, iattr->ia_size);
	truncate_setsize(inode, iattr->ia_size);
	return 0;
}
