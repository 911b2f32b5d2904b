// SPDX-License-Identifier: GPL-2.0
// Pin releases against the real headers: put_page() on pinned pages, a
// partial pin leaked on an error return, and the clean dirty-unpin.
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>

int kt_pin_put(unsigned long uaddr)
{
	struct page *pages[4];
	int i, got = pin_user_pages_fast(uaddr, 4, 0, pages);

	for (i = 0; i < got; i++)
		put_page(pages[i]); /* expect: pin-mismatch */
	return got;
}

int kt_pin_partial(struct sg_table *sgt, unsigned long uaddr, int n)
{
	struct page *pages[16];
	int got;

	got = pin_user_pages_fast(uaddr, n, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (got < 0)
		return got;
	if (got != n)
		return -EFAULT; /* expect: pin-leak */
	if (sg_alloc_table_from_pages(sgt, pages, n, 0, n * PAGE_SIZE, GFP_KERNEL)) {
		unpin_user_pages(pages, n);
		return -ENOMEM;
	}
	return 0;
}

int kt_pin_dirty(unsigned long uaddr, bool write)
{
	struct page *pages[4];
	int got = pin_user_pages_fast(uaddr, 4, write ? FOLL_WRITE : 0, pages);

	if (got <= 0)
		return -EFAULT;
	unpin_user_pages_dirty_lock(pages, got, write);
	return 0;
}

MODULE_LICENSE("GPL");
