/* A direct I/O request: its pages go into bio_vecs and a bio. */
struct nf_req {
	struct bio *bio;
	struct bio_vec *bvecs;
	int nr;
};

void nf_page_create_from_page(struct nf_req *req, struct page *page,
			      unsigned int len);
int nf_pgio_add_page(struct nf_req *req, struct page *page, unsigned int len);
