// SPDX-License-Identifier: GPL-2.0
// mmap_lock through the real mmap_write_lock()/mmap_read_lock() inlines.
#include <linux/mm.h>
#include <linux/mmap_lock.h>
#include <linux/module.h>
#include <linux/uaccess.h>

int kt_set_name(struct mm_struct *mm, const char __user *name, char *buf)
{
	int ret = 0;

	mmap_write_lock(mm);
	if (copy_from_user(buf, name, 16)) /* expect: fault-under-lock */
		ret = -EFAULT;
	mmap_write_unlock(mm);
	return ret;
}

int kt_get_name(struct mm_struct *mm, char __user *name, const char *buf)
{
	int ret = 0;

	mmap_read_lock(mm);
	if (copy_to_user(name, buf, 16))
		ret = -EFAULT;
	mmap_read_unlock(mm);
	return ret;
}

long kt_gup_locked(struct mm_struct *mm, unsigned long addr, struct page **pages)
{
	long ret;

	mmap_read_lock(mm);
	ret = get_user_pages(addr, 1, FOLL_WRITE, pages, NULL);
	mmap_read_unlock(mm);
	return ret;
}

MODULE_LICENSE("GPL");
