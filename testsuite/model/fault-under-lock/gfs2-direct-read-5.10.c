// gfs2 before 5.16: the inode glock is held across iomap_dio_rw, and the
// page fault on an mmap of the same file takes that glock again.
#include <kmodel.h>

extern const struct iomap_ops gfs2_iomap_ops;

static vm_fault_t gfs2_page_mkwrite(struct vm_fault *vmf)
{
	struct inode *inode = file_inode(vmf->vma->vm_file);
	struct gfs2_inode *ip = GFS2_I(inode);
	struct gfs2_holder gh;
	int err;

	gfs2_holder_init(ip->i_gl, LM_ST_EXCLUSIVE, 0, &gh);
	err = gfs2_glock_nq(&gh);
	if (err)
		goto out_uninit;
	gfs2_glock_dq(&gh);
out_uninit:
	gfs2_holder_uninit(&gh);
	return err ? VM_FAULT_SIGBUS : VM_FAULT_LOCKED;
}

static const struct vm_operations_struct gfs2_vm_ops = {
	.fault = filemap_fault,
	.map_pages = filemap_map_pages,
	.page_mkwrite = gfs2_page_mkwrite,
};

const struct vm_operations_struct *gfs2_vm_ops_p = &gfs2_vm_ops;

ssize_t gfs2_file_direct_read(struct kiocb *iocb, struct iov_iter *to,
			      struct gfs2_holder *gh)
{
	struct file *file = iocb->ki_filp;
	struct gfs2_inode *ip = GFS2_I(file->f_mapping->host);
	ssize_t ret;

	if (!iov_iter_count(to))
		return 0;

	gfs2_holder_init(ip->i_gl, LM_ST_DEFERRED, 0, gh);
	ret = gfs2_glock_nq(gh);
	if (ret)
		goto out_uninit;

	ret = iomap_dio_rw(iocb, to, &gfs2_iomap_ops, NULL, 0, NULL, 0); /* expect: fault-under-lock */
	gfs2_glock_dq(gh);
out_uninit:
	gfs2_holder_uninit(gh);
	return ret;
}
