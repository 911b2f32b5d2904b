// net/ipv4/ip_output.c's shape: the copy is INDIRECT_CALL_1(getfrag,
// ic_generic_getfrag, ...), a direct call that runs only when the caller
// passed ic_generic_getfrag.  The reply passes its own ic_reply_glue_bits
// (kernel memory).
#include <kmodel.h>
#include "../ic_net.h"

int ic_generic_getfrag(void *from, char *to, int offset, int len)
{
	struct msghdr *msg = from;

	return copy_from_iter(to + offset, len, &msg->msg_iter) == len
		       ? 0
		       : -EFAULT;
}

static int ic_reply_glue_bits(void *from, char *to, int offset, int len)
{
	memcpy(to + offset, from, len);
	return 0;
}

static int ic_append_data(getfrag_t getfrag, void *from, char *to, int len)
{
	return INDIRECT_CALL_1(getfrag, ic_generic_getfrag, from, to, 0, len);
}

int ic_append(getfrag_t getfrag, void *from, char *to, int len)
{
	return ic_append_data(getfrag, from, to, len);
}

int ic_send_reply(void *payload, char *buf)
{
	return ic_append(ic_reply_glue_bits, payload, buf, 16);
}

/* The zerocopy path copies from the message's iterator as well. */
int ic_zerocopy_iter(struct iov_iter *from, char *to, int len)
{
	return copy_from_iter(to, len, from) == len ? 0 : -EFAULT;
}
