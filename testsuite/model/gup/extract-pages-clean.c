// iov_iter_extract_pages(): the 6.3+ FOLL_PIN path into a bio.
#include <kmodel.h>

int extract_to_bio(struct bio *bio, struct iov_iter *iter)
{
	struct page **pages = NULL;
	size_t off;
	ssize_t got;
	int j;

	got = iov_iter_extract_pages(iter, &pages, 1 << 20, 256, 0, &off);
	if (got <= 0)
		return got;
	for (j = 0; j * 4096 < got; j++)
		bio_add_page(bio, pages[j], 4096, 0);
	kvfree(pages);
	return 0;
}
