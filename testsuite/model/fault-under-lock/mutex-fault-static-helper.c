// A mutex held across copy_from_user, where .fault takes the same mutex
// through a static helper.
#include <kmodel.h>

struct foo_inode {
	struct mutex io_mutex;
	struct inode vfs_inode;
};

static inline struct foo_inode *FOO_I(struct inode *inode)
{
	return container_of(inode, struct foo_inode, vfs_inode);
}

static void foo_sync_mapping(struct foo_inode *fi)
{
	mutex_lock(&fi->io_mutex); /* expect-note: reaches 'foo_sync_mapping', which takes 'fi->io_mutex' here */
	mutex_unlock(&fi->io_mutex);
}

static vm_fault_t foo_fault(struct vm_fault *vmf)
{
	foo_sync_mapping(FOO_I(file_inode(vmf->vma->vm_file)));
	return filemap_fault(vmf);
}

const struct vm_operations_struct foo_vm_ops = {
	.fault = foo_fault,
};

long foo_ioctl_set(struct file *file, const void __user *arg)
{
	struct foo_inode *fi = FOO_I(file_inode(file));
	char buf[64];
	long ret = 0;

	mutex_lock(&fi->io_mutex);
	if (copy_from_user(buf, arg, sizeof(buf))) /* expect: fault-under-lock */
		ret = -EFAULT;
	mutex_unlock(&fi->io_mutex);
	return ret;
}
