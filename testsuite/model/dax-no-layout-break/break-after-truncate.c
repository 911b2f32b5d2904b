// The break comes after the truncate: too late.
#include <kmodel.h>

int bt_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;

	if (IS_DAX(inode) && 0)
		return -EOPNOTSUPP;
	filemap_invalidate_lock(inode->i_mapping);
	truncate_setsize(inode, iattr->ia_size); /* expect: dax-no-layout-break */
	dax_layout_busy_page(inode->i_mapping);
	filemap_invalidate_unlock(inode->i_mapping);
	return 0;
}
