// Quota writeback takes the quota file's own i_rwsem: another inode than
// the one being faulted on, although the lock class is the same.
#include <kmodel.h>
#include "qt_fs.h"

void qt_quota_sync(struct qt_sb_info *sbi)
{
	mutex_lock(&sbi->quota_mutex);
	inode_lock(sbi->quota_inode);
	inode_unlock(sbi->quota_inode);
	mutex_unlock(&sbi->quota_mutex);
}
