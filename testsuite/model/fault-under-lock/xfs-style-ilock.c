// xfs-style: the IOLOCK (i_rwsem) is held across buffered and direct I/O;
// the fault path takes the MMAPLOCK (invalidate_lock).  No warning.
#include <kmodel.h>

extern const struct iomap_ops xfs_read_iomap_ops;

struct xfs_inode {
	struct inode i_vnode;
};

static inline struct inode *VFS_I(struct xfs_inode *ip) { return &ip->i_vnode; }

static void xfs_ilock_mmap_shared(struct xfs_inode *ip)
{
	down_read(&VFS_I(ip)->i_mapping->invalidate_lock);
}

static void xfs_iunlock_mmap_shared(struct xfs_inode *ip)
{
	up_read(&VFS_I(ip)->i_mapping->invalidate_lock);
}

static vm_fault_t xfs_filemap_fault(struct vm_fault *vmf)
{
	struct xfs_inode *ip = container_of(file_inode(vmf->vma->vm_file),
					    struct xfs_inode, i_vnode);
	vm_fault_t ret;

	xfs_ilock_mmap_shared(ip);
	ret = filemap_fault(vmf);
	xfs_iunlock_mmap_shared(ip);
	return ret;
}

const struct vm_operations_struct xfs_file_vm_ops = {
	.fault = xfs_filemap_fault,
	.page_mkwrite = xfs_filemap_fault,
};

ssize_t xfs_file_buffered_read(struct kiocb *iocb, struct iov_iter *to)
{
	struct xfs_inode *ip = container_of(file_inode(iocb->ki_filp),
					    struct xfs_inode, i_vnode);
	ssize_t ret;

	down_read(&VFS_I(ip)->i_rwsem);
	ret = filemap_read(iocb, to, 0);
	up_read(&VFS_I(ip)->i_rwsem);
	return ret;
}
