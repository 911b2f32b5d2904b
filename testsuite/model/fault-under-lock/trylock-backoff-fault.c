// exfat's page_mkwrite shape: the fault handler only tries i_rwsem and
// asks for a retry when it is taken.  It never waits for the lock, so the
// write path holding i_rwsem across the user copy cannot deadlock with it.
#include <kmodel.h>

static vm_fault_t baz_page_mkwrite(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);

	if (!inode_trylock(inode))
		return VM_FAULT_RETRY;
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

	inode_lock(inode);
	ret = generic_perform_write(iocb, from);
	inode_unlock(inode);
	return ret;
}
