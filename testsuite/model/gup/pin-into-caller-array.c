// A helper pins into the caller's array and returns the count: the
// caller owns the pins.
#include <kmodel.h>

static int grab(unsigned long uaddr, int n, struct page **out)
{
	int got = pin_user_pages_fast(uaddr, n, FOLL_WRITE, out);

	if (got > 0 && got < n)
		return got;
	return got;
}

int grab_all(struct bio *bio, unsigned long uaddr)
{
	struct page *pages[4];
	int i, got = grab(uaddr, 4, pages);

	for (i = 0; i < got; i++)
		bio_add_page(bio, pages[i], 4096, 0);
	return got;
}
