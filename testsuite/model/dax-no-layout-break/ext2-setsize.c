// ext2-style DAX setsize: the page cache and blocks are truncated under
// the invalidate lock, but no layout break waits for DMA first.
#include <kmodel.h>

extern const struct iomap_ops ext2_iomap_ops;
void __ext2_truncate_blocks(struct inode *inode, loff_t offset);

static int ext2_setsize(struct inode *inode, loff_t newsize)
{
	int error;

	inode_dio_wait(inode);
	if (IS_DAX(inode))
		error = dax_truncate_page(inode, newsize, NULL, &ext2_iomap_ops);
	else
		error = 0;
	if (error)
		return error;

	filemap_invalidate_lock(inode->i_mapping);
	truncate_setsize(inode, newsize); /* expect: dax-no-layout-break */ /* expect-note: break layouts ('dax_layout_busy_page' or the filesystem's wrapper) with 'address_space::invalidate_lock' held */
	__ext2_truncate_blocks(inode, newsize);
	filemap_invalidate_unlock(inode->i_mapping);
	return 0;
}

int ext2_setattr(struct dentry *dentry, struct iattr *iattr)
{
	struct inode *inode = dentry->d_inode;

	if (iattr->ia_valid & ATTR_SIZE)
		return ext2_setsize(inode, iattr->ia_size); /* expect-note: 'ext2_setsize' is called here with no layout break before it, on the path from 'ext2_setattr' */
	return 0;
}
