#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every language in po/LINGUAS must be complete against the sources as
# they are now: valid (msgfmt --check, which also compares printf formats
# with the original), no fuzzy entries, nothing untranslated, and the
# plural forms its Plural-Forms header promises.
#
#   check-translations.sh SRCDIR

set -eu

srcdir="${1:-.}"
cd "$srcdir"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same extraction as i18n.gettext (preset: 'glib').
xgettext --from-code=UTF-8 --add-comments --sort-output \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --keyword=ngettext:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_set_error:4:c-format --flag=g_printerr:1:c-format --flag=g_print:1:c-format \
  --package-name=migraine-diary \
  -D . -f po/POTFILES.in -o "$tmp/migraine-diary.pot" 2>"$tmp/xgettext.log" || {
    cat "$tmp/xgettext.log" >&2
    exit 1
  }

languages=$(grep -v '^#' po/LINGUAS | tr ' ' '\n' | grep -v '^$' || true)
if [ -z "$languages" ]; then
  echo "po/LINGUAS lists no language"
  exit 1
fi

status=0
for lang in $languages; do
  po="po/$lang.po"
  if [ ! -f "$po" ]; then
    echo "$lang: po/LINGUAS lists it but $po is missing"
    status=1
    continue
  fi

  if ! msgfmt --check --check-format -o /dev/null "$po" 2>"$tmp/$lang.err"; then
    echo "$lang: msgfmt --check fails:"
    cat "$tmp/$lang.err"
    status=1
  fi

  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "$po" "$tmp/migraine-diary.pot"
  untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ' || true)
  fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$po" | grep -c '^msgid ' || true)
  # msgattrib prints the header entry too when anything matched.
  [ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
  [ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))

  if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
    echo "$lang: $untranslated untranslated, $fuzzy fuzzy"
    msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid ' | head -5
    status=1
  fi

  if ! grep -q '^"Plural-Forms: nplurals=' "$po"; then
    echo "$lang: no Plural-Forms header"
    status=1
  fi
done

if [ $status -eq 0 ]; then
  echo "complete: $(echo $languages)"
fi
exit $status
