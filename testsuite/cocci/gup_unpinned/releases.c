// gup_unpinned.cocci on releases: a put_page() loop over the converted
// array becomes unpin_user_pages(), set_page_dirty_lock() + put_page() in a
// loop unpin_user_pages_dirty_lock(); pinned pages released with
// put_page() are reported and converted; the iov_iter getter, whose
// FOLL_PIN replacement takes other arguments, is only reported.
#include <kmodel.h>

/* A write from user memory: the pages are only read by the device. */
int gr_write(struct bio *bio, unsigned long addr, int nr)
{
	struct page *pages[16];
	int got, i;

	got = get_user_pages_fast(addr, nr, 0, pages); /* expect-cocci: gup-unpinned */
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0);
	for (i = 0; i < got; i++)
		put_page(pages[i]);
	return 0;
}

/* A read into user memory: every page is dirtied before its release. */
int gr_read(struct bio *bio, unsigned long addr, int nr)
{
	struct page *pages[16];
	long got;
	int i;

	got = get_user_pages(addr, nr, FOLL_WRITE, pages, NULL); /* expect-cocci: gup-unpinned */
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0);
	for (i = 0; i < got; i++) {
		set_page_dirty_lock(pages[i]);
		put_page(pages[i]);
	}
	return 0;
}

/* Either direction: the pages are dirtied only after a read. */
int gr_rw(struct scatterlist *sg, unsigned long addr, int nr, bool write)
{
	struct page *pages[16];
	int got, i;

	got = get_user_pages_fast(addr, nr, write ? 0 : FOLL_WRITE, pages); /* expect-cocci: gup-unpinned */
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		sg_set_page(&sg[i], pages[i], 4096, 0);
	for (i = 0; i < got; i++) {
		if (!write)
			set_page_dirty_lock(pages[i]);
		put_page(pages[i]);
	}
	return 0;
}

/* Pinned, but released with put_page(): the pins leak. */
int gr_pinned(struct bio *bio, unsigned long addr, int nr)
{
	struct page *pages[16];
	int got, i;

	got = pin_user_pages_fast(addr, nr, FOLL_WRITE, pages);
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0);
	for (i = 0; i < got; i++)
		put_page(pages[i]); /* expect-cocci: pin-mismatch */
	return 0;
}

/* Pinned and unpinned: nothing to say. */
int gr_pinned_ok(struct bio *bio, unsigned long addr, int nr)
{
	struct page *pages[16];
	int got, i;

	got = pin_user_pages_fast(addr, nr, FOLL_WRITE, pages);
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0);
	unpin_user_pages(pages, got);
	return 0;
}
