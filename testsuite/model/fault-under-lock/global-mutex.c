// A global mutex taken by the fault path and held across a user copy.
#include <kmodel.h>

static struct mutex zone_mutex;
static struct mutex stats_mutex;

static vm_fault_t zone_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	mutex_lock(&zone_mutex);
	ret = filemap_fault(vmf);
	mutex_unlock(&zone_mutex);
	return ret;
}

const struct vm_operations_struct zone_vm_ops = {
	.fault = zone_fault,
};

int zone_report(void __user *arg, const void *zones)
{
	int ret;

	mutex_lock(&zone_mutex);
	ret = copy_to_user(arg, zones, 64) ? -EFAULT : 0; /* expect: fault-under-lock */
	mutex_unlock(&zone_mutex);
	return ret;
}

/* Another global that no fault takes. */
int stats_report(void __user *arg, const void *stats)
{
	int ret;

	mutex_lock(&stats_mutex);
	ret = copy_to_user(arg, stats, 64) ? -EFAULT : 0;
	mutex_unlock(&stats_mutex);
	return ret;
}
