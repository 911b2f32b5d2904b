// The fault path syncs quota in another unit.
#include <kmodel.h>
#include "qt_fs.h"

struct qt_sb_info *qt_sbi(struct inode *inode);

static vm_fault_t qt_page_mkwrite(struct vm_fault *vmf)
{
	qt_quota_sync(qt_sbi(file_inode(vmf->vma->vm_file)));
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct qt_vm_ops = {
	.page_mkwrite = qt_page_mkwrite,
};
