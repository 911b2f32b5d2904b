// SPDX-License-Identifier: GPL-2.0
// ext4-style: i_rwsem held across iomap_dio_rw; the fault path takes the
// invalidate_lock only.  No warning.
#include <linux/fs.h>
#include <linux/iomap.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/pagemap.h>

static const struct iomap_ops kt_iomap_ops;

static vm_fault_t kt_filemap_fault(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	vm_fault_t ret;

	filemap_invalidate_lock_shared(inode->i_mapping);
	ret = filemap_fault(vmf);
	filemap_invalidate_unlock_shared(inode->i_mapping);
	return ret;
}

const struct vm_operations_struct kt_vm_ops = {
	.fault = kt_filemap_fault,
	.map_pages = filemap_map_pages,
	.page_mkwrite = kt_filemap_fault,
};

ssize_t kt_dio_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock_shared(inode);
	ret = iomap_dio_rw(iocb, to, &kt_iomap_ops, NULL, 0, NULL, 0);
	inode_unlock_shared(inode);
	return ret;
}

ssize_t kt_dio_write_iter(struct kiocb *iocb, struct iov_iter *from)
{
	struct inode *inode = file_inode(iocb->ki_filp);
	ssize_t ret;

	inode_lock(inode);
	ret = iomap_dio_rw(iocb, from, &kt_iomap_ops, NULL, 0, NULL, 0);
	inode_unlock(inode);
	return ret;
}

MODULE_LICENSE("GPL");
