// The copy to user memory, in a unit of its own.
#include <kmodel.h>
#include "ex_fs.h"

int ex_copy_out(void __user *dst, const void *src, unsigned long len)
{
	return copy_to_user(dst, src, len) ? -EFAULT : 0;
}
