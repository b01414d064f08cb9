#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Every language in po/LINGUAS is complete and correct:
# - msgfmt --check (syntax, plural forms, c-format specifiers, mnemonics);
# - no untranslated and no fuzzy message, measured against a template
#   extracted fresh from the sources (so a new string fails every
#   language until it is translated);
# - the format specifiers of every translation, every plural form
#   included, match the original's in number, type and order;
# - "default:RTL" only for right-to-left languages.
# TAP output, one line per language.

set -u
srcdir="${1:-.}"
cd "$srcdir" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same keywords and flags as meson's i18n glib preset.
xgettext --package-name=migraine-diary --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  -f po/POTFILES.in -D . -o "$tmp/fresh.pot" 2>"$tmp/xgettext.err" || {
  echo "Bail out! xgettext failed: $(cat "$tmp/xgettext.err")"
  exit 1
}

languages=$(grep -v '^#' po/LINGUAS | tr -s ' \n' '\n' | grep -v '^$')
count=$(printf '%s\n' "$languages" | wc -l)
echo "1..$((count + 1))"

# Only complete languages are listed; each listed one must pass below.
if [ "$count" -ge 1 ]; then
  echo "ok 1 - $count languages in po/LINGUAS: $(printf '%s ' $languages)"
else
  echo "not ok 1 - no language in po/LINGUAS"
fi

n=1
status=0
for lang in $languages; do
  n=$((n + 1))
  po="po/$lang.po"
  problems=""
  if [ ! -f "$po" ]; then
    echo "not ok $n - $lang: $po is missing"
    status=1
    continue
  fi
  if ! msgfmt --check --check-accelerators=_ -o /dev/null "$po" 2>"$tmp/err"; then
    problems="$problems msgfmt: $(head -3 "$tmp/err" | tr '\n' ' ')"
  fi
  msgmerge --quiet --no-fuzzy-matching "$po" "$tmp/fresh.pot" -o "$tmp/$lang.po" 2>/dev/null
  stats=$(msgfmt --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  case "$stats" in
    *untranslated*|*fuzzy*) problems="$problems incomplete against the sources: $stats" ;;
  esac
  python3 - "$tmp/$lang.po" "$lang" > "$tmp/formats" <<'PY'
import re, sys
path, lang = sys.argv[1], sys.argv[2]
spec = re.compile(r'%(?:\d+\$)?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t|I64)?[diouxXeEfFgGaAcspn%]')

def unquote(lines):
    return ''.join(eval(l) for l in lines)

entries, cur, key = [], {}, None
for line in open(path, encoding='utf-8'):
    line = line.rstrip('\n')
    if line.startswith('#~'):
        continue
    if not line.strip():
        if cur:
            entries.append(cur)
        cur, key = {}, None
        continue
    if line.startswith('#'):
        if line.startswith('#,'):
            cur['flags'] = line
        continue
    m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
    if m:
        key = m.group(1)
        cur.setdefault(key, []).append(m.group(2))
    elif line.startswith('"') and key:
        cur[key].append(line)
if cur:
    entries.append(cur)

bad = 0
for e in entries:
    if 'msgid' not in e:
        continue
    msgid = unquote(e['msgid'])
    if msgid == '':
        continue
    # Only printf formats: strftime patterns are not flagged c-format and
    # may reorder their fields freely.
    if 'c-format' not in e.get('flags', '') or 'no-c-format' in e.get('flags', ''):
        if msgid != 'default:LTR':
            continue
    want = sorted(spec.findall(msgid)) if any('$' in s for s in spec.findall(msgid)) else spec.findall(msgid)
    plural = unquote(e['msgid_plural']) if 'msgid_plural' in e else None
    for k, v in e.items():
        if not k.startswith('msgstr'):
            continue
        text = unquote(v)
        if text == '':
            continue
        got = spec.findall(text)
        strip = lambda l: [re.sub(r'\d+\$', '', s) for s in l]
        if any('$' in s for s in got):
            got = [s for _, s in sorted((int(re.match(r'%(\d+)\$', s).group(1)), s) for s in got if re.match(r'%\d+\$', s))]
        if strip(got) != strip(spec.findall(msgid)) and (plural is None or strip(got) != strip(spec.findall(plural))):
            print(f'{lang}: format mismatch in {msgid!r}: {text!r}')
            bad += 1
    if msgid == 'default:LTR':
        rtl = unquote(e.get('msgstr', ['""']))
        if (lang in ('ar', 'he', 'fa', 'ur')) != (rtl == 'default:RTL'):
            print(f'{lang}: text direction is {rtl!r}')
            bad += 1
sys.exit(1 if bad else 0)
PY
  if [ -s "$tmp/formats" ]; then
    problems="$problems $(head -5 "$tmp/formats" | tr '\n' ' ')"
  fi
  if [ -z "$problems" ]; then
    echo "ok $n - $lang: $stats"
  else
    echo "not ok $n - $lang:$problems"
    status=1
  fi
done
exit $status
