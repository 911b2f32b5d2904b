#!/bin/sh
# The objects a witness of a finding in DIR links (faultline-witness
# --objects): DIR, and the shared code its calls go through (fs/, fs/iomap/,
# mm/), one path a line.
#
#   witness/objects.sh KDIR DIR
set -u
kdir=${1:?usage: witness/objects.sh KDIR DIR}
dir=${2:?usage: witness/objects.sh KDIR DIR}
echo "$kdir/$dir"
for d in fs fs/iomap mm; do
	[ "$d" = "$dir" ] || find "$kdir/$d" -maxdepth 1 -name '*.o' 2>/dev/null
done
