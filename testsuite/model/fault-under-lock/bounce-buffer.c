// The older fix: fill a kernel bounce buffer under the lock, copy it out
// to user space after unlocking.
#include <kmodel.h>

struct ext_inode {
	struct rw_semaphore alloc_sem;
	struct inode vfs_inode;
};

static vm_fault_t ext_page_mkwrite(struct vm_fault *vmf)
{
	struct ext_inode *ei = container_of(file_inode(vmf->vma->vm_file),
					    struct ext_inode, vfs_inode);

	down_write(&ei->alloc_sem);
	up_write(&ei->alloc_sem);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct ext_vm_ops = {
	.page_mkwrite = ext_page_mkwrite,
};

int ext_get_extents(struct ext_inode *ei, void __user *ubuf, size_t n)
{
	char *kbuf = kmalloc(n, GFP_KERNEL);
	int ret = 0;

	if (!kbuf)
		return -ENOMEM;
	down_read(&ei->alloc_sem);
	memcpy(kbuf, ei, n);
	up_read(&ei->alloc_sem);
	if (copy_to_user(ubuf, kbuf, n))
		ret = -EFAULT;
	kfree(kbuf);
	return ret;
}
