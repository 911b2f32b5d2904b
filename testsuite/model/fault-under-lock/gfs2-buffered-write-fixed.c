// The fixed gfs2 buffered write: pages faulted in before the glock is
// taken and after it is dropped; the write itself runs with faults off.
#include <kmodel.h>

extern const struct iomap_ops gfs2_iomap_ops;
bool should_fault_in_pages(struct iov_iter *i, struct kiocb *iocb,
			   size_t *prev_count, size_t *window_size);

static vm_fault_t gfs2_page_mkwrite(struct vm_fault *vmf)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(vmf->vma->vm_file));
	struct gfs2_holder gh;

	if (gfs2_glock_nq_init(ip->i_gl, LM_ST_EXCLUSIVE, 0, &gh))
		return VM_FAULT_SIGBUS;
	gfs2_glock_dq_uninit(&gh);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct gfs2_vm_ops = {
	.page_mkwrite = gfs2_page_mkwrite,
};

ssize_t gfs2_file_buffered_write(struct kiocb *iocb, struct iov_iter *from,
				 struct gfs2_holder *gh)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(iocb->ki_filp));
	size_t prev_count = 0, window_size = 0;
	size_t orig_count = iov_iter_count(from);
	size_t written = 0;
	ssize_t ret;

	gfs2_holder_init(ip->i_gl, LM_ST_EXCLUSIVE, 0, gh);
	if (should_fault_in_pages(from, iocb, &prev_count, &window_size)) {
retry:
		window_size -= fault_in_iov_iter_readable(from, window_size);
		if (!window_size) {
			ret = -EFAULT;
			goto out_uninit;
		}
	}
	ret = gfs2_glock_nq(gh);
	if (ret)
		goto out_uninit;

	pagefault_disable();
	ret = iomap_file_buffered_write(iocb, from, &gfs2_iomap_ops);
	pagefault_enable();
	if (ret > 0)
		written += ret;
	if (ret <= 0 && ret != -EFAULT)
		goto out_unlock;

	from->count = orig_count - written;
	if (should_fault_in_pages(from, iocb, &prev_count, &window_size)) {
		gfs2_glock_dq(gh);
		goto retry;
	}
out_unlock:
	if (gfs2_holder_queued(gh))
		gfs2_glock_dq(gh);
out_uninit:
	gfs2_holder_uninit(gh);
	return written ? written : ret;
}
