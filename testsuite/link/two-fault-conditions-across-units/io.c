// The helper copies a header from one iterator and the rest from another:
// it may fault through either parameter, two conditions in its facts.
#include <kmodel.h>
#include "tf_fs.h"

ssize_t tf_copy_two(void *buf, size_t len, struct iov_iter *head,
		    struct iov_iter *tail)
{
	size_t n = copy_from_iter(buf, len / 2, head);

	return n + copy_from_iter(buf + n, len - n, tail); /* expect-link-note: 'tf_copy_two' calls 'copy_from_iter' here, which may fault */
}
