// Direct I/O the pre-FOLL_PIN way: get_user_pages_fast() pages added to a
// bio.  The I/O reads or writes their data, so they must be pinned.
#include <kmodel.h>

int dio_map_user(struct bio *bio, unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int i, got;

	got = get_user_pages_fast(uaddr, nr, FOLL_WRITE, pages); /* expect: gup-unpinned */
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0); /* expect-note: the pages reach 'bio_add_page' here */
	return got;
}

/* A unit that defines a sink (block/bio.c defines bio_add_page) is still
 * a user of the page sources and is checked. */
int __bio_add_page(struct bio *bio, struct page *page, unsigned int len,
		   unsigned int off)
{
	return bio->bi_vcnt++;
}
