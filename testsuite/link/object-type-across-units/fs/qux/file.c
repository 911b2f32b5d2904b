// fs/smb/client's shape: the invalidate_lock held across a send.  An ICMP
// error sent on the way reads no user memory; the user's message, or a
// copy of it, can fault.
#include <kmodel.h>
#include <qux-invalidate.h>
#include "../../ot_net.h"

int qux_send_icmp(struct qux_inode *qi, struct sk_buff *skb, size_t len)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = ot_icmp_send(skb, len);
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_send_user(struct qux_inode *qi, struct msghdr *msg, size_t len)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = ot_udp_sendmsg(msg, len); /* expect-link: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_send_copy(struct qux_inode *qi, struct msghdr *umsg, size_t len)
{
	struct msghdr msg = *umsg;
	int ret;

	down_write(&qi->invalidate_lock);
	ret = ot_append_frag(&msg, len); /* expect-link: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}
