// SPDX-License-Identifier: GPL-2.0
/* A readable dump of the lowered model (-fplugin-arg-faultline-dump). */
#include <stdio.h>

#include "lockset.h"

static const char *const rel_names[] = {"", "==0", "!=0", "<0", ">=0", ">0", "<=0"};

static void dump_operand(FILE *out, const struct fl_operand *op)
{
	if (op->is_const) {
		fprintf(out, "%lld", op->value);
		return;
	}
	fprintf(out, "%s", op->display ? op->display : "?");
	if (op->lock_class)
		fprintf(out, "{%s}", op->lock_class);
	if (op->pointee)
		fprintf(out, "{*%s}", op->pointee);
	if (op->var)
		fprintf(out, "{v%u}", op->var);
	if (op->param)
		fprintf(out, "{p%d}", op->param);
	if (op->object)
		fprintf(out, "{obj %s}", op->object);
	if (op->base_var || op->base_param)
		fprintf(out, "{field of v%u p%d}", op->base_var,
			op->base_param);
	if (op->function)
		fprintf(out, "{&%s}", op->function);
}

void fl_dump_unit(const struct fl_unit *unit, FILE *out)
{
	int f, b, e, a;

	for (f = 0; f < unit->nfuncs; f++) {
		const struct fl_function *fn = unit->funcs[f];

		fprintf(out, "function %s%s (entry %d)\n", fn->name,
			fn->is_static ? " static" : "", fn->entry);
		for (b = 0; b < fn->nblocks; b++) {
			const struct fl_block *bl = &fn->blocks[b];

			if (!bl->nevents && !bl->nsuccs)
				continue;
			fprintf(out, "  bb%d:\n", b);
			for (e = 0; e < bl->nevents; e++) {
				const struct fl_event *ev = &bl->events[e];

				fprintf(out, "    %d: ", ev->loc.line);
				switch (ev->kind) {
				case FL_EV_CALL:
					if (ev->result_var)
						fprintf(out, "v%u = ",
							ev->result_var);
					fprintf(out, "%s(", ev->callee);
					for (a = 0; a < ev->nargs; a++) {
						fprintf(out, a ? ", " : "");
						dump_operand(out, &ev->args[a]);
					}
					fprintf(out, ")");
					if (ev->fnptr_param)
						fprintf(out, " only if p%d",
							ev->fnptr_param);
					fprintf(out, "\n");
					break;
				case FL_EV_STORE:
					fprintf(out,
						"store v%u %s = ", ev->base_var,
						ev->field_class);
					dump_operand(out, &ev->value);
					fprintf(out, "\n");
					break;
				case FL_EV_ASSIGN:
					fprintf(out, "assign v%u", ev->var);
					if (ev->value.var)
						fprintf(out, " = v%u",
							ev->value.var);
					fprintf(out, "\n");
					break;
				case FL_EV_RETURN:
					fprintf(out, "return ");
					dump_operand(out, &ev->value);
					fprintf(out, "\n");
					break;
				case FL_EV_FLOW:
					fprintf(out, "flow %s <- %s\n",
						ev->dst_object, ev->src_object);
					break;
				case FL_EV_WRITE:
					fprintf(out, "write %s via %s\n",
						ev->src_object, ev->callee);
					break;
				}
			}
			for (e = 0; e < bl->nsuccs; e++) {
				const struct fl_edge *ed = &bl->succs[e];

				fprintf(out, "    -> bb%d", ed->dest);
				if (ed->cond_var)
					fprintf(out, " if v%u%s", ed->cond_var,
						rel_names[ed->rel]);
				if (ed->fnptr_param)
					fprintf(out, " if p%d == &%s",
						ed->fnptr_param, ed->fnptr);
				fprintf(out, "\n");
			}
		}
	}
	for (f = 0; f < unit->nops; f++)
		fprintf(out, "ops %s::%s = %s\n", unit->ops[f].table_type,
			unit->ops[f].field, unit->ops[f].function);
}
