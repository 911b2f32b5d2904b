// A gfs2-style buffered write that takes the glock with gfs2_glock_nq_init
// and holds it across iomap_file_buffered_write.
#include <kmodel.h>

extern const struct iomap_ops gfs2_iomap_ops;

static vm_fault_t gfs2_fault(struct vm_fault *vmf)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(vmf->vma->vm_file));
	struct gfs2_holder gh;
	vm_fault_t ret;

	if (gfs2_glock_nq_init(ip->i_gl, LM_ST_SHARED, 0, &gh))
		return VM_FAULT_SIGBUS;
	ret = filemap_fault(vmf);
	gfs2_glock_dq_uninit(&gh);
	return ret;
}

const struct vm_operations_struct gfs2_vm_ops = {
	.fault = gfs2_fault,
};

ssize_t gfs2_file_buffered_write(struct kiocb *iocb, struct iov_iter *from)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(iocb->ki_filp));
	struct gfs2_holder gh;
	ssize_t ret;

	ret = gfs2_glock_nq_init(ip->i_gl, LM_ST_EXCLUSIVE, 0, &gh);
	if (ret)
		return ret;
	ret = iomap_file_buffered_write(iocb, from, &gfs2_iomap_ops); /* expect: fault-under-lock */
	gfs2_glock_dq_uninit(&gh);
	return ret;
}
