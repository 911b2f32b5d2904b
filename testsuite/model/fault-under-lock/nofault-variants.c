// Calls that cannot fault: the _nofault and _inatomic copies, GUP with
// FOLL_NOFAULT, anything inside pagefault_disable().
#include <kmodel.h>

struct nf_inode {
	struct mutex lock;
	struct inode vfs_inode;
};

static vm_fault_t nf_page_mkwrite(struct vm_fault *vmf)
{
	struct nf_inode *ni = container_of(file_inode(vmf->vma->vm_file),
					   struct nf_inode, vfs_inode);

	mutex_lock(&ni->lock);
	mutex_unlock(&ni->lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct nf_vm_ops = {
	.page_mkwrite = nf_page_mkwrite,
};

long nf_report(struct nf_inode *ni, void __user *buf, unsigned long addr,
	       struct page **pages)
{
	long ret;

	mutex_lock(&ni->lock);
	ret = copy_to_user_nofault(buf, ni, 8);
	ret |= __copy_to_user_inatomic(buf, ni, 8);
	ret |= get_user_pages_fast(addr, 1, FOLL_WRITE | FOLL_NOFAULT, pages);
	pagefault_disable();
	ret |= copy_to_user(buf, ni, 8);
	pagefault_enable();
	mutex_unlock(&ni->lock);
	return ret;
}
