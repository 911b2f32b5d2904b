// net/ipv6/ip6_output.c's shape: the same devirtualized copy, of a
// function of another unit (ip_generic_getfrag of ip_output.c).
#include <kmodel.h>
#include "../ic_net.h"

static int ic6_glue_bits(void *from, char *to, int offset, int len)
{
	memcpy(to + offset, from, len);
	return 0;
}

static int ic6_zerocopy(struct msghdr *msg, char *to, int len)
{
	return ic_zerocopy_iter(&msg->msg_iter, to, len);
}

static int ic6_append_data(getfrag_t getfrag, void *from, char *to, int len)
{
	return INDIRECT_CALL_1(getfrag, ic_generic_getfrag, from, to, 0, len);
}

/* Two ways to fault: the zerocopy path, and a devirtualized getfrag. */
int ic6_append_zc(getfrag_t getfrag, void *from, char *to, int len)
{
	if (len > 64)
		return ic6_zerocopy(from, to, len);
	return ic6_append_data(getfrag, from, to, len);
}

int ic6_append(getfrag_t getfrag, void *from, char *to, int len)
{
	return ic6_append_data(getfrag, from, to, len);
}

int ic6_send_reply(void *payload, char *buf)
{
	return ic6_append(ic6_glue_bits, payload, buf, 16);
}
