// A datagram copies the user's message with the generic getfrag.
#include <kmodel.h>
#include "../ic_net.h"

int ic_udp_sendmsg(struct msghdr *msg, char *buf)
{
	return ic_append(ic_generic_getfrag, msg, buf, 16);
}
