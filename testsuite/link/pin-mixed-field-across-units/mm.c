// The generic writeback completion drops the folio's reference.
#include <kmodel.h>
#include "mx_fs.h"

void mx_end_writeback(struct folio *folio)
{
	folio_put(folio);
}
