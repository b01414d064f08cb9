#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every file that marks a string for translation must be listed in
# po/POTFILES.in, or its strings silently stay English.

srcdir="${1:-.}"
cd "$srcdir" || exit 1

status=0
listed=$(grep -v '^#' po/POTFILES.in | grep -v '^$')

for f in $(find src -name '*.c' | sort); do
  [ -f "$f" ] || continue
  if grep -qE '(^|[^a-zA-Z0-9_])(_|N_|C_|NC_|ngettext|g_dngettext|g_dpgettext2)[[:space:]]*\(' "$f"; then
    if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
      echo "not listed in po/POTFILES.in: $f"
      status=1
    fi
  fi
done

for f in $(find resources data -name '*.ui' -o -name '*.xml' -o -name '*.in' | sort); do
  if grep -q 'translatable="yes"\|<_\|^Name=\|<summary>' "$f"; then
    case "$f" in
      *.gresource.xml) continue ;;
    esac
    if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
      echo "not listed in po/POTFILES.in: $f"
      status=1
    fi
  fi
done

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "listed in po/POTFILES.in but missing: $f"
    status=1
  fi
done

if [ $status -eq 0 ]; then
  echo "po/POTFILES.in lists every translatable file"
fi
exit $status
