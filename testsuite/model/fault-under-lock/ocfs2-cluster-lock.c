// ocfs2's cluster lock on an inode: a call into dlmglue, its mode an
// argument (ex: 1 exclusive, 0 shared), its object the inode itself.
// 7.x's fiemap drops ip_alloc_sem around each copy to user space but
// keeps the cluster lock (PR) across it, and .page_mkwrite takes the same
// lock EX: the recursion dlmglue cannot grant once another node asks
// for the lock in between.  Shared on both sides does not conflict.
#include <kmodel.h>

struct buffer_head;
int ocfs2_inode_lock_full_nested(struct inode *inode,
				 struct buffer_head **ret_bh, int ex,
				 int arg_flags, int subclass);
void ocfs2_inode_unlock(struct inode *inode, int ex);
#define ocfs2_inode_lock(i, b, e) ocfs2_inode_lock_full_nested(i, b, e, 0, 0)

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
	struct buffer_head *di_bh = NULL;

	if (ocfs2_inode_lock(inode, &di_bh, 1) < 0) /* expect-note: takes 'ocfs2_inode_lock(inode)' exclusively */
		return VM_FAULT_SIGBUS;
	down_write(&OCFS2_I(inode)->ip_alloc_sem);
	up_write(&OCFS2_I(inode)->ip_alloc_sem);
	ocfs2_inode_unlock(inode, 1);
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
	struct buffer_head *di_bh = NULL;
	unsigned long long cpos;
	int ret;

	ret = ocfs2_inode_lock(inode, &di_bh, 0);
	if (ret)
		return ret;
	down_read(&oi->ip_alloc_sem);
	for (cpos = start; cpos < start + len; cpos += 4096) {
		/* Release the ip_alloc_sem to prevent deadlock on page fault */
		up_read(&oi->ip_alloc_sem);
		ret = fiemap_fill_next_extent(fieinfo, cpos, cpos, 4096, 0); /* expect: fault-under-lock */
		down_read(&oi->ip_alloc_sem);
		if (ret)
			break;
	}
	up_read(&oi->ip_alloc_sem);
	ocfs2_inode_unlock(inode, 0);
	return ret;
}

/* The cluster lock dropped before the copy: nothing held. */
int ocfs2_fiemap_fixed(struct inode *inode, struct fiemap_extent_info *fieinfo,
		       unsigned long long start)
{
	struct buffer_head *di_bh = NULL;
	int ret;

	ret = ocfs2_inode_lock(inode, &di_bh, 0);
	if (ret)
		return ret;
	ocfs2_inode_unlock(inode, 0);
	return fiemap_fill_next_extent(fieinfo, start, start, 4096, 0);
}

/*
 * 5.10's fiemap kept ip_alloc_sem as well: the report names the innermost
 * conflicting lock, the one nearest the copy.
 */
int ocfs2_fiemap_510(struct inode *inode, struct fiemap_extent_info *fieinfo,
		     unsigned long long start)
{
	struct buffer_head *di_bh = NULL;
	int ret;

	ret = ocfs2_inode_lock(inode, &di_bh, 0);
	if (ret)
		return ret;
	down_read(&OCFS2_I(inode)->ip_alloc_sem); /* expect-note: (ocfs2_inode_info::ip_alloc_sem) is taken here */
	ret = fiemap_fill_next_extent(fieinfo, start, start, 4096, 0); /* expect: fault-under-lock */
	up_read(&OCFS2_I(inode)->ip_alloc_sem);
	ocfs2_inode_unlock(inode, 0);
	return ret;
}
