// ext4-style direct I/O: i_rwsem held across iomap_dio_rw is safe because
// the fault path takes only the mapping's invalidate_lock.
#include <kmodel.h>

extern const struct iomap_ops ext4_iomap_ops;

static vm_fault_t ext4_filemap_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	vm_fault_t ret;

	filemap_invalidate_lock_shared(inode->i_mapping);
	ret = filemap_fault(vmf);
	filemap_invalidate_unlock_shared(inode->i_mapping);
	return ret;
}

static vm_fault_t ext4_page_mkwrite(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);

	filemap_invalidate_lock_shared(inode->i_mapping);
	filemap_invalidate_unlock_shared(inode->i_mapping);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct ext4_file_vm_ops = {
	.fault = ext4_filemap_fault,
	.map_pages = filemap_map_pages,
	.page_mkwrite = ext4_page_mkwrite,
};

ssize_t ext4_dio_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock_shared(inode);
	ret = iomap_dio_rw(iocb, to, &ext4_iomap_ops, NULL, 0, NULL, 0);
	inode_unlock_shared(inode);
	return ret;
}

ssize_t ext4_dio_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock(inode);
	ret = iomap_dio_rw(iocb, from, &ext4_iomap_ops, NULL, 0, NULL, 0);
	inode_unlock(inode);
	return ret;
}
