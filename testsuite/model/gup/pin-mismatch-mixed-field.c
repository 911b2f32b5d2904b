// fuse's shape in Linux 7.3: one folio array field holds pinned user
// pages on the direct I/O path (released with unpin_folio) and page-cache
// folios on the buffered path (released with folio_put).  The folio_put
// of the buffered path cannot be tied to the pin.  A field that only ever
// holds pinned pages and is released with folio_put is a mismatch.
#include <kmodel.h>

struct args_folios {
	struct folio **folios;
	unsigned int num;
};

struct pinned_only {
	struct folio **folios;
	unsigned int num;
};

int dio_get(struct args_folios *ap, struct iov_iter *ii, size_t len)
{
	struct page **pages = kcalloc(16, sizeof(*pages), 0);
	size_t start;
	ssize_t ret;
	int i;

	ret = iov_iter_extract_pages(ii, &pages, len, 16, 0, &start);
	if (ret <= 0) {
		kfree(pages);
		return -EFAULT;
	}
	for (i = 0; i < (ret + 4095) / 4096; i++)
		ap->folios[ap->num++] = page_folio(pages[i]);
	kfree(pages);
	return 0;
}

void dio_release(struct args_folios *ap)
{
	unsigned int i;

	for (i = 0; i < ap->num; i++)
		unpin_folio(ap->folios[i]);
}

void fill_read(struct args_folios *ap, struct folio *folio)
{
	ap->folios[ap->num++] = folio;
}

void readpages_end(struct args_folios *ap)
{
	unsigned int i;

	for (i = 0; i < ap->num; i++)
		folio_put(ap->folios[i]);
}

int only_get(struct pinned_only *po, struct iov_iter *ii, size_t len)
{
	struct page **pages = kcalloc(16, sizeof(*pages), 0);
	size_t start;
	ssize_t ret;
	int i;

	ret = iov_iter_extract_pages(ii, &pages, len, 16, 0, &start);
	if (ret <= 0) {
		kfree(pages);
		return -EFAULT;
	}
	for (i = 0; i < (ret + 4095) / 4096; i++)
		po->folios[po->num++] = page_folio(pages[i]);
	kfree(pages);
	return 0;
}

void only_release(struct pinned_only *po)
{
	unsigned int i;

	for (i = 0; i < po->num; i++)
		folio_put(po->folios[i]); /* expect: pin-mismatch */
}
