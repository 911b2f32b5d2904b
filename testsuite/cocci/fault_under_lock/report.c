// fault_under_lock.cocci in report mode: the gfs2 shape of 5.10 warns, a
// lock the fault handler never takes stays silent.  /* expect-cocci: CHECK */
// marks each line that must be reported.  5.10's iomap_dio_rw has no
// IOMAP_DIO_PARTIAL and no done_before: patch mode leaves it alone (the
// fixed shapes and the rewrite are in dio.c).
#define KMODEL_IOMAP_5_10
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
	ret = iomap_dio_rw(iocb, to, NULL, NULL, true); /* expect-cocci: fault-under-lock */
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
