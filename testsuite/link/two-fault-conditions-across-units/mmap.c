// The fault path locks the page.
#include <kmodel.h>

static vm_fault_t tf_page_mkwrite(struct vm_fault *vmf)
{
	lock_page(vmf->page);
	unlock_page(vmf->page);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct tf_vm_ops = {
	.page_mkwrite = tf_page_mkwrite,
};
