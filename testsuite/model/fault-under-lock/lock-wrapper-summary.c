// Locks taken and dropped through the filesystem's own static wrappers:
// the summaries of the wrappers carry the lock to the caller.
#include <kmodel.h>

struct wr_inode {
	struct rw_semaphore truncate_sem;
	struct inode vfs_inode;
};

static void wr_lock(struct wr_inode *wi)
{
	down_write(&wi->truncate_sem);
}

static void wr_unlock(struct wr_inode *wi)
{
	up_write(&wi->truncate_sem);
}

static vm_fault_t wr_huge_fault(struct vm_fault *vmf, unsigned int order)
{
	struct wr_inode *wi = container_of(file_inode(vmf->vma->vm_file),
					   struct wr_inode, vfs_inode);

	down_read(&wi->truncate_sem);
	up_read(&wi->truncate_sem);
	return 0;
}

const struct vm_operations_struct wr_vm_ops = {
	.huge_fault = wr_huge_fault,
};

int wr_ioctl_bad(struct wr_inode *wi, void __user *arg)
{
	int ret;

	wr_lock(wi); /* expect-note: is taken here by 'wr_lock' */
	ret = copy_to_user(arg, wi, 8) ? -EFAULT : 0; /* expect: fault-under-lock */
	wr_unlock(wi);
	return ret;
}

int wr_ioctl_good(struct wr_inode *wi, void __user *arg)
{
	char buf[8];

	wr_lock(wi);
	memcpy(buf, wi, sizeof(buf));
	wr_unlock(wi);
	return copy_to_user(arg, buf, sizeof(buf)) ? -EFAULT : 0;
}
