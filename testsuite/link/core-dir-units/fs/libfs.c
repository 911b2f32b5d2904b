// fs/libfs.c's simple_setattr: VFS library code at the top of fs/, not
// part of one filesystem with fs/dax.c.  The filesystems that use it and
// have no DAX need no layout break.
#include <kmodel.h>

int core_simple_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;

	if (iattr->ia_valid & ATTR_SIZE)
		truncate_setsize(inode, iattr->ia_size);
	return 0;
}
