// The user copy sits in a static helper called with the lock held.
#include <kmodel.h>

struct bar_inode {
	struct rw_semaphore map_sem;
	struct inode vfs_inode;
};

static vm_fault_t bar_page_mkwrite(struct vm_fault *vmf)
{
	struct bar_inode *bi = container_of(file_inode(vmf->vma->vm_file),
					    struct bar_inode, vfs_inode);

	down_write(&bi->map_sem);
	up_write(&bi->map_sem);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct bar_vm_ops = {
	.page_mkwrite = bar_page_mkwrite,
};

static int bar_report(void __user *dst, const void *src)
{
	return copy_to_user(dst, src, 16) ? -EFAULT : 0; /* expect-note: 'bar_report' calls 'copy_to_user' here */
}

int bar_get_map(struct bar_inode *bi, void __user *dst)
{
	char map[16];
	int ret;

	down_read(&bi->map_sem);
	ret = bar_report(dst, map); /* expect: fault-under-lock */
	up_read(&bi->map_sem);
	return ret;
}
