// fuse-style: the break happens only when the inode is DAX and the size
// changes, and the truncate comes later on every path.  No warning: the
// paths without a break are the ones that need none.
#include <kmodel.h>

int fs_do_setattr(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;
	bool is_truncate = attr->ia_valid & ATTR_SIZE;
	bool fault_blocked = false;

	if (IS_DAX(inode) && is_truncate) {
		filemap_invalidate_lock(inode->i_mapping);
		fault_blocked = true;
		if (dax_layout_busy_page(inode->i_mapping))
			goto unlock;
	}
	if (is_truncate)
		truncate_pagecache(inode, attr->ia_size);
unlock:
	if (fault_blocked)
		filemap_invalidate_unlock(inode->i_mapping);
	return 0;
}
