// The block removal without a break sits on the !IS_DAX() branch only;
// the DAX branch breaks first.
#include <kmodel.h>

int nd_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;

	if (!IS_DAX(inode)) {
		truncate_setsize(inode, iattr->ia_size);
		return 0;
	}
	filemap_invalidate_lock(inode->i_mapping);
	while (dax_layout_busy_page(inode->i_mapping))
		;
	truncate_setsize(inode, iattr->ia_size);
	filemap_invalidate_unlock(inode->i_mapping);
	return 0;
}
