// Error branches that unlock before copying an error code out, and a
// success path that still copies under the lock.
#include <kmodel.h>

struct eb_inode {
	struct mutex lock;
	int state;
	struct inode vfs_inode;
};

static vm_fault_t eb_page_mkwrite(struct vm_fault *vmf)
{
	struct eb_inode *ei = container_of(file_inode(vmf->vma->vm_file),
					   struct eb_inode, vfs_inode);

	mutex_lock(&ei->lock);
	mutex_unlock(&ei->lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct eb_vm_ops = {
	.page_mkwrite = eb_page_mkwrite,
};

int eb_query(struct eb_inode *ei, int __user *out)
{
	int err;

	mutex_lock(&ei->lock);
	if (ei->state < 0) {
		err = ei->state;
		mutex_unlock(&ei->lock);
		return copy_to_user(out, &err, sizeof(err)) ? -EFAULT : err;
	}
	if (copy_to_user(out, &ei->state, sizeof(int))) { /* expect: fault-under-lock */
		mutex_unlock(&ei->lock);
		return -EFAULT;
	}
	mutex_unlock(&ei->lock);
	return 0;
}
