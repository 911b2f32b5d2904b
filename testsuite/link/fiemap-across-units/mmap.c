// The fault path lives in this unit: page_mkwrite takes the allocation
// semaphore for write (ocfs2_page_mkwrite in fs/ocfs2/mmap.c).
#include <kmodel.h>
#include "ex_fs.h"

static vm_fault_t ex_page_mkwrite(struct vm_fault *vmf)
{
	struct ex_inode *ei = EX_I(file_inode(vmf->vma->vm_file));

	down_write(&ei->alloc_sem); /* expect-link-note: the page fault path 'ex_page_mkwrite' (vm_operations_struct::page_mkwrite) takes 'ei->alloc_sem' exclusively here */
	up_write(&ei->alloc_sem);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct ex_vm_ops = {
	.page_mkwrite = ex_page_mkwrite,
};
