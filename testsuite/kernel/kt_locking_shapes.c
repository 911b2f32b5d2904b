// SPDX-License-Identifier: GPL-2.0
// Trylock and interruptible locks, bounce buffers, unrelated locks, the
// _nofault copies and FOLL_NOFAULT with the real headers.
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>
#include <linux/slab.h>

struct kt_inode {
	struct mutex state_lock;
	struct mutex other_lock;
	int state;
	struct inode vfs_inode;
};

static vm_fault_t kt_page_mkwrite(struct vm_fault *vmf)
{
	struct kt_inode *ki = container_of(file_inode(vmf->vma->vm_file),
					   struct kt_inode, vfs_inode);

	mutex_lock(&ki->state_lock);
	mutex_unlock(&ki->state_lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct kt_vm_ops = {
	.fault = filemap_fault,
	.page_mkwrite = kt_page_mkwrite,
};

int kt_trylock(struct kt_inode *ki, int __user *out)
{
	int busy = 1, ret;

	if (!mutex_trylock(&ki->state_lock))
		return copy_to_user(out, &busy, sizeof(busy)) ? -EFAULT : 0;
	ret = copy_to_user(out, &ki->state, sizeof(int)) ? -EFAULT : 0; /* expect: fault-under-lock */
	mutex_unlock(&ki->state_lock);
	return ret;
}

int kt_interruptible(struct kt_inode *ki, int __user *out)
{
	int ret = mutex_lock_interruptible(&ki->state_lock);

	if (ret)
		return ret;
	ret = copy_to_user(out, &ki->state, sizeof(int)) ? -EFAULT : 0; /* expect: fault-under-lock */
	mutex_unlock(&ki->state_lock);
	return ret;
}

int kt_bounce(struct kt_inode *ki, int __user *out)
{
	int v;

	mutex_lock(&ki->state_lock);
	v = ki->state;
	mutex_unlock(&ki->state_lock);
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}

int kt_other_lock(struct kt_inode *ki, int __user *out)
{
	int ret;

	mutex_lock(&ki->other_lock);
	ret = copy_to_user(out, &ki->state, sizeof(int)) ? -EFAULT : 0;
	mutex_unlock(&ki->other_lock);
	return ret;
}

long kt_nofault(struct kt_inode *ki, int __user *out, unsigned long addr,
		struct page **pages)
{
	long ret;

	mutex_lock(&ki->state_lock);
	ret = copy_to_user_nofault(out, &ki->state, sizeof(int));
	ret |= get_user_pages_fast(addr, 1, FOLL_WRITE | FOLL_NOFAULT, pages);
	mutex_unlock(&ki->state_lock);
	return ret;
}

MODULE_LICENSE("GPL");
