// A filesystem that never uses DAX: its truncates need no layout break.
#include <kmodel.h>

int plain_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;

	if (iattr->ia_valid & ATTR_SIZE)
		truncate_setsize(inode, iattr->ia_size);
	return 0;
}
