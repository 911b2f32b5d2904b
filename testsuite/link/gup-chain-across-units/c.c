// The sink, two units away from the pages' source.
#include <kmodel.h>
#include "ch.h"

int ch_add_one(struct bio *bio, struct page *page)
{
	return bio_add_page(bio, page, 4096, 0) ? 0 : -EIO; /* expect-link-note: the pages reach 'bio_add_page' here, in 'ch_add_one' */
}
