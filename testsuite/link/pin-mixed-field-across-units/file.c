// fuse's shape across units (Linux 7.3): one folio array holds pinned
// user pages for direct I/O and page-cache folios for writeback; the
// writeback completion in another unit drops its folio with folio_put.
// What leaves the array there cannot be tied to the pin: nothing to report.
#include <kmodel.h>
#include "mx_fs.h"

int mx_dio_get(struct mx_args *ap, struct iov_iter *ii, size_t len)
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

void mx_dio_release(struct mx_args *ap)
{
	unsigned int i;

	for (i = 0; i < ap->num; i++)
		unpin_folio(ap->folios[i]);
}

void mx_fill_write(struct mx_args *ap, struct folio *folio)
{
	ap->folios[ap->num++] = folio;
}

void mx_writepages_end(struct mx_args *ap)
{
	unsigned int i;

	for (i = 0; i < ap->num; i++)
		mx_end_writeback(ap->folios[i]);
}
