// FOLL_GET pages put into bio_vec segments (a store to bv_page, or the
// bvec_set_page/bvec_set_folio setters) go to I/O with the bvec.  Pinned
// pages in a bvec, and FOLL_GET pages kept in other fields, are fine.
#include <kmodel.h>

ssize_t write_user_bvec(struct iov_iter *from, struct iov_iter *to,
			struct bio_vec *bv)
{
	struct page *pages[16];
	size_t start;
	ssize_t got;
	int i, n;

	got = iov_iter_get_pages2(from, pages, 16 * PAGE_SIZE, 16, &start); /* expect: gup-unpinned */
	if (got <= 0)
		return got;
	n = (start + got + PAGE_SIZE - 1) / PAGE_SIZE;
	for (i = 0; i < n; i++) {
		bv[i].bv_page = pages[i]; /* expect-note: the pages are stored in 'bio_vec::bv_page' here */
		bv[i].bv_len = PAGE_SIZE;
		bv[i].bv_offset = 0;
	}
	iov_iter_bvec(to, ITER_SOURCE, bv, n, got);
	return got;
}

int set_user_bvec(struct bio_vec *bv, unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1) /* expect: gup-unpinned */
		return -EFAULT;
	bvec_set_page(bv, page, PAGE_SIZE, 0); /* expect-note: the pages reach 'bvec_set_page' here */
	return 0;
}

int set_user_bvec_folio(struct bio_vec *bv, unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1) /* expect: gup-unpinned */
		return -EFAULT;
	bvec_set_folio(bv, page_folio(page), PAGE_SIZE, 0); /* expect-note: the pages reach 'bvec_set_folio' here */
	return 0;
}

size_t copy_user_page_bvec(struct iov_iter *to, unsigned long uaddr)
{
	struct page *page;
	size_t done;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1) /* expect: gup-unpinned */
		return 0;
	{
		struct bio_vec bvec = { .bv_page = page, .bv_len = PAGE_SIZE }; /* expect-note: the pages are stored in 'bio_vec::bv_page' here */

		iov_iter_bvec(to, ITER_SOURCE, &bvec, 1, PAGE_SIZE);
		done = iov_iter_count(to);
	}
	put_page(page);
	return done;
}

ssize_t write_pinned_bvec(struct iov_iter *from, struct iov_iter *to,
			  struct bio_vec *bv)
{
	struct page **pages = NULL;
	size_t start;
	ssize_t got;

	got = iov_iter_extract_pages(from, &pages, PAGE_SIZE, 1, 0, &start);
	if (got <= 0)
		return got;
	bv->bv_page = pages[0];
	bvec_set_page(bv + 1, pages[0], got, start);
	iov_iter_bvec(to, ITER_SOURCE, bv, 1, got);
	return got;
}

/* A FOLL_GET page parked in a field the I/O never reads. */
struct lookup {
	struct page *page;
	unsigned long flags;
};

int remember_user_page(struct lookup *l, unsigned long uaddr)
{
	struct page *page;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	l->page = page;
	l->flags = page->flags;
	return 0;
}
