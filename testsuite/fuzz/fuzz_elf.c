// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: a whole object file (lib/elf.c, the facts section by
 * lib/facts_file.c's fl_facts_find), its facts read and linked as
 * faultline-link does.
 */
#include "../../lib/elf.h"
#include "../../lib/facts.h"
#include "../../lib/facts_file.h"
#include "../../lib/link.h"
#include "../../lib/rules.h"
#include "fuzz.h"

static struct fl_rules rules;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *dir = getenv("FAULTLINE_RULES");

	if (fl_rules_load_dir(&rules, dir ? dir : FUZZ_RULES_DIR, fuzz_error,
			      NULL))
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fl_elf_section sec;
	struct ln_program prog;
	char from[512], err[512];
	const char *path = fuzz_file("x.o", data, size, 0);

	ln_program_init(&prog, &rules, fuzz_error, NULL);
	if (fl_facts_find(path, &sec, from, sizeof(from), err, sizeof(err)) ==
	    0) {
		if (sec.data) {
			if (sec.data < (const char *)sec.map ||
			    sec.data + sec.len >
				    (const char *)sec.map + sec.map_len)
				abort(); /* a section outside the mapping */
			ln_read_facts(&prog, from, sec.data, sec.len);
			ln_link(&prog);
		}
	} else if (!err[0]) {
		abort(); /* an error must say what is wrong */
	}
	ln_program_free(&prog);
	ln_intern_free();
	fl_elf_close(&sec);
	return 0;
}
