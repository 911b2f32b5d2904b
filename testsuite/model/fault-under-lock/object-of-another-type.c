// net/ipv6's shape: __ip6_append_data's void *from is a msghdr only for
// the callers that pass one; its zerocopy path reads the message's
// iterator (&msg->msg_iter).  icmp6_send passes the address of its own
// struct icmpv6_msg, which holds no iterator: no user fault.  A caller
// passing the user's message, or a msghdr of its own that nothing set up
// over kernel memory, still faults.
#include <kmodel.h>
#include <qux-invalidate.h>

struct qux_icmp_msg {
	struct sk_buff *skb;
	int offset;
};

static int qux_zerocopy_iter(struct msghdr *msg, size_t len)
{
	char buf[16];

	return copy_from_iter(buf, len, &msg->msg_iter) == len ? 0 : -EFAULT;
}

int qux_append_data(void *from, size_t len)
{
	return qux_zerocopy_iter(from, len);
}

int qux_send_icmp(struct qux_inode *qi, struct sk_buff *skb, size_t len)
{
	struct qux_icmp_msg msg;
	int ret;

	msg.skb = skb;
	msg.offset = 0;
	down_write(&qi->invalidate_lock);
	ret = qux_append_data(&msg, len);
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_send_user(struct qux_inode *qi, struct msghdr *msg, size_t len)
{
	int ret;

	down_write(&qi->invalidate_lock);
	ret = qux_append_data(msg, len); /* expect: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}

int qux_send_own_msg(struct qux_inode *qi, struct msghdr *umsg, size_t len)
{
	struct msghdr msg = *umsg;
	int ret;

	down_write(&qi->invalidate_lock);
	ret = qux_append_data(&msg, len); /* expect: fault-under-lock */
	up_write(&qi->invalidate_lock);
	return ret;
}
