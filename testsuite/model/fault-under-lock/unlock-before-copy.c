// The lock is dropped on every path before the copy.
#include <kmodel.h>

struct cnt_inode {
	struct mutex lock;
	long value;
	struct inode vfs_inode;
};

static vm_fault_t cnt_page_mkwrite(struct vm_fault *vmf)
{
	struct cnt_inode *ci = container_of(file_inode(vmf->vma->vm_file),
					    struct cnt_inode, vfs_inode);

	mutex_lock(&ci->lock);
	mutex_unlock(&ci->lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct cnt_vm_ops = {
	.page_mkwrite = cnt_page_mkwrite,
};

int cnt_get(struct cnt_inode *ci, long __user *out, int reset)
{
	long v;

	mutex_lock(&ci->lock);
	v = ci->value;
	if (reset) {
		ci->value = 0;
		mutex_unlock(&ci->lock);
		goto copy;
	}
	mutex_unlock(&ci->lock);
copy:
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}
