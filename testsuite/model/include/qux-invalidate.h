/*
 * A filesystem whose page fault takes the inode's invalidate_lock, as
 * filemap_fault takes mapping->invalidate_lock: for the cases that hold
 * that lock across calls into other code (fs/smb/client's shape).
 */
struct qux_inode {
	struct rw_semaphore invalidate_lock;
	struct inode vfs_inode;
};

static inline struct qux_inode *QUX_I(struct inode *inode)
{
	return container_of(inode, struct qux_inode, vfs_inode);
}

static vm_fault_t qux_fault(struct vm_fault *vmf)
{
	struct qux_inode *qi = QUX_I(file_inode(vmf->vma->vm_file));

	down_read(&qi->invalidate_lock);
	up_read(&qi->invalidate_lock);
	return filemap_fault(vmf);
}

const struct vm_operations_struct qux_vm_ops = {
	.fault = qux_fault,
};
