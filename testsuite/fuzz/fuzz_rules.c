// SPDX-License-Identifier: GPL-2.0
/* libFuzzer target: a rules file (lib/rules.c, fl_rules_parse_file). */
#include "../../lib/rules.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fl_rules rules = {0};
	const char *path = fuzz_file("x.rules", data, size, 0);
	int i;

	fl_rules_parse_file(&rules, path, fuzz_error, NULL);
	/* What the front ends do with the rules read. */
	for (i = 0; i < rules.nrules; i++)
		if (fl_rules_find(&rules, rules.rules[i].name,
				  FL_KIND_BIT(rules.rules[i].kind)) == NULL)
			abort(); /* a rule read must be found by its name */
	fl_rules_find(&rules, "mutex_lock", ~(fl_kind_mask)0);
	fl_rules_free(&rules);
	return 0;
}
