// fiemap holds the allocation semaphore shared across a user copy; only
// the unit with the fault path (mmap.c) shows that page_mkwrite takes it
// exclusively: the 5.10 ocfs2_fiemap deadlock, seen by the link step.
#include <kmodel.h>
#include "ex_fs.h"

static int ex_fiemap_inline(struct fiemap_extent_info *fieinfo)
{
	return fiemap_fill_next_extent(fieinfo, 0, 0, 4096, 0); /* expect-link-note: 'ex_fiemap_inline' calls 'fiemap_fill_next_extent' here, which may fault */
}

int ex_fiemap(struct inode *inode, struct fiemap_extent_info *fieinfo)
{
	struct ex_inode *ei = EX_I(inode);
	int ret;

	down_read(&ei->alloc_sem); /* expect-link-note: 'ei->alloc_sem' (ex_inode::alloc_sem) is taken here */
	ret = ex_fiemap_inline(fieinfo); /* expect-link: fault-under-lock */
	up_read(&ei->alloc_sem);
	return ret;
}

/* The user copy is in another unit. */
int ex_get_map(struct inode *inode, void __user *dst)
{
	struct ex_inode *ei = EX_I(inode);
	char map[16] = {0};
	int ret;

	down_read(&ei->alloc_sem);
	ret = ex_copy_out(dst, map, sizeof(map)); /* expect-link: fault-under-lock */
	up_read(&ei->alloc_sem);
	return ret;
}

/* Fixed: the helper in the other unit drops the semaphore first. */
int ex_get_map_fixed(struct inode *inode, void __user *dst)
{
	struct ex_inode *ei = EX_I(inode);
	char map[16] = {0};
	int ret;

	down_read(&ei->alloc_sem);
	ret = ex_copy_out_unlocked(ei, dst, map, sizeof(map));
	up_read(&ei->alloc_sem);
	return ret;
}

/* The fault path never takes xattr_sem: not a deadlock. */
int ex_get_xattr(struct inode *inode, void __user *dst)
{
	struct ex_inode *ei = EX_I(inode);
	char buf[16] = {0};
	int ret;

	down_read(&ei->xattr_sem);
	ret = ex_copy_out(dst, buf, sizeof(buf));
	up_read(&ei->xattr_sem);
	return ret;
}

/* Faults disabled around the call: the copy cannot fault. */
int ex_get_map_nofault(struct inode *inode, void __user *dst)
{
	struct ex_inode *ei = EX_I(inode);
	char map[16] = {0};
	int ret;

	down_read(&ei->alloc_sem);
	pagefault_disable();
	ret = ex_copy_out(dst, map, sizeof(map));
	pagefault_enable();
	up_read(&ei->alloc_sem);
	return ret;
}

/* Known and explained: the link step honours the marker too. */
int ex_get_map_known(struct inode *inode, void __user *dst)
{
	struct ex_inode *ei = EX_I(inode);
	char map[16] = {0};
	int ret;

	down_read(&ei->alloc_sem);
	/* faultline: ignore fault-under-lock -- dst is never an mmap of this file here */
	ret = ex_copy_out(dst, map, sizeof(map));
	up_read(&ei->alloc_sem);
	return ret;
}
