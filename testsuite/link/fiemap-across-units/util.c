// Helpers of other units: one copies to user memory, one drops the
// caller's allocation semaphore around its copy.
#include <kmodel.h>
#include "ex_fs.h"

int ex_copy_out(void __user *dst, const void *src, unsigned long len)
{
	return copy_to_user(dst, src, len) ? -EFAULT : 0; /* expect-link-note: 'ex_copy_out' calls 'copy_to_user' here, which may fault */
}

/* Called with ei->alloc_sem held for read. */
int ex_copy_out_unlocked(struct ex_inode *ei, void __user *dst,
			 const void *src, unsigned long len)
{
	int ret;

	up_read(&ei->alloc_sem);
	ret = copy_to_user(dst, src, len) ? -EFAULT : 0;
	down_read(&ei->alloc_sem);
	return ret;
}
