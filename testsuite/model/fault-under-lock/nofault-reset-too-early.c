// Half-done fixes: the nofault state is cleared before the call it was
// meant to cover.
#include <kmodel.h>

extern const struct iomap_ops hf_iomap_ops;

struct hf_inode {
	struct mutex io_lock;
	struct inode vfs_inode;
};

static vm_fault_t hf_page_mkwrite(struct vm_fault *vmf)
{
	struct hf_inode *hi = container_of(file_inode(vmf->vma->vm_file),
					   struct hf_inode, vfs_inode);

	mutex_lock(&hi->io_lock);
	mutex_unlock(&hi->io_lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct hf_vm_ops = {
	.page_mkwrite = hf_page_mkwrite,
};

ssize_t hf_dio_read(struct hf_inode *hi, struct kiocb *iocb, struct iov_iter *to)
{
	ssize_t ret;

	mutex_lock(&hi->io_lock);
	to->nofault = true;
	to->nofault = false;
	ret = iomap_dio_rw(iocb, to, &hf_iomap_ops, NULL, 0, NULL, 0); /* expect: fault-under-lock */
	mutex_unlock(&hi->io_lock);
	return ret;
}

ssize_t hf_buffered_read(struct hf_inode *hi, struct kiocb *iocb,
			 struct iov_iter *to)
{
	ssize_t ret;

	mutex_lock(&hi->io_lock);
	pagefault_disable();
	pagefault_enable();
	ret = filemap_read(iocb, to, 0); /* expect: fault-under-lock */
	mutex_unlock(&hi->io_lock);
	return ret;
}

/* The nofault iterator protects that iterator only. */
ssize_t hf_two_iters(struct hf_inode *hi, struct kiocb *iocb,
		     struct iov_iter *to, struct iov_iter *other)
{
	ssize_t ret;

	mutex_lock(&hi->io_lock);
	to->nofault = true;
	ret = filemap_read(iocb, to, 0);
	ret += filemap_read(iocb, other, 0); /* expect: fault-under-lock */
	to->nofault = false;
	mutex_unlock(&hi->io_lock);
	return ret;
}
