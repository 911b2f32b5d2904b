// put_user and copy_to_user of a value computed under the lock: patch
// mode moves the copy after the unlock (a kernel snapshot copied out).
#include <kmodel.h>

void __put_user_4(unsigned int x, unsigned int __user *p);
#define put_user(x, p) ({ might_fault(); __put_user_4((x), (p)); 0; })

static vm_fault_t bc_fault(struct vm_fault *vmf)
{
	struct gfs2_inode *ip = GFS2_I(file_inode(vmf->vma->vm_file));
	struct gfs2_holder gh;

	gfs2_holder_init(ip->i_gl, LM_ST_SHARED, 0, &gh);
	if (gfs2_glock_nq(&gh) == 0)
		gfs2_glock_dq(&gh);
	gfs2_holder_uninit(&gh);
	return VM_FAULT_LOCKED;
}

const struct vm_operations_struct bc_vm_ops = {
	.fault = bc_fault,
};

int bc_get_flags(struct gfs2_inode *ip, unsigned int __user *ptr)
{
	struct gfs2_holder gh;
	unsigned int flags;
	int error;

	gfs2_holder_init(ip->i_gl, LM_ST_SHARED, 0, &gh);
	error = gfs2_glock_nq(&gh);
	if (error)
		goto out_uninit;
	flags = ip->i_gl->gl_state;
	if (put_user(flags, ptr)) /* expect-cocci: fault-under-lock */
		error = -EFAULT;
	gfs2_glock_dq(&gh);
out_uninit:
	gfs2_holder_uninit(&gh);
	return error;
}

int bc_get_state(struct gfs2_inode *ip, void __user *dst)
{
	struct gfs2_holder gh;
	int state[2];
	int error;

	gfs2_holder_init(ip->i_gl, LM_ST_SHARED, 0, &gh);
	error = gfs2_glock_nq(&gh);
	if (error)
		goto out_uninit;
	state[0] = ip->i_gl->gl_state;
	state[1] = 0;
	if (copy_to_user(dst, state, sizeof(state))) /* expect-cocci: fault-under-lock */
		error = -EFAULT;
	gfs2_glock_dq(&gh);
out_uninit:
	gfs2_holder_uninit(&gh);
	return error;
}
