// Conditional cleanup.h guards (7.x): scoped_guard(mutex_try), whose body
// is skipped when the trylock fails; scoped_cond_guard(mutex_intr), whose
// fail statement runs when the lock was interrupted; ACQUIRE() with
// ACQUIRE_ERR().  The lock is held exactly where the guard says it was
// taken.  On the fault path, a guard that only tries the lock and backs off
// never waits for it; an interruptible one does.
#include <kmodel.h>
#include <linux/cleanup.h>

struct cg_inode {
	struct mutex lock;
	struct mutex try_lock;
	struct mutex intr_lock;
};

struct cg_inode *cg_of(struct vm_fault *vmf);

static vm_fault_t cg_page_mkwrite(struct vm_fault *vmf)
{
	struct cg_inode *ci = cg_of(vmf);

	mutex_lock(&ci->lock);
	mutex_unlock(&ci->lock);
	scoped_cond_guard(mutex_intr, return VM_FAULT_RETRY, &ci->intr_lock)
		ci = cg_of(vmf);
	scoped_guard(mutex_try, &ci->try_lock)
		return VM_FAULT_LOCKED;
	return VM_FAULT_RETRY;
}

const struct vm_operations_struct cg_vm_ops = {
	.page_mkwrite = cg_page_mkwrite,
};

/* Held in the body only; not after it, nor when the trylock failed. */
int cg_try_body(struct cg_inode *ci, int __user *out, int v)
{
	scoped_guard(mutex_try, &ci->lock) /* expect-note: is taken here */
		return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0; /* expect: fault-under-lock */
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}

/* The fail statement runs with nothing held. */
int cg_intr_body(struct cg_inode *ci, int __user *out, int v)
{
	scoped_cond_guard(mutex_intr,
			  return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : -EINTR,
			  &ci->lock) {
		if (copy_to_user(out, &v, sizeof(v))) /* expect: fault-under-lock */
			return -EFAULT;
	}
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}

/* ACQUIRE_ERR() is zero when the lock was taken. */
int cg_acquire(struct cg_inode *ci, int __user *out, int v)
{
	ACQUIRE(mutex_intr, g)(&ci->lock);
	int err = ACQUIRE_ERR(mutex_intr, &g);

	if (err)
		return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : err;
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0; /* expect: fault-under-lock */
}

/* The fault path waits for intr_lock, interruptibly: still a wait. */
int cg_intr_lock_held(struct cg_inode *ci, int __user *out, int v)
{
	guard(mutex)(&ci->intr_lock);

	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0; /* expect: fault-under-lock */
}

/* The fault path only tries try_lock and asks for a retry. */
int cg_try_lock_held(struct cg_inode *ci, int __user *out, int v)
{
	guard(mutex)(&ci->try_lock);

	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}
