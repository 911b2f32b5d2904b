/* The network units of the case (net/core and net/ipv6's shape). */
int mi_copy_datagram_iter(const char *data, size_t len, struct iov_iter *to);
int mi_udp_recvmsg(struct msghdr *msg, const char *data, size_t len);

/* As skbuff.h's skb_copy_datagram_msg: the message's own iterator. */
static inline int mi_copy_datagram_msg(const char *data, size_t len,
				       struct msghdr *msg)
{
	return mi_copy_datagram_iter(data, len, &msg->msg_iter);
}
