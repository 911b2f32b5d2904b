// SPDX-License-Identifier: GPL-2.0
// The seed 001 shape with real headers: the lock the fault takes is held,
// but faults are disabled, the iterator is nofault and the fault-in runs
// after unlocking.  No warning.
#include <linux/fs.h>
#include <linux/iomap.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/uaccess.h>
#include <linux/uio.h>

static const struct iomap_ops kt_iomap_ops;

struct kt_inode {
	struct rw_semaphore io_sem;
	struct inode vfs_inode;
};

static vm_fault_t kt_page_mkwrite(struct vm_fault *vmf)
{
	struct kt_inode *ki = container_of(file_inode(vmf->vma->vm_file),
					   struct kt_inode, vfs_inode);

	down_write(&ki->io_sem);
	up_write(&ki->io_sem);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct kt_vm_ops = {
	.fault = filemap_fault,
	.page_mkwrite = kt_page_mkwrite,
};

ssize_t kt_direct_read(struct kt_inode *ki, struct kiocb *iocb,
		       struct iov_iter *to)
{
	size_t window = iov_iter_count(to);
	size_t read = 0;
	ssize_t ret;

retry:
	down_read(&ki->io_sem);
	pagefault_disable();
	to->nofault = true;
	ret = iomap_dio_rw(iocb, to, &kt_iomap_ops, NULL, IOMAP_DIO_PARTIAL,
			   NULL, read);
	to->nofault = false;
	pagefault_enable();
	up_read(&ki->io_sem);
	if (ret > 0)
		read = ret;
	if (ret == -EFAULT && window) {
		window -= fault_in_iov_iter_writeable(to, window);
		if (window)
			goto retry;
	}
	return read ? read : ret;
}

MODULE_LICENSE("GPL");
