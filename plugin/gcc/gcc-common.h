/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The GCC headers the faultline plugin uses, and the one place where GCC
 * versions differ (GCC 10 to 16), in the shape of the kernel's
 * scripts/gcc-plugins/gcc-common.h: every difference is a helper here,
 * chosen by plugin-version.h's version macros, never an #if in the
 * plugin itself.
 */
#ifndef FAULTLINE_GCC_COMMON_H
#define FAULTLINE_GCC_COMMON_H

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "tree.h"
#include "function.h"
#include "basic-block.h"
#include "cfg.h"
#include "tree-ssa-alias.h"
#include "gimple-expr.h"
#include "gimple.h"
#include "gimple-iterator.h"
#include "cgraph.h"
#include "diagnostic.h"
#include "diagnostic-core.h"
#include "stringpool.h"
#include "langhooks.h"
#include "c-family/c-pragma.h"
#include "cpplib.h"
#include "output.h"

#if GCCPLUGIN_VERSION_MAJOR < 10
#error "faultline needs GCC 10 or later"
#endif

/* The target this plugin was built for (gcc -dumpmachine), for errors. */
#ifndef FAULTLINE_TARGET
#define FAULTLINE_TARGET "unknown target"
#endif

/*
 * Where a macro map's macro was used.  GCC 14 made the accessor a member
 * of line_map_macro and dropped the macro.
 */
static inline location_t fl_macro_expansion_point(const line_map_macro *map)
{
#if GCCPLUGIN_VERSION_MAJOR >= 14
	return map->get_expansion_point_location();
#else
	return MACRO_MAP_EXPANSION_POINT_LOCATION(map);
#endif
}

/*
 * Whether -Werror is in force, and setting it.  GCC 14 made the field
 * private behind accessors (GCC 16 moved the class to
 * diagnostics/context.h, which diagnostic.h still includes).
 */
static inline bool fl_werror_requested(void)
{
#if GCCPLUGIN_VERSION_MAJOR >= 14
	return global_dc->warning_as_error_requested_p();
#else
	return global_dc->warning_as_error_requested;
#endif
}

static inline void fl_set_werror_requested(bool on)
{
#if GCCPLUGIN_VERSION_MAJOR >= 14
	global_dc->set_warning_as_error_requested(on);
#else
	global_dc->warning_as_error_requested = on;
#endif
}

/*
 * Whether stmt is the store -ftrivial-auto-var-init adds at a local's
 * declaration (x = .DEFERRED_INIT (...), GCC 12 and later), not one the
 * program makes: kernels with CONFIG_INIT_STACK_ALL_ZERO have one for
 * every local.
 */
static inline bool fl_is_deferred_init(const gimple *stmt)
{
#if GCCPLUGIN_VERSION_MAJOR >= 12
	return is_gimple_call(stmt) &&
	       gimple_call_internal_p(stmt, IFN_DEFERRED_INIT);
#else
	(void)stmt;
	return false;
#endif
}

#endif /* FAULTLINE_GCC_COMMON_H */
