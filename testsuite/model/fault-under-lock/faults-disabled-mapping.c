// bcachefs-style: current->faults_disabled_mapping set around the I/O,
// so a fault on this file's mapping fails instead of taking the lock.
#include <kmodel.h>

extern const struct iomap_ops bch_iomap_ops;

struct bch_inode {
	struct mutex pagecache_lock;
	struct inode vfs_inode;
};

static vm_fault_t bch_page_mkwrite(struct vm_fault *vmf)
{
	struct bch_inode *bi = container_of(file_inode(vmf->vma->vm_file),
					    struct bch_inode, vfs_inode);

	mutex_lock(&bi->pagecache_lock);
	mutex_unlock(&bi->pagecache_lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct bch_vm_ops = {
	.page_mkwrite = bch_page_mkwrite,
};

ssize_t bch_direct_write(struct bch_inode *bi, struct kiocb *iocb,
			 struct iov_iter *iter)
{
	ssize_t ret;

	mutex_lock(&bi->pagecache_lock);
	current->faults_disabled_mapping = bi->vfs_inode.i_mapping;
	ret = iomap_dio_rw(iocb, iter, &bch_iomap_ops, NULL, 0, NULL, 0);
	current->faults_disabled_mapping = NULL;
	mutex_unlock(&bi->pagecache_lock);
	return ret;
}
