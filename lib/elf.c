// SPDX-License-Identifier: GPL-2.0
/* Finding a section in an object file without libelf (elf.h). */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf.h"

int fl_elf_find_section(const char *path, const char *name,
			struct fl_elf_section *sec, char *err, int errlen)
{
	const Elf64_Ehdr *eh;
	const Elf64_Shdr *sh, *strtab;
	const unsigned char *map;
	struct stat st;
	int fd, i;

	memset(sec, 0, sizeof(*sec));
	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (st.st_size < (off_t)sizeof(*eh)) {
		snprintf(err, errlen, "not an ELF object (too short)");
		close(fd);
		return -1;
	}
	map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		snprintf(err, errlen, "%s", strerror(errno));
		return -1;
	}
	sec->map = (void *)map;
	sec->map_len = st.st_size;
	eh = (const Elf64_Ehdr *)map;
	if (memcmp(eh->e_ident, ELFMAG, SELFMAG) ||
	    eh->e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh->e_ident[EI_DATA] != ELFDATA2LSB) {
		snprintf(err, errlen, "not an ELF64 little-endian object");
		goto bad;
	}
	if (eh->e_shoff == 0 || eh->e_shentsize != sizeof(Elf64_Shdr) ||
	    eh->e_shoff > (Elf64_Off)st.st_size ||
	    (Elf64_Off)eh->e_shnum * sizeof(Elf64_Shdr) >
		    (Elf64_Off)st.st_size - eh->e_shoff ||
	    eh->e_shstrndx >= eh->e_shnum) {
		snprintf(err, errlen, "corrupt ELF section table");
		goto bad;
	}
	sh = (const Elf64_Shdr *)(map + eh->e_shoff);
	strtab = &sh[eh->e_shstrndx];
	if (strtab->sh_offset > (Elf64_Off)st.st_size ||
	    strtab->sh_size > (Elf64_Off)st.st_size - strtab->sh_offset) {
		snprintf(err, errlen, "corrupt ELF section names");
		goto bad;
	}
	for (i = 0; i < eh->e_shnum; i++) {
		const char *sname;

		if (sh[i].sh_name >= strtab->sh_size)
			continue;
		sname = (const char *)map + strtab->sh_offset + sh[i].sh_name;
		if (strnlen(sname, strtab->sh_size - sh[i].sh_name) ==
			    strtab->sh_size - sh[i].sh_name ||
		    strcmp(sname, name))
			continue;
		if (sh[i].sh_offset > (Elf64_Off)st.st_size ||
		    sh[i].sh_size > (Elf64_Off)st.st_size - sh[i].sh_offset) {
			snprintf(err, errlen, "section %s lies outside the "
					      "file (truncated object)",
				 name);
			goto bad;
		}
		sec->data = (const char *)map + sh[i].sh_offset;
		sec->len = sh[i].sh_size;
		return 0;
	}
	return 0;
bad:
	fl_elf_close(sec);
	return -1;
}

void fl_elf_close(struct fl_elf_section *sec)
{
	if (sec->map)
		munmap(sec->map, sec->map_len);
	memset(sec, 0, sizeof(*sec));
}
