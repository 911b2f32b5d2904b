// iomap_dio_rw under a lock the fault handler takes, in a tree whose
// iomap_dio_rw has IOMAP_DIO_PARTIAL and done_before: patch mode rewrites
// it into the gfs2 5.16 shape (faults disabled, partial I/O, fault-in of
// the rest with the lock dropped, retry).  The already fixed shape and a
// lock the fault path never takes are left alone.
#include <kmodel.h>

struct dd_inode {
	struct gfs2_inode gi;
	struct mutex dio_mutex;
};

static vm_fault_t dd_page_mkwrite(struct vm_fault *vmf)
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

const struct vm_operations_struct dd_vm_ops = {
	.page_mkwrite = dd_page_mkwrite,
};

ssize_t dd_direct_read(struct kiocb *iocb, struct iov_iter *to,
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

ssize_t dd_direct_write(struct kiocb *iocb, struct iov_iter *from,
			unsigned int flags)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(iocb->ki_filp));
	struct gfs2_holder gh;
	ssize_t ret;

	gfs2_holder_init(ip->i_gl, LM_ST_DEFERRED, 0, &gh);
	gfs2_glock_nq(&gh);
	ret = iomap_dio_rw(iocb, from, NULL, NULL, flags, NULL, 0); /* expect-cocci: fault-under-lock */
	gfs2_glock_dq(&gh);
	gfs2_holder_uninit(&gh);
	return ret;
}

ssize_t dd_direct_read_fixed(struct kiocb *iocb, struct iov_iter *to,
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
ssize_t dd_direct_write_fixed(struct kiocb *iocb, struct iov_iter *from,
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

/* The handler never takes a mutex: nothing to report or rewrite. */
ssize_t dd_direct_read_mutex(struct kiocb *iocb, struct iov_iter *to,
			     struct dd_inode *di)
{
	ssize_t ret;

	mutex_lock(&di->dio_mutex);
	ret = iomap_dio_rw(iocb, to, NULL, NULL, 0, NULL, 0);
	mutex_unlock(&di->dio_mutex);
	return ret;
}
