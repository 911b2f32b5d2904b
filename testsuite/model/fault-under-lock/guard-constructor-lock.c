// cleanup.h guards: guard(mutex)(&lock) takes the lock in the guard's
// constructor and its destructor drops it at the end of the scope.  The
// lock is the constructor's argument, not the guard struct's field: two
// guards on different locks are different locks.
#include <kmodel.h>
#include <linux/cleanup.h>

struct gd_info {
	struct mutex lock;
	struct mutex stats_lock;
	struct mutex quota_lock;
	struct rw_semaphore map_sem;
	struct rw_semaphore layout_sem;
};

struct gd_info *gd_info_of(struct vm_fault *vmf);

/* The fault path takes lock with mutex_lock, map_sem and stats_lock by guards. */
static vm_fault_t gd_fault(struct vm_fault *vmf)
{
	struct gd_info *gi = gd_info_of(vmf);

	mutex_lock(&gi->lock);
	mutex_unlock(&gi->lock);
	scoped_guard(rwsem_write, &gi->map_sem)
		gi = gd_info_of(vmf);
	guard(mutex)(&gi->stats_lock);
	return filemap_fault(vmf);
}

const struct vm_operations_struct gd_vm_ops = {
	.fault = gd_fault,
};

int gd_read_held(struct gd_info *gi, int __user *out, int v)
{
	guard(mutex)(&gi->lock); /* expect-note: is taken here */

	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0; /* expect: fault-under-lock */
}

/* The fault path's guard on stats_lock is seen as stats_lock. */
int gd_stats_held(struct gd_info *gi, int __user *out, int v)
{
	mutex_lock(&gi->stats_lock);
	v = copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0; /* expect: fault-under-lock */
	mutex_unlock(&gi->stats_lock);
	return v;
}

/* A DEFINE_GUARD (the argument is the lock) held across the copy. */
int gd_map_held(struct gd_info *gi, int __user *out, int v)
{
	guard(rwsem_write)(&gi->map_sem);

	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0; /* expect: fault-under-lock */
}

/*
 * Another mutex, and an rwsem no fault path takes: the fault path's guard
 * on stats_lock is not a guard on every mutex.
 */
int gd_quota_held(struct gd_info *gi, int __user *out, int v)
{
	guard(mutex)(&gi->quota_lock);

	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}


int gd_layout_held(struct gd_info *gi, int __user *out, int v)
{
	guard(rwsem_read)(&gi->layout_sem);

	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}

/* The scope ended before the copy: the destructor dropped the lock. */
int gd_scope_ended(struct gd_info *gi, int __user *out, int v)
{
	scoped_guard(mutex, &gi->lock)
		v++;
	{
		guard(rwsem_write)(&gi->map_sem);

		v++;
	}
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}
