#!/bin/sh
# Add CONFIG_GCC_PLUGIN_FAULTLINE to a kernel tree, beside the kernel's own
# GCC plugins: an entry in scripts/gcc-plugins/Kconfig and the -fplugin
# flags in scripts/Makefile.gcc-plugins.  The plugin itself is built here
# (make), not by kbuild: its path is a Kconfig string.
#
#   plugin/kernel/add-to-kernel.sh KDIR [PLUGIN.so]
#
# Then enable it like the other plugins:
#   scripts/config --enable GCC_PLUGIN_FAULTLINE && make olddefconfig
# CONFIG_GCC_PLUGIN_FAULTLINE_WERROR makes findings errors (a gate).
# Running it twice changes nothing.  Files are replaced, never written in
# place, so hard-linked copies of a tree stay independent.
set -eu

kdir=${1:?usage: add-to-kernel.sh KDIR [PLUGIN.so]}
here=$(cd "$(dirname "$0")" && pwd)
plugin=${2:-$(dirname "$here")/faultline.so}
kconfig="$kdir/scripts/gcc-plugins/Kconfig"
makefile="$kdir/scripts/Makefile.gcc-plugins"

for f in "$kconfig" "$makefile"; do
	[ -f "$f" ] || {
		echo "add-to-kernel.sh: no $f: not a kernel tree with GCC plugins" >&2
		exit 2
	}
done
case "$plugin" in
/*) ;;
*) plugin=$(cd "$(dirname "$plugin")" && pwd)/$(basename "$plugin") ;;
esac
if grep -q GCC_PLUGIN_FAULTLINE "$kconfig"; then
	echo "add-to-kernel.sh: $kdir already has CONFIG_GCC_PLUGIN_FAULTLINE" >&2
	exit 0
fi

# The entries go before the Kconfig file's final "endif" (of GCC_PLUGINS).
awk -v so="$plugin" '
	{ lines[NR] = $0 }
	$0 == "endif" { last = NR }
	END {
		for (i = 1; i <= NR; i++) {
			if (i == last) {
				print "config GCC_PLUGIN_FAULTLINE"
				print "\tbool \"faultline: fault-under-lock, GUP pinning and DAX layout checks\""
				print "\tdepends on GCC_PLUGINS"
				print "\thelp"
				print "\t  Runs the faultline plugin on every unit: a lock held across a"
				print "\t  user-memory fault that the filesystem fault path takes again,"
				print "\t  FOLL_GET pages used for I/O instead of FOLL_PIN, DAX blocks"
				print "\t  removed without a layout break.  Findings are warnings; the"
				print "\t  generated code is unchanged.  tools/faultline-link reads the"
				print "\t  facts the plugin leaves in each object."
				print ""
				print "config GCC_PLUGIN_FAULTLINE_PATH"
				print "\tstring \"Path of faultline.so\""
				print "\tdepends on GCC_PLUGIN_FAULTLINE"
				print "\tdefault \"" so "\""
				print ""
				print "config GCC_PLUGIN_FAULTLINE_WERROR"
				print "\tbool \"Make faultline findings errors\""
				print "\tdepends on GCC_PLUGIN_FAULTLINE"
				print "\thelp"
				print "\t  With -Werror (CONFIG_WERROR) faultline findings stop the build."
				print ""
			}
			print lines[i]
		}
	}' "$kconfig" >"$kconfig.faultline"
mv "$kconfig.faultline" "$kconfig"

# The flags go where the other plugins' flags are collected.
awk '
	/^# All the plugin CFLAGS are collected here/ && !done {
		print "# faultline is built outside the kernel: its path is a Kconfig string."
		print "gcc-plugin-cflags-$(CONFIG_GCC_PLUGIN_FAULTLINE)\t\t\\"
		print "\t\t+= -fplugin=$(CONFIG_GCC_PLUGIN_FAULTLINE_PATH:\"%\"=%)"
		print "gcc-plugin-cflags-$(CONFIG_GCC_PLUGIN_FAULTLINE_WERROR)\t\\"
		print "\t\t+= -fplugin-arg-faultline-werror"
		print ""
		done = 1
	}
	{ print }' "$makefile" >"$makefile.faultline"
mv "$makefile.faultline" "$makefile"
echo "add-to-kernel.sh: added CONFIG_GCC_PLUGIN_FAULTLINE to $kdir ($plugin)" >&2
