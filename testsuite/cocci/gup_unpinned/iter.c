// gup_unpinned.cocci on an iov_iter getter: reported, but patch mode
// leaves it, since iov_iter_extract_pages() takes other arguments.
#include <kmodel.h>

int gi_add(struct bio *bio, struct iov_iter *iter)
{
	struct page *pages[16];
	size_t off;
	ssize_t got;

	got = iov_iter_get_pages2(iter, pages, 65536, 16, &off); /* expect-cocci: gup-unpinned */
	if (got <= 0)
		return got;
	bio_add_page(bio, pages[0], got, off);
	return 0;
}
