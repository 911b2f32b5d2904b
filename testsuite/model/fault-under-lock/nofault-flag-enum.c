// Since Linux 6.3 FOLL_NOFAULT is an enumerator, not a macro: GUP with it
// cannot fault, GUP without it can.
#include <kmodel.h>

#undef FOLL_NOFAULT
enum {
	FOLL_NOFAULT = 1 << 6,
};

struct ne_inode {
	struct mutex lock;
	struct inode vfs_inode;
};

static vm_fault_t ne_page_mkwrite(struct vm_fault *vmf)
{
	struct ne_inode *ni = container_of(file_inode(vmf->vma->vm_file),
					   struct ne_inode, vfs_inode);

	mutex_lock(&ni->lock);
	mutex_unlock(&ni->lock);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct ne_vm_ops = {
	.page_mkwrite = ne_page_mkwrite,
};

long ne_pin(struct ne_inode *ni, unsigned long addr, struct page **pages)
{
	long ret;

	mutex_lock(&ni->lock);
	ret = get_user_pages_fast(addr, 1, FOLL_WRITE | FOLL_NOFAULT, pages);
	if (ret == 0)
		ret = get_user_pages_fast(addr, 1, FOLL_WRITE, pages); /* expect: fault-under-lock */
	mutex_unlock(&ni->lock);
	return ret;
}
