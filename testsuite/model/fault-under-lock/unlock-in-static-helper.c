// The lock is released by a static helper before the copy.
#include <kmodel.h>

struct uh_inode {
	struct mutex lock;
	struct inode vfs_inode;
};

static vm_fault_t uh_page_mkwrite(struct vm_fault *vmf)
{
	struct uh_inode *ui = container_of(file_inode(vmf->vma->vm_file),
					   struct uh_inode, vfs_inode);

	mutex_lock(&ui->lock);
	mutex_unlock(&ui->lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct uh_vm_ops = {
	.page_mkwrite = uh_page_mkwrite,
};

static void uh_finish(struct uh_inode *ui)
{
	mutex_unlock(&ui->lock);
}

int uh_read(struct uh_inode *ui, void __user *out)
{
	char buf[8];

	mutex_lock(&ui->lock);
	memcpy(buf, ui, sizeof(buf));
	uh_finish(ui);
	return copy_to_user(out, buf, sizeof(buf)) ? -EFAULT : 0;
}
