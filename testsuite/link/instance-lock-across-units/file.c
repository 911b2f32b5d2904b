// Writes hold the file's i_rwsem across the user copy, as every
// filesystem does: the quota file's i_rwsem in the fault path is another
// instance, so nothing is reported.  The quota mutex is private to this
// filesystem and one of a kind: holding it across a copy is reported.
#include <kmodel.h>
#include "qt_fs.h"

ssize_t qt_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock(inode);
	ret = generic_perform_write(iocb, from);
	inode_unlock(inode);
	return ret;
}

long qt_get_quota(struct qt_sb_info *sbi, void __user *dst)
{
	long ret;

	mutex_lock(&sbi->quota_mutex);
	ret = copy_to_user(dst, sbi, 8) ? -EFAULT : 0; /* expect-link: fault-under-lock */
	mutex_unlock(&sbi->quota_mutex);
	return ret;
}
