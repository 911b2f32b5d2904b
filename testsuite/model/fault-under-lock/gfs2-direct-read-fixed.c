// The seed 001 fix: faults disabled while the glock is held, a partial
// result returned, the glock dropped, the pages faulted in, and a retry.
// No warning anywhere.
#include <kmodel.h>

extern const struct iomap_ops gfs2_iomap_ops;
bool should_fault_in_pages(struct iov_iter *i, struct kiocb *iocb,
			   size_t *prev_count, size_t *window_size);

static vm_fault_t gfs2_page_mkwrite(struct vm_fault *vmf)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(vmf->vma->vm_file));
	struct gfs2_holder gh;

	gfs2_holder_init(ip->i_gl, LM_ST_EXCLUSIVE, 0, &gh);
	if (gfs2_glock_nq(&gh))
		return VM_FAULT_SIGBUS;
	gfs2_glock_dq(&gh);
	gfs2_holder_uninit(&gh);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct gfs2_vm_ops = {
	.page_mkwrite = gfs2_page_mkwrite,
};

ssize_t gfs2_file_direct_read(struct kiocb *iocb, struct iov_iter *to,
			      struct gfs2_holder *gh)
{
	struct gfs2_inode *ip = GFS2_I(iocb->ki_filp->f_mapping->host);
	size_t prev_count = 0, window_size = 0;
	size_t read = 0;
	ssize_t ret;

	if (!iov_iter_count(to))
		return 0;

	gfs2_holder_init(ip->i_gl, LM_ST_DEFERRED, 0, gh);
retry:
	ret = gfs2_glock_nq(gh);
	if (ret)
		goto out_uninit;
	pagefault_disable();
	to->nofault = true;
	ret = iomap_dio_rw(iocb, to, &gfs2_iomap_ops, NULL, IOMAP_DIO_PARTIAL,
			   NULL, read);
	to->nofault = false;
	pagefault_enable();
	if (ret <= 0 && ret != -EFAULT)
		goto out_unlock;
	if (ret > 0)
		read = ret;

	if (should_fault_in_pages(to, iocb, &prev_count, &window_size)) {
		gfs2_glock_dq(gh);
		window_size -= fault_in_iov_iter_writeable(to, window_size);
		if (window_size)
			goto retry;
	}
out_unlock:
	if (gfs2_holder_queued(gh))
		gfs2_glock_dq(gh);
out_uninit:
	gfs2_holder_uninit(gh);
	if (ret < 0)
		return ret;
	return read;
}
