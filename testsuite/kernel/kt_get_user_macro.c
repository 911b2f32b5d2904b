// SPDX-License-Identifier: GPL-2.0
// get_user()/put_user() are macros: only might_fault() shows they fault.
// A global mutex taken by .fault is held across them.
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/uaccess.h>

static DEFINE_MUTEX(kt_mutex);
static int kt_value;

static vm_fault_t kt_fault(struct vm_fault *vmf)
{
	vm_fault_t ret;

	mutex_lock(&kt_mutex);
	ret = filemap_fault(vmf);
	mutex_unlock(&kt_mutex);
	return ret;
}

const struct vm_operations_struct kt_vm_ops = {
	.fault = kt_fault,
};

int kt_get(int __user *arg)
{
	int ret;

	mutex_lock(&kt_mutex);
	ret = put_user(kt_value, arg); /* expect: fault-under-lock */
	mutex_unlock(&kt_mutex);
	return ret;
}

int kt_set(int __user *arg)
{
	int v, ret;

	ret = get_user(v, arg);
	if (ret)
		return ret;
	mutex_lock(&kt_mutex);
	kt_value = v;
	mutex_unlock(&kt_mutex);
	return 0;
}

MODULE_LICENSE("GPL");
