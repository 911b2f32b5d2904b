/* The units of a filesystem whose writeback copies through iterators. */
ssize_t ki_do_io(void *buf, size_t len, struct iov_iter *iter);
