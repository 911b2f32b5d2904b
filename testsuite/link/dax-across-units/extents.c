// fallocate calls the hole punch of another unit; the unfixed one never
// breaks layouts, the fixed one breaks them before calling.
#include <kmodel.h>
#include "dx_fs.h"

long dx_fallocate(struct file *file, int mode, loff_t offset, loff_t len)
{
	if (mode & FALLOC_FL_PUNCH_HOLE)
		return dx_punch_hole(file_inode(file), offset, len); /* expect-link-note: 'dx_punch_hole' is called here with no layout break before it, on the path from 'dx_fallocate' (file_operations::fallocate) */
	return -EOPNOTSUPP;
}

long dx_fallocate_fixed(struct file *file, int mode, loff_t offset, loff_t len)
{
	struct inode *inode = file_inode(file);
	long ret;

	if (!(mode & FALLOC_FL_PUNCH_HOLE))
		return -EOPNOTSUPP;
	filemap_invalidate_lock(inode->i_mapping);
	ret = dx_break_layouts(inode);
	if (!ret)
		ret = dx_punch_hole(inode, offset, len);
	filemap_invalidate_unlock(inode->i_mapping);
	return ret;
}
