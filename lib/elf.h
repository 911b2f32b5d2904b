/* SPDX-License-Identifier: GPL-2.0 */
/* One section of an ELF32/ELF64 object of either byte order, bounds-checked. */
#ifndef FAULTLINE_ELF_H
#define FAULTLINE_ELF_H

#ifdef __cplusplus
extern "C" {
#endif

struct fl_elf_section {
	const char *data; /* NULL: the object has no such section */
	unsigned long len;
	void *map; /* the mapped object, for fl_elf_close() */
	unsigned long map_len;
};

/*
 * Map path and find section name.  Returns 0 (sec->data NULL if the
 * section is absent) or -1 with a message in err.  Several sections of
 * that name are not expected: the first wins.
 */
int fl_elf_find_section(const char *path, const char *name,
			struct fl_elf_section *sec, char *err, int errlen);
void fl_elf_close(struct fl_elf_section *sec);

#ifdef __cplusplus
}
#endif

#endif
