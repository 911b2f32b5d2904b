// The lock is held across the call into fill.c.
#include <kmodel.h>
#include "ex_fs.h"

int ex_fiemap(struct inode *inode, struct fiemap_extent_info *fieinfo)
{
	struct ex_inode *ei = EX_I(inode);
	int ret;

	down_read(&ei->io_sem);
	ret = ex_fill(ei, fieinfo); /* expect-link: fault-under-lock */
	up_read(&ei->io_sem);
	return ret;
}

int ex_fiemap_backwards(struct inode *inode, struct fiemap_extent_info *fieinfo)
{
	struct ex_inode *ei = EX_I(inode);
	int ret;

	down_read(&ei->io_sem);
	ret = ex_fill_backwards(ei, fieinfo); /* expect-link: fault-under-lock */
	up_read(&ei->io_sem);
	return ret;
}
