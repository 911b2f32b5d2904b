// iov_iter_get_pages_alloc2() allocates the array it fills (&pages).
#include <kmodel.h>

int map_user_alloc(struct bio *bio, struct iov_iter *iter)
{
	struct page **pages;
	size_t offs;
	ssize_t bytes;
	int j;

	bytes = iov_iter_get_pages_alloc2(iter, &pages, 1 << 20, &offs); /* expect: gup-unpinned */
	if (bytes <= 0)
		return bytes;
	for (j = 0; j * 4096 < bytes; j++)
		bio_add_page(bio, pages[j], 4096, 0);
	kvfree(pages);
	return 0;
}
