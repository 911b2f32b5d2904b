// The setattr of a DAX-capable filesystem, truncating with no layout break.
#include <kmodel.h>

int baz_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;

	if (iattr->ia_valid & ATTR_SIZE)
		truncate_setsize(inode, iattr->ia_size); /* expect-link: dax-no-layout-break */
	return 0;
}
