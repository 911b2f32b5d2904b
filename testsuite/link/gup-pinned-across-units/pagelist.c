// The I/O side, as in gup-nfs-across-units; pages are released with the
// unpin that matches the callers' pins.
#include <kmodel.h>
#include "pp_fs.h"

void pp_page_create_from_page(struct pp_req *req, struct page *page,
			      unsigned int len)
{
	struct bio_vec *bv = &req->bvecs[req->nr++];

	bv->bv_page = page;
	bv->bv_len = len;
	bv->bv_offset = 0;
}

int pp_pgio_add_page(struct pp_req *req, struct page *page, unsigned int len)
{
	return bio_add_page(req->bio, page, len, 0);
}

void pp_release(struct page **pages, int n)
{
	int i;

	for (i = 0; i < n; i++)
		unpin_user_page(pages[i]);
}
