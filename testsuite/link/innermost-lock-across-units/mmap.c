// The fault path takes both locks.
#include <kmodel.h>
#include "ex_fs.h"

static vm_fault_t ex_page_mkwrite(struct vm_fault *vmf)
{
	struct ex_inode *ei = EX_I(file_inode(vmf->vma->vm_file));

	mutex_lock(&ei->meta_mutex);
	down_write(&ei->alloc_sem); /* expect-link-note: takes 'ei->alloc_sem' exclusively here */
	up_write(&ei->alloc_sem);
	mutex_unlock(&ei->meta_mutex);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct ex_vm_ops = {
	.page_mkwrite = ex_page_mkwrite,
};
