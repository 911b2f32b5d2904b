// The I/O helper copies from whatever iterator it is given: it may fault
// on user memory only through that parameter.
#include <kmodel.h>
#include "ki_fs.h"

ssize_t ki_do_io(void *buf, size_t len, struct iov_iter *iter)
{
	return copy_from_iter(buf, len, iter);
}
