// __attribute__((cleanup)): the cleanup call runs at every exit of the
// variable's scope (return, break, goto, the scope's end).
#include <kmodel.h>

static struct mutex cfg_mutex;

static vm_fault_t cfg_fault(struct vm_fault *vmf)
{
	mutex_lock(&cfg_mutex);
	mutex_unlock(&cfg_mutex);
	return filemap_fault(vmf);
}

const struct vm_operations_struct cfg_vm_ops = {
	.fault = cfg_fault,
};

static inline void cfg_unlock(int *token)
{
	mutex_unlock(&cfg_mutex);
}

#define cfg_locked(name) \
	int name __attribute__((__cleanup__(cfg_unlock))) = (mutex_lock(&cfg_mutex), 0)

int cfg_held(int __user *out, int v)
{
	cfg_locked(t);

	if (v < 0)
		return -EINVAL;
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0; /* expect: fault-under-lock */
}

/* Every return of a helper runs the cleanup: its caller holds nothing. */
static int cfg_bump_locked(int v)
{
	cfg_locked(t);

	if (v < 0)
		return -EINVAL;
	return v + 1;
}

int cfg_after_helper(int __user *out, int v)
{
	v = cfg_bump_locked(v);
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}

int cfg_scope_ended(int __user *out, int v)
{
	{
		cfg_locked(t);

		v++;
	}
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}

int cfg_loop_break(int __user *out, int v)
{
	int i;

	for (i = 0; i < 4; i++) {
		cfg_locked(t);

		if (v > i)
			break;
		if (v == i)
			continue;
		v--;
	}
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}

int cfg_goto_out(int __user *out, int v)
{
	{
		cfg_locked(t);

		if (v < 0)
			goto out;
		v++;
	}
out:
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}

int cfg_switch(int __user *out, int v)
{
	int r = 0;

	mutex_lock(&cfg_mutex);
	switch (v) {
	case 0:
		mutex_unlock(&cfg_mutex);
		/* fall through */
	case 1:
		r = 1;
		break;
	default:
		mutex_unlock(&cfg_mutex);
		return 0;
	}
	if (copy_to_user(out, &r, sizeof(r))) /* expect: fault-under-lock */
		r = -EFAULT;
	return r;
}

int cfg_stmt_expr(int __user *out, int v)
{
	int r = ({ int x; mutex_lock(&cfg_mutex); x = v + 1; x; });

	r = v > 0 && copy_to_user(out, &r, sizeof(r)) ? -EFAULT : r; /* expect: fault-under-lock */
	mutex_unlock(&cfg_mutex);
	return r;
}

int cfg_do_while(int __user *out, int v)
{
	do {
		mutex_lock(&cfg_mutex);
		v--;
		mutex_unlock(&cfg_mutex);
	} while (v > 0);
	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0;
}

/*
 * A cleanup variable in a statement expression (7.x's FD_ADD()): its
 * value is computed while the variable holds, and the cleanup runs before
 * the value is used.
 */
int cfg_cleanup_in_stmt_expr(int __user *out, int v)
{
	int r = ({ cfg_locked(t); copy_to_user(out, &v, sizeof(v)); }); /* expect: fault-under-lock */

	return copy_to_user(out, &r, sizeof(r)) ? -EFAULT : 0;
}

/* The same in a static inline function that is also called. */
static inline int cfg_inline_guarded(int __user *out, int v)
{
	cfg_locked(t);

	return copy_to_user(out, &v, sizeof(v)) ? -EFAULT : 0; /* expect: fault-under-lock */
}

int cfg_calls_inline(int __user *out, int v)
{
	return cfg_inline_guarded(out, v) ?: copy_to_user(out, &v, sizeof(v));
}
