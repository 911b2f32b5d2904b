// SPDX-License-Identifier: GPL-2.0
// A page_mkwrite that takes i_rwsem through the real inode_lock(), and a
// write path holding it across generic_perform_write().
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/uio.h>

static vm_fault_t kt_page_mkwrite(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);

	inode_lock(inode);
	inode_unlock(inode);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct kt_vm_ops = {
	.fault = filemap_fault,
	.page_mkwrite = kt_page_mkwrite,
};

ssize_t kt_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock(inode);
	ret = generic_perform_write(iocb, from); /* expect: fault-under-lock */
	inode_unlock(inode);
	return ret;
}

MODULE_LICENSE("GPL");
