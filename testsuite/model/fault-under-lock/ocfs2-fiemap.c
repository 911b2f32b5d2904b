// ocfs2-style fiemap: ip_alloc_sem held for read across the copy of each
// extent to user space, while .page_mkwrite takes it for write.
#include <kmodel.h>

struct ocfs2_inode_info {
	struct rw_semaphore ip_alloc_sem;
	struct inode vfs_inode;
};

static inline struct ocfs2_inode_info *OCFS2_I(struct inode *inode)
{
	return container_of(inode, struct ocfs2_inode_info, vfs_inode);
}

static vm_fault_t ocfs2_page_mkwrite(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);

	down_write(&OCFS2_I(inode)->ip_alloc_sem);
	up_write(&OCFS2_I(inode)->ip_alloc_sem);
	return VM_FAULT_LOCKED;
}

static const struct vm_operations_struct ocfs2_file_vm_ops = {
	.fault = filemap_fault,
	.page_mkwrite = ocfs2_page_mkwrite,
};

const void *ocfs2_vm_ops_p = &ocfs2_file_vm_ops;

int ocfs2_fiemap(struct inode *inode, struct fiemap_extent_info *fieinfo,
		 unsigned long long start, unsigned long long len)
{
	struct ocfs2_inode_info *oi = OCFS2_I(inode);
	unsigned long long cpos;
	int ret = 0;

	down_read(&oi->ip_alloc_sem);
	for (cpos = start; cpos < start + len; cpos += 4096) {
		ret = fiemap_fill_next_extent(fieinfo, cpos, cpos, 4096, 0); /* expect: fault-under-lock */
		if (ret)
			break;
	}
	up_read(&oi->ip_alloc_sem);
	return ret;
}
