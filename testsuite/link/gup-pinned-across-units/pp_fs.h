struct pp_req {
	struct bio *bio;
	struct bio_vec *bvecs;
	int nr;
};

void pp_page_create_from_page(struct pp_req *req, struct page *page,
			      unsigned int len);
int pp_pgio_add_page(struct pp_req *req, struct page *page, unsigned int len);
void pp_release(struct page **pages, int n);
