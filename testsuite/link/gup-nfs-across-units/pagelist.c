// The I/O side (fs/nfs/pagelist.c): the pages it is handed become the
// request's bio_vecs or go straight into the bio.
#include <kmodel.h>
#include "nf_fs.h"

void nf_page_create_from_page(struct nf_req *req, struct page *page,
			      unsigned int len)
{
	struct bio_vec *bv = &req->bvecs[req->nr++];

	bv->bv_page = page; /* expect-link-note: the pages are stored in 'bio_vec::bv_page' here, in 'nf_page_create_from_page' */
	bv->bv_len = len;
	bv->bv_offset = 0;
}

static int nf_add(struct bio *bio, struct page *page, unsigned int len)
{
	return bio_add_page(bio, page, len, 0); /* expect-link-note: the pages reach 'bio_add_page' here, in 'nf_add' */
}

int nf_pgio_add_page(struct nf_req *req, struct page *page, unsigned int len)
{
	return nf_add(req->bio, page, len);
}
