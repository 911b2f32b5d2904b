// btrfs's shape: a filesystem without DAX calls a header inline that
// tests IS_DAX() (vma_is_dax).  The inline is the header's code, not the
// filesystem's: the unit is not DAX-capable, its truncate needs no break.
#include <kmodel.h>
#include <linux/mm-dax.h>

int plain_mmap_check(struct inode *inode)
{
	return kmodel_refuse_dax(inode);
}

int plain_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;

	if (iattr->ia_valid & ATTR_SIZE)
		truncate_setsize(inode, iattr->ia_size);
	return 0;
}
