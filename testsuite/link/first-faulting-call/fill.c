// Two faulting calls in one function (ntfs3's ni_fiemap): the note names
// the first in the source, whatever order a front end walks the blocks
// in (Sparse's linearizer put the loop's call first).
#include <kmodel.h>
#include "ex_fs.h"

int ex_fill(struct ex_inode *ei, struct fiemap_extent_info *fieinfo)
{
	unsigned long i;
	int err = 0;

	if (ei->resident) {
		err = fiemap_fill_next_extent(fieinfo, 0, 0, 64, 0); /* expect-link-note: 'ex_fill' calls 'fiemap_fill_next_extent' here, which may fault */
		goto out;
	}
	for (i = 0; i < ei->nruns; i++) {
		err = fiemap_fill_next_extent(fieinfo, i << 12, i << 12, 4096, 0);
		if (err)
			break;
	}
out:
	return err;
}

/* The first call in the source is the last the control flow reaches. */
int ex_fill_backwards(struct ex_inode *ei, struct fiemap_extent_info *fieinfo)
{
	int err;

	goto later;
earlier:
	return fiemap_fill_next_extent(fieinfo, 0, 0, 64, 0); /* expect-link-note: 'ex_fill_backwards' calls 'fiemap_fill_next_extent' here, which may fault */
later:
	err = fiemap_fill_next_extent(fieinfo, 0, 0, 4096, 0);
	if (err)
		goto earlier;
	return 0;
}
