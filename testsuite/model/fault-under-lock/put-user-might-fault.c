// put_user() is a macro whose only trace is might_fault(); it still faults.
#include <kmodel.h>

void __put_user_4(int x, int __user *p);
#define put_user(x, p) ({ might_fault(); __put_user_4((x), (p)); 0; })

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

int cfg_get(int __user *out)
{
	int ret;

	mutex_lock(&cfg_mutex);
	ret = put_user(42, out); /* expect: fault-under-lock */
	mutex_unlock(&cfg_mutex);
	return ret;
}
