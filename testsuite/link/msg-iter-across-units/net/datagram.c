// The copy faults only through the iterator it is given.
#include <kmodel.h>
#include "../mi_net.h"

int mi_copy_datagram_iter(const char *data, size_t len, struct iov_iter *to)
{
	return copy_to_iter(data, len, to) == len ? 0 : -EFAULT;
}
