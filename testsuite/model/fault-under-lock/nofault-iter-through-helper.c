// A static helper faults only through the iterator it is handed; the
// caller marks that iterator nofault.  And the same helper without it.
#include <kmodel.h>

extern const struct iomap_ops ih_iomap_ops;

struct ih_inode {
	struct rw_semaphore io_sem;
	struct inode vfs_inode;
};

static vm_fault_t ih_page_mkwrite(struct vm_fault *vmf)
{
	struct ih_inode *ii = container_of(file_inode(vmf->vma->vm_file),
					   struct ih_inode, vfs_inode);

	down_write(&ii->io_sem);
	up_write(&ii->io_sem);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct ih_vm_ops = {
	.page_mkwrite = ih_page_mkwrite,
};

static ssize_t ih_do_dio(struct kiocb *iocb, struct iov_iter *iter)
{
	return iomap_dio_rw(iocb, iter, &ih_iomap_ops, NULL, IOMAP_DIO_PARTIAL,
			    NULL, 0);
}

ssize_t ih_read_fixed(struct ih_inode *ii, struct kiocb *iocb,
		      struct iov_iter *to)
{
	ssize_t ret;

	down_read(&ii->io_sem);
	to->nofault = true;
	ret = ih_do_dio(iocb, to);
	to->nofault = false;
	up_read(&ii->io_sem);
	return ret;
}

ssize_t ih_write_exclusive(struct ih_inode *ii, struct kiocb *iocb,
			   struct iov_iter *from)
{
	ssize_t ret;

	down_write(&ii->io_sem);
	ret = ih_do_dio(iocb, from); /* expect: fault-under-lock */
	up_write(&ii->io_sem);
	return ret;
}
