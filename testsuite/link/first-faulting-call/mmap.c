// The fault path takes the I/O rwsem exclusively.
#include <kmodel.h>
#include "ex_fs.h"

static vm_fault_t ex_page_mkwrite(struct vm_fault *vmf)
{
	struct ex_inode *ei = EX_I(file_inode(vmf->vma->vm_file));

	down_write(&ei->io_sem);
	up_write(&ei->io_sem);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct ex_vm_ops = {
	.page_mkwrite = ex_page_mkwrite,
};
