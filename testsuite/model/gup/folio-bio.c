// FOLL_GET pages handed to a bio as folios (bio_add_folio), or turned into
// a folio and back (folio_page(), &folio->page) before bio_add_page: the
// same memory goes to I/O.  Pinned folios, or folios only dirtied and put,
// are fine; releases must still match the way the pages were taken.
#include <kmodel.h>

int dio_add_folio(struct bio *bio, unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1) /* expect: gup-unpinned */
		return -EFAULT;
	folio = page_folio(page);
	return bio_add_folio(bio, folio, PAGE_SIZE, 0) ? 0 : -EIO; /* expect-note: the pages reach 'bio_add_folio' here */
}

int dio_add_folio_page(struct bio *bio, unsigned long uaddr)
{
	struct page *pages[4];
	struct folio *folio;
	struct page *head;

	if (get_user_pages_fast(uaddr, 4, 0, pages) != 4) /* expect: gup-unpinned */
		return -EFAULT;
	folio = page_folio(pages[2]);
	head = folio_page(folio, 0);
	return bio_add_page(bio, head, PAGE_SIZE, 0); /* expect-note: the pages reach 'bio_add_page' here */
}

int dio_add_folio_embedded(struct bio *bio, unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1) /* expect: gup-unpinned */
		return -EFAULT;
	folio = page_folio(page);
	return bio_add_page(bio, &folio->page, PAGE_SIZE, 0); /* expect-note: the pages reach 'bio_add_page' here */
}

ssize_t dio_add_iter_folios(struct bio *bio, struct iov_iter *iter)
{
	struct page *pages[8];
	size_t start;
	ssize_t got;
	int i;

	got = iov_iter_get_pages2(iter, pages, 8 * PAGE_SIZE, 8, &start); /* expect: gup-unpinned */
	if (got <= 0)
		return got;
	for (i = 0; i < (start + got + PAGE_SIZE - 1) / PAGE_SIZE; i++)
		bio_add_folio_nofail(bio, page_folio(pages[i]), PAGE_SIZE, 0); /* expect-note: the pages reach 'bio_add_folio_nofail' here */
	return got;
}

int dio_add_folio_pinned(struct bio *bio, unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	bio_add_folio_nofail(bio, page_folio(page), PAGE_SIZE, 0);
	return 0;
}

/* A FOLL_GET folio used as a struct only: dirtied and put, no data access. */
int dirty_user_folio(unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;

	if (get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	folio = page_folio(page);
	folio_mark_dirty_lock(folio);
	folio_put(folio);
	return 0;
}

int put_pinned_folio(unsigned long uaddr)
{
	struct page *page;

	if (pin_user_pages_fast(uaddr, 1, 0, &page) != 1) /* expect-note: the pages are taken here */
		return -EFAULT;
	folio_put(page_folio(page)); /* expect: pin-mismatch */
	return 0;
}

int unpin_got_folio(unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;

	if (get_user_pages_fast(uaddr, 1, 0, &page) != 1)
		return -EFAULT;
	folio = page_folio(page);
	unpin_folio(folio); /* expect: pin-mismatch */
	return 0;
}

/* Converting a pin to its folio keeps it: the pin still leaks here. */
int leak_pinned_folio(unsigned long uaddr)
{
	struct page *page;
	struct folio *folio;
	int got;

	got = pin_user_pages_fast(uaddr, 1, 0, &page); /* expect-note: the pages are pinned here */
	if (got <= 0)
		return -EFAULT;
	folio = page_folio(page);
	if (!folio_mapping(folio))
		return -EINVAL; /* expect: pin-leak */
	unpin_folio(folio);
	return 0;
}
