// A unit without any ops table: nothing is known of the fault path here,
// so nothing is reported (cross-unit links are another tool's job).
#include <kmodel.h>

struct nu_inode {
	struct mutex lock;
	struct inode vfs_inode;
};

int nu_get(struct nu_inode *ni, void __user *out)
{
	int ret;

	mutex_lock(&ni->lock);
	ret = copy_to_user(out, ni, 8) ? -EFAULT : 0;
	mutex_unlock(&ni->lock);
	return ret;
}
