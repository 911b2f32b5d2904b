// The lock is held across a copy inside a loop; and, in the fixed version,
// dropped and retaken around each copy.
#include <kmodel.h>

struct lp_inode {
	struct mutex list_lock;
	int n;
	struct inode vfs_inode;
};

static vm_fault_t lp_fault(struct vm_fault *vmf)
{
	struct lp_inode *li = container_of(file_inode(vmf->vma->vm_file),
					   struct lp_inode, vfs_inode);

	mutex_lock(&li->list_lock);
	mutex_unlock(&li->list_lock);
	return filemap_fault(vmf);
}

const struct vm_operations_struct lp_vm_ops = {
	.fault = lp_fault,
};

int lp_list(struct lp_inode *li, int __user *out)
{
	int i;

	mutex_lock(&li->list_lock);
	for (i = 0; i < li->n; i++) {
		if (copy_to_user(out + i, &i, sizeof(i))) { /* expect: fault-under-lock */
			mutex_unlock(&li->list_lock);
			return -EFAULT;
		}
	}
	mutex_unlock(&li->list_lock);
	return 0;
}

int lp_list_fixed(struct lp_inode *li, int __user *out)
{
	int i, n;

	for (i = 0;; i++) {
		mutex_lock(&li->list_lock);
		n = li->n;
		mutex_unlock(&li->list_lock);
		if (i >= n)
			break;
		if (copy_to_user(out + i, &i, sizeof(i)))
			return -EFAULT;
	}
	return 0;
}
