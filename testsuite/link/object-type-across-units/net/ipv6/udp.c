// A datagram from the user's message; the fragment copy reads the
// message's iterator through a function of another unit.
#include <kmodel.h>
#include "../../ot_net.h"

int ot_getfrag_msg(struct msghdr *msg, size_t len)
{
	return ot_copy_iter(&msg->msg_iter, len);
}

int ot_udp_sendmsg(struct msghdr *msg, size_t len)
{
	return ot_append_data(msg, len);
}
