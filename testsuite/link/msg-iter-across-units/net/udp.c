// A datagram is read into the message's iterator, through a header's
// inline function in this unit and the copy of another unit.
#include <kmodel.h>
#include "../mi_net.h"

int mi_udp_recvmsg(struct msghdr *msg, const char *data, size_t len)
{
	return mi_copy_datagram_msg(data, len, msg);
}
