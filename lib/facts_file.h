/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Where a unit's facts live.  The GCC plugin puts them into the object
 * (section .discard.faultline); a checker that compiles nothing (the
 * Sparse and libclang front ends, make C=1/C=2) writes them to a side
 * file beside the object kbuild would build: DIR/.NAME.o.faultline, next
 * to kbuild's DIR/.NAME.o.cmd and DIR/.NAME.o.d.  Readers take the side
 * file when it is at least as new as the object (or there is no object),
 * the object's section otherwise, so one unit is never read twice.
 */
#ifndef FAULTLINE_FACTS_FILE_H
#define FAULTLINE_FACTS_FILE_H

#include <stdbool.h>

#include "elf.h"

#ifdef __cplusplus
extern "C" {
#endif

#define FL_FACTS_SIDEFILE_SUFFIX ".faultline"

/* The side file of object (DIR/NAME.o -> DIR/.NAME.o.faultline). */
void fl_facts_sidefile(const char *object, char *buf, unsigned long len);

/* If path names a side file, the object it belongs to, and true. */
bool fl_facts_sidefile_object(const char *path, char *buf, unsigned long len);

/*
 * The facts of object: from its side file or its section, as above; the
 * file read is put in from (if not NULL), for messages.  Returns 0
 * (sec->data NULL: no facts) or -1 with a message in err; fl_elf_close()
 * releases sec either way.
 */
int fl_facts_find(const char *object, struct fl_elf_section *sec,
		  char *from, unsigned long fromlen, char *err, int errlen);

/*
 * Write the side file of object atomically: a temporary file in the same
 * directory, renamed into place, so an interrupted or parallel build never
 * leaves a truncated file.  Returns 0, or -1 with a message in err.
 */
int fl_facts_write_sidefile(const char *object, const char *data,
			    unsigned long len, char *err, int errlen);

#ifdef __cplusplus
}
#endif

#endif
