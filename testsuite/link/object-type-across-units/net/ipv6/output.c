// __ip6_append_data's shape: "from" is a msghdr only for the callers
// that pass one.
#include <kmodel.h>
#include "../../ot_net.h"

int ot_append_data(void *from, size_t len)
{
	return ot_zerocopy_iter_dgram(from, len);
}

int ot_append_frag(void *from, size_t len)
{
	return ot_getfrag_msg(from, len);
}
