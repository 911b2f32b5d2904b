// The read side of address_space_operations is on the fault path too:
// filemap_fault reads the page through .read_folio, for a filesystem that
// maps its files through the page cache (generic_file_mmap).
#include <kmodel.h>

struct qux_inode {
	struct mutex extent_mutex;
	struct inode vfs_inode;
};

static int qux_read_folio(struct file *file, struct folio *folio)
{
	struct qux_inode *qi = container_of(file_inode(file), struct qux_inode,
					    vfs_inode);

	mutex_lock(&qi->extent_mutex);
	mutex_unlock(&qi->extent_mutex);
	return 0;
}

const struct address_space_operations qux_aops = {
	.read_folio = qux_read_folio,
};

const struct file_operations qux_file_ops = {
	.mmap = generic_file_mmap,
};

ssize_t qux_read_iter(struct kiocb *iocb, struct iov_iter *to)
{
	struct qux_inode *qi = container_of(file_inode(iocb->ki_filp),
					    struct qux_inode, vfs_inode);
	ssize_t ret;

	mutex_lock(&qi->extent_mutex);
	ret = filemap_read(iocb, to, 0); /* expect: fault-under-lock */
	mutex_unlock(&qi->extent_mutex);
	return ret;
}
