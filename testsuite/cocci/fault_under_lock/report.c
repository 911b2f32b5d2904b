// fault_under_lock.cocci in report mode: the gfs2 shapes of 5.10 warn,
// the 6.1 fix (faults disabled) and locks the fault handler never takes
// stay silent.  /* expect-cocci: CHECK */ marks each line that must be
// reported.
#include <kmodel.h>

struct rc_inode {
	struct gfs2_inode gi;
	struct mutex other;
};

static vm_fault_t rc_page_mkwrite(struct vm_fault *vmf)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(vmf->vma->vm_file));
	struct gfs2_holder gh;
	int err;

	gfs2_holder_init(ip->i_gl, LM_ST_EXCLUSIVE, 0, &gh);
	err = gfs2_glock_nq(&gh);
	if (!err)
		gfs2_glock_dq(&gh);
	gfs2_holder_uninit(&gh);
	return err ? VM_FAULT_SIGBUS : VM_FAULT_LOCKED;
}

const struct vm_operations_struct rc_vm_ops = {
	.page_mkwrite = rc_page_mkwrite,
};

ssize_t rc_direct_read(struct kiocb *iocb, struct iov_iter *to,
		       struct gfs2_holder *gh)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(iocb->ki_filp));
	ssize_t ret;

	gfs2_holder_init(ip->i_gl, LM_ST_DEFERRED, 0, gh);
	ret = gfs2_glock_nq(gh);
	if (ret)
		goto out;
	ret = iomap_dio_rw(iocb, to, NULL, NULL, 0, NULL, 0); /* expect-cocci: fault-under-lock */
	gfs2_glock_dq(gh);
out:
	gfs2_holder_uninit(gh);
	return ret;
}

ssize_t rc_direct_read_fixed(struct kiocb *iocb, struct iov_iter *to,
			     struct gfs2_holder *gh)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(iocb->ki_filp));
	ssize_t ret;

	gfs2_holder_init(ip->i_gl, LM_ST_DEFERRED, 0, gh);
	ret = gfs2_glock_nq(gh);
	if (ret)
		goto out;
	pagefault_disable();
	to->nofault = true;
	ret = iomap_dio_rw(iocb, to, NULL, NULL, IOMAP_DIO_PARTIAL, NULL, 0);
	to->nofault = false;
	pagefault_enable();
	gfs2_glock_dq(gh);
out:
	gfs2_holder_uninit(gh);
	return ret;
}

/* 6.1 gfs2 direct write: only the iterator's nofault field is set. */
ssize_t rc_direct_write_fixed(struct kiocb *iocb, struct iov_iter *from,
			      struct gfs2_holder *gh)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(iocb->ki_filp));
	ssize_t ret;

	gfs2_holder_init(ip->i_gl, LM_ST_DEFERRED, 0, gh);
	ret = gfs2_glock_nq(gh);
	if (ret)
		goto out;
	from->nofault = true;
	ret = iomap_dio_rw(iocb, from, NULL, NULL, IOMAP_DIO_PARTIAL, NULL, 0);
	from->nofault = false;
	gfs2_glock_dq(gh);
out:
	gfs2_holder_uninit(gh);
	return ret;
}

/* The fault handler never calls mutex_lock: nothing to report. */
long rc_other(struct rc_inode *ri, void __user *buf)
{
	long ret;

	mutex_lock(&ri->other);
	ret = copy_to_user(buf, ri, 8);
	mutex_unlock(&ri->other);
	return ret;
}
