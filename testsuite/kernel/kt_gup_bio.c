// SPDX-License-Identifier: GPL-2.0
// Class B with the real headers: FOLL_GET pages into a bio (warn), the
// FOLL_PIN version (clean), and FOLL_GET pages used only as struct pages.
#include <linux/bio.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/uio.h>

int kt_map_get(struct bio *bio, struct iov_iter *iter)
{
	struct page *pages[16];
	size_t off;
	ssize_t got;
	int i;

	got = iov_iter_get_pages2(iter, pages, 16 * PAGE_SIZE, 16, &off); /* expect: gup-unpinned */
	if (got <= 0)
		return got;
	for (i = 0; i * PAGE_SIZE < got; i++)
		bio_add_page(bio, pages[i], PAGE_SIZE, 0);
	return 0;
}

int kt_map_pin(struct bio *bio, unsigned long uaddr)
{
	struct page *pages[16];
	int i, got;

	got = pin_user_pages_fast(uaddr, 16, FOLL_WRITE, pages);
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], PAGE_SIZE, 0);
	return 0;
}

int kt_count_anon(unsigned long uaddr)
{
	struct page *pages[8];
	int i, got, anon = 0;

	got = get_user_pages_fast(uaddr, 8, 0, pages);
	for (i = 0; i < got; i++) {
		anon += PageAnon(pages[i]);
		put_page(pages[i]);
	}
	return anon;
}

MODULE_LICENSE("GPL");
