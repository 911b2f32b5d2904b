// The zerocopy path reads the message's own iterator; the plain copy
// reads the iterator it is given.
#include <kmodel.h>
#include "../../ot_net.h"

int ot_zerocopy_iter_dgram(struct msghdr *msg, size_t len)
{
	char buf[16];

	return copy_from_iter(buf, len, &msg->msg_iter) == len ? 0 : -EFAULT;
}

int ot_copy_iter(struct iov_iter *from, size_t len)
{
	char buf[16];

	return copy_from_iter(buf, len, from) == len ? 0 : -EFAULT;
}
