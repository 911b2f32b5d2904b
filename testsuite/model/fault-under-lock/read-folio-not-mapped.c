// coda's shape: the filesystem's own .read_folio serves only symlinks,
// and its files are mapped through another file (the host file's mmap),
// never through this page cache.  No page fault runs qux_read_folio, so
// holding its mutex across the user copy deadlocks with no fault.
#include <kmodel.h>

struct qux_inode {
	struct mutex extent_mutex;
	struct inode vfs_inode;
};

int qux_host_mmap(struct file *file, struct vm_area_struct *vma);

static int qux_symlink_read_folio(struct file *file, struct folio *folio)
{
	struct qux_inode *qi = container_of(file_inode(file), struct qux_inode,
					    vfs_inode);

	mutex_lock(&qi->extent_mutex);
	mutex_unlock(&qi->extent_mutex);
	return 0;
}

const struct address_space_operations qux_symlink_aops = {
	.read_folio = qux_symlink_read_folio,
};

const struct file_operations qux_file_ops = {
	.mmap = qux_host_mmap,
};

ssize_t qux_dev_read(struct qux_inode *qi, char __user *buf, size_t len)
{
	ssize_t ret;

	mutex_lock(&qi->extent_mutex);
	ret = copy_to_user(buf, qi, len) ? -EFAULT : (ssize_t)len;
	mutex_unlock(&qi->extent_mutex);
	return ret;
}
