// Suppression markers: a maintainer's "known, and why".  With a reason the
// finding is not reported (the facts keep it, SARIF shows it suppressed);
// without one the marker suppresses nothing and a note says so.  A marker
// in the comment above a function covers the whole function.
#include <kmodel.h>

struct sup_inode {
	struct mutex lock;
	struct inode vfs_inode;
};

static vm_fault_t sup_page_mkwrite(struct vm_fault *vmf)
{
	struct sup_inode *si = container_of(file_inode(vmf->vma->vm_file),
					    struct sup_inode, vfs_inode);

	mutex_lock(&si->lock);
	mutex_unlock(&si->lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct sup_vm_ops = {
	.page_mkwrite = sup_page_mkwrite,
};

long sup_line_marker(struct sup_inode *si, void __user *buf)
{
	long ret;

	mutex_lock(&si->lock);
	/* faultline: ignore fault-under-lock -- buf is a kernel bounce buffer on this path */
	ret = copy_to_user(buf, si, 8);
	mutex_unlock(&si->lock);
	return ret;
}

long sup_no_reason(struct sup_inode *si, void __user *buf)
{
	long ret;

	mutex_lock(&si->lock);
	/* faultline: ignore fault-under-lock */
	ret = copy_to_user(buf, si, 8); /* expect: fault-under-lock */ /* expect-note: gives no reason ('-- why'), so it suppresses nothing */
	mutex_unlock(&si->lock);
	return ret;
}

long sup_other_check(struct sup_inode *si, void __user *buf)
{
	long ret;

	mutex_lock(&si->lock);
	/* faultline: ignore pin-leak -- names another check */
	ret = copy_to_user(buf, si, 8); /* expect: fault-under-lock */
	mutex_unlock(&si->lock);
	return ret;
}

/*
 * Only ever called on the statfs file, which nobody can mmap.
 * faultline: ignore fault-under-lock -- the statfs file cannot be mmapped
 */
long sup_function_marker(struct sup_inode *si, void __user *buf)
{
	long ret;

	mutex_lock(&si->lock);
	ret = copy_to_user(buf, si, 8);
	ret |= copy_to_user(buf, si, 16);
	mutex_unlock(&si->lock);
	return ret;
}
