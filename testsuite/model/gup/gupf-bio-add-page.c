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
