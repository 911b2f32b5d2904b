// SPDX-License-Identifier: GPL-2.0
// ocfs2-style fiemap against the real headers: a rwsem held for read across
// fiemap_fill_next_extent, taken for write by .page_mkwrite.
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/fiemap.h>

struct kt_inode {
	struct rw_semaphore alloc_sem;
	struct inode vfs_inode;
};

static inline struct kt_inode *KT_I(struct inode *inode)
{
	return container_of(inode, struct kt_inode, vfs_inode);
}

static vm_fault_t kt_page_mkwrite(struct vm_fault *vmf)
{
	struct kt_inode *ki = KT_I(file_inode(vmf->vma->vm_file));

	down_write(&ki->alloc_sem); /* expect-note: takes 'ki->alloc_sem' exclusively here */
	up_write(&ki->alloc_sem);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct kt_vm_ops = {
	.fault = filemap_fault,
	.page_mkwrite = kt_page_mkwrite,
};

int kt_fiemap(struct inode *inode, struct fiemap_extent_info *fieinfo, u64 start,
	      u64 len)
{
	struct kt_inode *ki = KT_I(inode);
	u64 pos;
	int ret = 0;

	down_read(&ki->alloc_sem); /* expect-note: 'ki->alloc_sem' (kt_inode::alloc_sem) is taken here */
	for (pos = start; pos < start + len; pos += PAGE_SIZE) {
		ret = fiemap_fill_next_extent(fieinfo, pos, pos, PAGE_SIZE, 0); /* expect: fault-under-lock */
		if (ret)
			break;
	}
	up_read(&ki->alloc_sem);
	return ret;
}

MODULE_LICENSE("GPL");
