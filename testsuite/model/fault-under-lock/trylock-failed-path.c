// Copies on the paths where a trylock or an interruptible lock failed:
// nothing is held there.
#include <kmodel.h>

struct st_inode {
	struct mutex lock;
	struct inode vfs_inode;
};

static vm_fault_t st_page_mkwrite(struct vm_fault *vmf)
{
	struct st_inode *si = container_of(file_inode(vmf->vma->vm_file),
					   struct st_inode, vfs_inode);

	mutex_lock(&si->lock);
	mutex_unlock(&si->lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct st_vm_ops = {
	.page_mkwrite = st_page_mkwrite,
};

int st_busy_report(struct st_inode *si, int __user *out)
{
	int busy = 1;

	if (!mutex_trylock(&si->lock))
		return copy_to_user(out, &busy, sizeof(busy)) ? -EFAULT : 0;
	mutex_unlock(&si->lock);
	return 0;
}

int st_interrupted_report(struct st_inode *si, int __user *out)
{
	int err = mutex_lock_interruptible(&si->lock);

	if (err) {
		if (copy_to_user(out, &err, sizeof(err)))
			return -EFAULT;
		return err;
	}
	mutex_unlock(&si->lock);
	return 0;
}

/* A result nobody tests is not taken as held. */
int st_untested(struct st_inode *si, int __user *out)
{
	int err = mutex_lock_interruptible(&si->lock);

	return copy_to_user(out, &err, sizeof(err)) ? -EFAULT : 0;
}
