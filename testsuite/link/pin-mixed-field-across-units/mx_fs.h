/* A folio array shared by direct I/O pins and page-cache folios. */
struct mx_args {
	struct folio **folios;
	unsigned int num;
};

void mx_end_writeback(struct folio *folio);
