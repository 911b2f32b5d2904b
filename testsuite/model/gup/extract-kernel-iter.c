// iov_iter_extract_pages() pins only a user-backed iterator's pages: from
// an iterator the unit set up over kernel memory it takes no reference at
// all (no leak), and a function that tests the kind may put the pages of
// the kernel branch (no mismatch).  A user iterator's pins still count.
#include <kmodel.h>

static void ek_load_kvec(struct iov_iter *iter, struct kvec *kv, void *buf,
			 size_t len)
{
	kv->iov_base = buf;
	kv->iov_len = len;
	iov_iter_kvec(iter, READ, kv, 1, len);
}

/* The kunit shape: the iterator is set up over a buffer by a helper. */
int ek_extract_kvec(void *buf, size_t len)
{
	struct page **pages = NULL;
	struct iov_iter iter;
	struct kvec kv;
	size_t off;
	ssize_t got;

	ek_load_kvec(&iter, &kv, buf, len);
	got = iov_iter_extract_pages(&iter, &pages, len, 8, 0, &off);
	if (got <= 0)
		return got;
	return pages[0] != NULL;
}

int ek_extract_bvec(struct bio_vec *bv, size_t len)
{
	struct page **pages = NULL;
	struct iov_iter iter;
	size_t off;
	ssize_t got;

	iov_iter_bvec(&iter, READ, bv, 1, len);
	got = iov_iter_extract_pages(&iter, &pages, len, 8, 0, &off);
	if (got <= 0)
		return got;
	return pages[0] != NULL;
}

/* A user iterator's pages are pinned: the early return leaks them. */
int ek_extract_user(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t off;
	ssize_t got;

	got = iov_iter_extract_pages(iter, &pages, len, 8, 0, &off); /* expect-note: the pages are pinned here */
	if (got <= 0)
		return got;
	if (PageAnon(pages[0]))
		return -EINVAL; /* expect: pin-leak */
	unpin_user_pages(pages, 8);
	return 0;
}

/* The tee shape: each kind of iterator released its own way. */
int ek_release_by_kind(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t off;
	ssize_t got;
	int i;

	got = iov_iter_extract_pages(iter, &pages, len, 8, 0, &off);
	if (got <= 0)
		return got;
	if (!iov_iter_is_kvec(iter))
		unpin_user_pages(pages, 8);
	else
		for (i = 0; i < 8; i++)
			put_page(pages[i]);
	return 0;
}

/* No test of the kind: a put of what the extraction pinned. */
int ek_put_pinned(struct iov_iter *iter, size_t len)
{
	struct page **pages = NULL;
	size_t off;
	ssize_t got;
	int i;

	got = iov_iter_extract_pages(iter, &pages, len, 8, 0, &off);
	if (got <= 0)
		return got;
	for (i = 0; i < 8; i++)
		put_page(pages[i]); /* expect: pin-mismatch */
	return 0;
}
