// SPDX-License-Identifier: GPL-2.0
/*
 * Finding a section in an object file without libelf (elf.h): ELF32 and
 * ELF64 of either byte order, whatever the host.  Fields are read byte by
 * byte at checked offsets, so a corrupt object is an error, never a read
 * outside the mapping or an unaligned access.
 */
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf.h"

struct obj {
	const unsigned char *map;
	uint64_t size;
	bool is64, big;
};

/* The n-byte integer at off, in the object's byte order. */
static uint64_t get(const struct obj *o, uint64_t off, size_t n)
{
	const unsigned char *p = o->map + off;
	uint64_t v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v << 8 | p[o->big ? i : n - 1 - i];
	return v;
}

/* Field f of the Ehdr or Shdr (T) at off, laid out as <elf.h> says. */
#define FIELD(o, off, T, f)                                                    \
	((o)->is64 ? get(o, (off) + offsetof(Elf64_##T, f),                    \
			 sizeof(((Elf64_##T *)0)->f))                          \
		   : get(o, (off) + offsetof(Elf32_##T, f),                    \
			 sizeof(((Elf32_##T *)0)->f)))

#define OUTSIDE "outside the file (truncated object)"

/* A [off, off + len) range inside the file, without overflowing. */
static bool in_file(const struct obj *o, uint64_t off, uint64_t len)
{
	return off <= o->size && len <= o->size - off;
}

static int find(const struct obj *o, const char *name,
		struct fl_elf_section *sec, char *err, int errlen)
{
	uint64_t shoff, shentsize, shnum, shstrndx, entsize, names, names_len;
	uint64_t i, strtab;
	const char *xindex = "";

	shoff = FIELD(o, 0, Ehdr, e_shoff);
	shentsize = FIELD(o, 0, Ehdr, e_shentsize);
	shnum = FIELD(o, 0, Ehdr, e_shnum);
	shstrndx = FIELD(o, 0, Ehdr, e_shstrndx);
	entsize = o->is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
	if (shoff == 0) {
		snprintf(err, errlen, "no ELF section table");
		return -1;
	}
	if (shentsize != entsize) {
		snprintf(err, errlen, "ELF section header size %llu, not %llu",
			 (unsigned long long)shentsize,
			 (unsigned long long)entsize);
		return -1;
	}
	if (!in_file(o, shoff, entsize)) {
		snprintf(err, errlen, "ELF section table " OUTSIDE);
		return -1;
	}
	/* Past 0xff00 sections the real values are in section 0 (gABI). */
	if (shnum == 0)
		shnum = FIELD(o, shoff, Shdr, sh_size);
	if (shstrndx == SHN_XINDEX) {
		shstrndx = FIELD(o, shoff, Shdr, sh_link);
		xindex = " (SHN_XINDEX)";
	}
	if (shnum > (o->size - shoff) / entsize) {
		snprintf(err, errlen, "%llu ELF section headers " OUTSIDE,
			 (unsigned long long)shnum);
		return -1;
	}
	if (shstrndx >= shnum) {
		snprintf(err, errlen,
			 "ELF e_shstrndx%s %llu out of range (%llu sections)",
			 xindex, (unsigned long long)shstrndx,
			 (unsigned long long)shnum);
		return -1;
	}
	strtab = shoff + shstrndx * entsize;
	names = FIELD(o, strtab, Shdr, sh_offset);
	names_len = FIELD(o, strtab, Shdr, sh_size);
	if (!in_file(o, names, names_len)) {
		snprintf(err, errlen, "ELF section names " OUTSIDE);
		return -1;
	}
	for (i = 0; i < shnum; i++) {
		uint64_t sh = shoff + i * entsize, off, len;
		uint64_t sname = FIELD(o, sh, Shdr, sh_name);
		const char *s;

		if (sname >= names_len)
			continue;
		s = (const char *)o->map + names + sname;
		if (strnlen(s, names_len - sname) == names_len - sname ||
		    strcmp(s, name))
			continue;
		/* Its offset means nothing: do not read facts from there. */
		if (FIELD(o, sh, Shdr, sh_type) == SHT_NOBITS) {
			snprintf(err, errlen,
				 "section %s has no contents (SHT_NOBITS)",
				 name);
			return -1;
		}
		off = FIELD(o, sh, Shdr, sh_offset);
		len = FIELD(o, sh, Shdr, sh_size);
		if (!in_file(o, off, len)) {
			snprintf(err, errlen, "section %s lies " OUTSIDE, name);
			return -1;
		}
		sec->data = (const char *)o->map + off;
		sec->len = len;
		return 0;
	}
	return 0;
}

int fl_elf_find_section(const char *path, const char *name,
			struct fl_elf_section *sec, char *err, int errlen)
{
	const unsigned char *map;
	struct stat st;
	struct obj o;
	int fd;

	memset(sec, 0, sizeof(*sec));
	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st) < 0) {
		snprintf(err, errlen, "%s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (st.st_size < EI_NIDENT) {
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
	o.map = map;
	o.size = st.st_size;
	o.is64 = map[EI_CLASS] == ELFCLASS64;
	o.big = map[EI_DATA] == ELFDATA2MSB;
	if (memcmp(map, ELFMAG, SELFMAG)) {
		snprintf(err, errlen, "not an ELF object");
		goto bad;
	}
	if (map[EI_CLASS] != ELFCLASS32 && map[EI_CLASS] != ELFCLASS64) {
		snprintf(err, errlen, "unknown ELF class %u", map[EI_CLASS]);
		goto bad;
	}
	if (map[EI_DATA] != ELFDATA2LSB && map[EI_DATA] != ELFDATA2MSB) {
		snprintf(err, errlen, "unknown ELF byte order %u",
			 map[EI_DATA]);
		goto bad;
	}
	if (o.size < (o.is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr))) {
		snprintf(err, errlen, "truncated ELF header");
		goto bad;
	}
	if (find(&o, name, sec, err, errlen))
		goto bad;
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
