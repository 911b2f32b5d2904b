// A helper called with the lock held drops it around its own user copy
// (ocfs2_fiemap_inline after the fix): the copy does not fault under it.
// The unfixed helper, which copies with the lock still held, warns.
#include <kmodel.h>

struct drop_inode {
	struct rw_semaphore alloc_sem;
	struct inode vfs_inode;
};

static vm_fault_t drop_page_mkwrite(struct vm_fault *vmf)
{
	struct drop_inode *di = container_of(file_inode(vmf->vma->vm_file),
					     struct drop_inode, vfs_inode);

	down_write(&di->alloc_sem);
	up_write(&di->alloc_sem);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct drop_vm_ops = {
	.page_mkwrite = drop_page_mkwrite,
};

/* Called with di->alloc_sem held for read. */
static int drop_report_fixed(struct drop_inode *di, void __user *dst,
			     const void *src)
{
	int ret;

	up_read(&di->alloc_sem);
	ret = copy_to_user(dst, src, 16) ? -EFAULT : 0;
	down_read(&di->alloc_sem);
	return ret;
}

static int drop_report_unfixed(struct drop_inode *di, void __user *dst,
			       const void *src)
{
	return copy_to_user(dst, src, 16) ? -EFAULT : 0;
}

int drop_get_map(struct drop_inode *di, void __user *dst)
{
	char map[16] = {0};
	int ret;

	down_read(&di->alloc_sem);
	ret = drop_report_fixed(di, dst, map);
	up_read(&di->alloc_sem);
	return ret;
}

int drop_get_map_unfixed(struct drop_inode *di, void __user *dst)
{
	char map[16] = {0};
	int ret;

	down_read(&di->alloc_sem);
	ret = drop_report_unfixed(di, dst, map); /* expect: fault-under-lock */
	up_read(&di->alloc_sem);
	return ret;
}
