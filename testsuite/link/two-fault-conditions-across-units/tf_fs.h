/* The units of a filesystem whose I/O helper copies from two iterators. */
ssize_t tf_copy_two(void *buf, size_t len, struct iov_iter *head,
		    struct iov_iter *tail);
