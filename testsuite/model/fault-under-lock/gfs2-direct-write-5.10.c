// gfs2 before 5.16, direct write: the glock is held in deferred mode across
// iomap_dio_rw; gfs2_page_mkwrite takes it exclusively.
#include <kmodel.h>

extern const struct iomap_ops gfs2_iomap_ops;

static vm_fault_t gfs2_page_mkwrite(struct vm_fault *vmf)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(vmf->vma->vm_file));
	struct gfs2_holder gh;

	gfs2_holder_init(ip->i_gl, LM_ST_EXCLUSIVE, 0, &gh);
	if (gfs2_glock_nq(&gh)) /* expect-note: takes 'ip->i_gl' here */
		return VM_FAULT_SIGBUS;
	gfs2_glock_dq(&gh);
	gfs2_holder_uninit(&gh);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct gfs2_vm_ops = {
	.fault = filemap_fault,
	.page_mkwrite = gfs2_page_mkwrite,
};

ssize_t gfs2_file_direct_write(struct kiocb *iocb, struct iov_iter *from,
			       struct gfs2_holder *gh)
{
	struct inode *inode = iocb->ki_filp->f_mapping->host;
	struct gfs2_inode *ip = GFS2_I(inode);
	size_t len = iov_iter_count(from);
	loff_t offset = iocb->ki_pos;
	ssize_t ret;

	gfs2_holder_init(ip->i_gl, LM_ST_DEFERRED, 0, gh);
	ret = gfs2_glock_nq(gh); /* expect-note: 'ip->i_gl' (gfs2_inode::i_gl) is taken here */
	if (ret)
		goto out_uninit;

	/* Silently fall back to buffered I/O when writing beyond EOF */
	if (offset + len > ip->i_inode.i_size)
		goto out;

	ret = iomap_dio_rw(iocb, from, &gfs2_iomap_ops, NULL, 0, NULL, 0); /* expect: fault-under-lock */
	if (ret == -11)
		ret = 0;
out:
	gfs2_glock_dq(gh);
out_uninit:
	gfs2_holder_uninit(gh);
	return ret;
}
