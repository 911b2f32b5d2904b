// The same filesystem testing IS_DAX() in its own code is DAX-capable:
// its truncate of a possibly-DAX inode needs a layout break.
#include <kmodel.h>

int plain_mmap_check(struct inode *inode)
{
	return IS_DAX(inode) ? -EINVAL : 0;
}

int plain_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;

	if (iattr->ia_valid & ATTR_SIZE)
		truncate_setsize(inode, iattr->ia_size); /* expect: dax-no-layout-break */
	return 0;
}
