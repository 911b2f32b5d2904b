// mutex_lock_interruptible and mutex_trylock: the lock is held only on the
// success path, and that is where the copy is.
#include <kmodel.h>

struct dev_inode {
	struct mutex lock;
	struct inode vfs_inode;
};

static vm_fault_t dev_page_mkwrite(struct vm_fault *vmf)
{
	struct dev_inode *di = container_of(file_inode(vmf->vma->vm_file),
					    struct dev_inode, vfs_inode);

	mutex_lock(&di->lock);
	mutex_unlock(&di->lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct dev_vm_ops = {
	.page_mkwrite = dev_page_mkwrite,
};

int dev_read_state(struct dev_inode *di, void __user *buf)
{
	int ret = 0;

	if (mutex_lock_interruptible(&di->lock))
		return -EINTR;
	if (copy_to_user(buf, di, 8)) /* expect: fault-under-lock */
		ret = -EFAULT;
	mutex_unlock(&di->lock);
	return ret;
}

int dev_read_state_nowait(struct dev_inode *di, void __user *buf)
{
	int ret = 0;

	if (!mutex_trylock(&di->lock))
		return -EAGAIN;
	if (copy_to_user(buf, di, 8)) /* expect: fault-under-lock */
		ret = -EFAULT;
	mutex_unlock(&di->lock);
	return ret;
}

int dev_read_state_unlikely(struct dev_inode *di, void __user *buf)
{
	int ret = mutex_lock_interruptible(&di->lock);

	if (unlikely(ret))
		return ret;
	ret = copy_to_user(buf, di, 8) ? -EFAULT : 0; /* expect: fault-under-lock */
	mutex_unlock(&di->lock);
	return ret;
}
