// fault_under_lock.cocci patch mode and shared data: a value or buffer
// that is not the function's own would be read with the lock dropped if
// the copy moved after the unlock, so these are reported and left alone.
#include <kmodel.h>

void __put_user_4(unsigned int x, unsigned int __user *p);
#define put_user(x, p) ({ might_fault(); __put_user_4((x), (p)); 0; })

static vm_fault_t bs_fault(struct vm_fault *vmf)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(vmf->vma->vm_file));
	struct gfs2_holder gh;

	gfs2_holder_init(ip->i_gl, LM_ST_SHARED, 0, &gh);
	if (gfs2_glock_nq(&gh) == 0)
		gfs2_glock_dq(&gh);
	gfs2_holder_uninit(&gh);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct bs_vm_ops = {
	.fault = bs_fault,
};

struct bs_stats {
	unsigned long reads, writes;
};

/* Shared data copied straight out: moving the copy after the unlock would
 * read it unlocked, so patch mode leaves it (report only). */
int bs_get_stats(struct gfs2_inode *ip, struct bs_stats *stats,
		 void __user *dst)
{
	struct gfs2_holder gh;
	int error;

	gfs2_holder_init(ip->i_gl, LM_ST_SHARED, 0, &gh);
	error = gfs2_glock_nq(&gh);
	if (error)
		goto out_uninit;
	if (copy_to_user(dst, stats, sizeof(*stats))) /* expect-cocci: fault-under-lock */
		error = -EFAULT;
	gfs2_glock_dq(&gh);
out_uninit:
	gfs2_holder_uninit(&gh);
	return error;
}

int bs_get_state(struct gfs2_inode *ip, unsigned int __user *ptr)
{
	struct gfs2_holder gh;
	int error;

	gfs2_holder_init(ip->i_gl, LM_ST_SHARED, 0, &gh);
	error = gfs2_glock_nq(&gh);
	if (error)
		goto out_uninit;
	if (put_user(ip->i_gl->gl_state, ptr)) /* expect-cocci: fault-under-lock */
		error = -EFAULT;
	gfs2_glock_dq(&gh);
out_uninit:
	gfs2_holder_uninit(&gh);
	return error;
}
