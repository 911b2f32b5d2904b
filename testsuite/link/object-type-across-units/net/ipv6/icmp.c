// icmp6_send's shape: its own struct, which holds no iterator, goes in
// as "from".
#include <kmodel.h>
#include "../../ot_net.h"

int ot_icmp_send(struct sk_buff *skb, size_t len)
{
	struct ot_icmp_msg msg;

	msg.skb = skb;
	msg.offset = 0;
	if (ot_append_frag(&msg, len))
		return -EINVAL;
	return ot_append_data(&msg, len);
}
