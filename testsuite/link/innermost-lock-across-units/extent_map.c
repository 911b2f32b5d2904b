// Two locks the fault path takes are held across a copy in another
// unit: the link reports each, innermost (alloc_sem) first, as the
// unit's own check does: each is a deadlock with its own fix.
#include <kmodel.h>
#include "ex_fs.h"

int ex_get_map(struct inode *inode, void __user *dst)
{
	struct ex_inode *ei = EX_I(inode);
	char map[16] = {0};
	int ret;

	mutex_lock(&ei->meta_mutex); /* expect-link-note: 'ei->meta_mutex' (ex_inode::meta_mutex) is taken here */
	down_read(&ei->alloc_sem); /* expect-link-note: 'ei->alloc_sem' (ex_inode::alloc_sem) is taken here */
	ret = ex_copy_out(dst, map, sizeof(map)); /* expect-link: fault-under-lock */
	up_read(&ei->alloc_sem);
	mutex_unlock(&ei->meta_mutex);
	return ret;
}
