// spin_lock's inline body locks lock->rlock; the rules name spin_lock so
// that the caller's lock is the identity, not spinlock::rlock.
#include <kmodel.h>

struct sp_inode {
	spinlock_t state_lock;
	spinlock_t other_lock;
	struct inode vfs_inode;
};

static vm_fault_t sp_page_mkwrite(struct vm_fault *vmf)
{
	struct sp_inode *si = container_of(file_inode(vmf->vma->vm_file),
					   struct sp_inode, vfs_inode);

	spin_lock(&si->state_lock);
	spin_unlock(&si->state_lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct sp_vm_ops = {
	.page_mkwrite = sp_page_mkwrite,
};

int sp_other(struct sp_inode *si, void __user *out)
{
	int ret;

	spin_lock(&si->other_lock);
	ret = copy_to_user(out, si, 8) ? -EFAULT : 0;
	spin_unlock(&si->other_lock);
	return ret;
}

int sp_state(struct sp_inode *si, void __user *out)
{
	int ret;

	spin_lock(&si->state_lock);
	ret = copy_to_user(out, si, 8) ? -EFAULT : 0; /* expect: fault-under-lock */
	spin_unlock(&si->state_lock);
	return ret;
}
