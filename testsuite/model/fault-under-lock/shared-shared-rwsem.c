// Read side held across the copy and read side taken by the fault path:
// the two do not conflict.
#include <kmodel.h>

struct sh_inode {
	struct rw_semaphore map_sem;
	struct inode vfs_inode;
};

static vm_fault_t sh_fault(struct vm_fault *vmf)
{
	struct sh_inode *si = container_of(file_inode(vmf->vma->vm_file),
					   struct sh_inode, vfs_inode);
	vm_fault_t ret;

	down_read(&si->map_sem);
	ret = filemap_fault(vmf);
	up_read(&si->map_sem);
	return ret;
}

const struct vm_operations_struct sh_vm_ops = {
	.fault = sh_fault,
};

int sh_fiemap(struct sh_inode *si, struct fiemap_extent_info *fi)
{
	int ret;

	down_read(&si->map_sem);
	ret = fiemap_fill_next_extent(fi, 0, 0, 4096, 0);
	up_read(&si->map_sem);
	return ret;
}
