// mmap_lock held for write across a user copy: every page fault takes
// mmap_lock for read, so this deadlocks on any user address.
#include <kmodel.h>

int set_vma_names(struct mm_struct *mm, const char __user *names, char *buf)
{
	int ret = 0;

	mmap_write_lock(mm);
	if (copy_from_user(buf, names, 32)) /* expect: fault-under-lock */
		ret = -EFAULT;
	mmap_write_unlock(mm);
	return ret;
}

/* Reading under mmap_read_lock shares the lock with the fault: fine. */
int get_vma_names(struct mm_struct *mm, char __user *names, const char *buf)
{
	int ret = 0;

	mmap_read_lock(mm);
	if (copy_to_user(names, buf, 32))
		ret = -EFAULT;
	mmap_read_unlock(mm);
	return ret;
}
