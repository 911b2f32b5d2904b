// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer target: the facts text of one section (lib/facts_read.c,
 * lib/FACTS.md), then the link over what was read (ln_link: resolution,
 * summaries, the link checks) and its writers, as faultline-link runs them.
 */
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
	static FILE *null;
	struct ln_program prog;
	int i;

	if (!null)
		null = fopen("/dev/null", "w");
	ln_program_init(&prog, &rules, fuzz_error, NULL);
	ln_read_facts(&prog, "fuzz.o", (const char *)data, size);
	ln_link(&prog);
	for (i = 0; i < prog.nfindings; i++)
		ln_print_finding(null, &prog.findings[i]);
	for (i = 0; i < prog.nunits; i++) {
		int j;

		for (j = 0; j < prog.units[i]->ndiags; j++)
			ln_print_finding(null, &prog.units[i]->diags[j]);
	}
	/* --srcroot "" (faultline-link passes the directory it was given) */
	ln_write_sarif(&prog, "/dev/null", size & 1 ? "" : "/src", "fuzz");
	ln_program_free(&prog);
	ln_intern_free();
	return 0;
}
