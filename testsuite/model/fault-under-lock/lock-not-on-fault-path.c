// A lock held across a copy that no fault path of this filesystem takes.
#include <kmodel.h>

struct cfg_inode {
	struct mutex cfg_lock;
	struct mutex fault_lock;
	struct inode vfs_inode;
};

static vm_fault_t cfg_fault(struct vm_fault *vmf)
{
	struct cfg_inode *ci = container_of(file_inode(vmf->vma->vm_file),
					    struct cfg_inode, vfs_inode);
	vm_fault_t ret;

	mutex_lock(&ci->fault_lock);
	ret = filemap_fault(vmf);
	mutex_unlock(&ci->fault_lock);
	return ret;
}

const struct vm_operations_struct cfg_vm_ops = {
	.fault = cfg_fault,
};

int cfg_set(struct cfg_inode *ci, const void __user *arg)
{
	char buf[32];
	int ret = 0;

	mutex_lock(&ci->cfg_lock);
	if (copy_from_user(buf, arg, sizeof(buf)))
		ret = -EFAULT;
	mutex_unlock(&ci->cfg_lock);
	return ret;
}
