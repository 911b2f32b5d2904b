// A filesystem whose page_mkwrite takes i_rwsem: holding it across a
// buffered write that copies from user memory deadlocks.
#include <kmodel.h>

static vm_fault_t baz_page_mkwrite(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);

	inode_lock(inode);
	inode_unlock(inode);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct baz_vm_ops = {
	.page_mkwrite = baz_page_mkwrite,
};

ssize_t baz_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock(inode); /* expect-note: 'inode->i_rwsem' (inode::i_rwsem) is taken here */
	ret = generic_perform_write(iocb, from); /* expect: fault-under-lock */
	inode_unlock(inode);
	return ret;
}
