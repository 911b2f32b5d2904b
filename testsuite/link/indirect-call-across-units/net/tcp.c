// A reset is sent with the reply's own getfrag: kernel memory.
#include <kmodel.h>
#include "../ic_net.h"

int ic_send_reset(void *payload, char *buf)
{
	return ic_send_reply(payload, buf);
}
