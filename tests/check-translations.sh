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
# - "default:RTL" only for right-to-left languages;
# - no two mnemonics alike within one dialog (a .ui file, with the code
#   of the editor it belongs to; a menu on its own), in the sources and
#   in every translation;
# - a percent format has no ordinary space (a line could break between
#   number and sign: use U+00A0 or U+202F);
# - the words of po/needs-context.txt never appear without a msgctxt;
# - every rule of the language's glossary, po/glossary/LANG.txt (see
#   po/README.md).
# TAP output: the sources, then three lines per language.

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
echo "1..$((3 * count + 2))"

# Format specifiers, mnemonics, percent formats, contexts and the
# glossary, for the template (language "C") or a merged catalogue: one
# reader of PO files for all.
cat > "$tmp/conventions.py" <<'PY'
import os, re, sys
import xml.etree.ElementTree as ET

mode, path, lang = sys.argv[1], sys.argv[2], sys.argv[3]

def unquote(lines):
    return ''.join(eval(l) for l in lines)

def read_po(path):
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
        if line.startswith('#:'):
            cur.setdefault('refs', []).extend(r.rsplit(':', 1)[0] for r in line[2:].split())
            continue
        if line.startswith('#,'):
            cur['flags'] = line
            continue
        if line.startswith('#'):
            continue
        m = re.match(r'(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) (".*")$', line)
        if m:
            key = m.group(1)
            cur.setdefault(key, []).append(m.group(2))
        elif line.startswith('"') and key:
            cur[key].append(line)
    if cur:
        entries.append(cur)
    result = []
    for e in entries:
        if 'msgid' not in e or unquote(e['msgid']) == '':
            continue
        result.append({
            'ctx': unquote(e['msgctxt']) if 'msgctxt' in e else None,
            'id': unquote(e['msgid']),
            'plural': unquote(e['msgid_plural']) if 'msgid_plural' in e else None,
            'strs': [unquote(v) for k, v in sorted(e.items()) if k.startswith('msgstr')],
            'refs': e.get('refs', []),
            'flags': e.get('flags', ''),
        })
    return result

entries = read_po(path)
problems = []

def translation(e):
    """The first form, or the original where untranslated (C: always)."""
    if lang != 'C' and e['strs'] and e['strs'][0]:
        return e['strs'][0]
    return e['id']

def mnemonic(text):
    m = re.search(r'_([^_\s])', text)
    return m.group(1).lower() if m else None

# Mnemonics act only on widgets that are shown: a menu, and each page of
# a preferences window or a stack, is a dialog of its own.
PAGES = ('AdwPreferencesPage', 'GtkStackPage', 'AdwViewStackPage')

def ui_scopes():
    """(context, msgid) -> the scopes of .ui files it is shown in."""
    scopes = {}
    pages = [0]
    def walk(element, scope):
        if element.tag == 'menu':
            scope = scope + '#menu'
        if element.get('translatable') == 'yes' and element.text:
            scopes.setdefault((element.get('context'), element.text), set()).add(scope)
        # Pages are shown one at a time where there are several
        several = len([o for c in element.findall('child') for o in c.findall('object')
                       if o.get('class') in PAGES]) > 1
        for child in element:
            if several and child.tag == 'child':
                for o in child:
                    if o.tag == 'object' and o.get('class') in PAGES:
                        pages[0] += 1
                        walk(o, scope + '#' + (o.get('id') or f'page{pages[0]}'))
                    else:
                        walk(o, scope)
            else:
                walk(child, scope)
    for folder in ('resources/ui', 'resources/gtk'):
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.endswith('.ui'):
                walk(ET.parse(os.path.join(folder, name)).getroot(), os.path.splitext(name)[0])
    return scopes

if mode == 'mnemonics':
    ui = ui_scopes()
    dialogs = {}
    for e in entries:
        if mnemonic(e['id']) is None:
            continue
        scopes = set(ui.get((e['ctx'], e['id']), set()))
        # The code of an editor is part of its .ui's dialog (other code
        # makes dialogs of its own)
        for ref in e['refs']:
            base = os.path.splitext(os.path.basename(ref))[0]
            if ref.endswith('-editor.c') and os.path.exists(f'resources/ui/{base}.ui'):
                scopes.add(base)
        key = mnemonic(translation(e))
        if key is None:
            continue
        for scope in scopes:
            dialogs.setdefault(scope, {}).setdefault(key, set()).add(translation(e).replace('\n', ' '))
    for scope, keys in sorted(dialogs.items()):
        for key, texts in sorted(keys.items()):
            if len(texts) > 1:
                problems.append(f'{scope}: Alt+{key.upper()} for ' + ', '.join(f'“{t}”' for t in sorted(texts)))
    # A percent sign apart from its number
    for e in entries:
        if e['ctx'] in ('percent', 'percent change') and ' ' in translation(e):
            problems.append(f'the {e["ctx"]} format “{translation(e)}” has an ordinary space: use U+00A0 or U+202F')

elif mode == 'formats':
    # The specifiers of every form of a translation match the original's
    # (or its plural's) in number, type and order
    spec = re.compile(r'%(?:\d+\$)?[-+ #0]*(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|L|z|j|t|I64)?[diouxXeEfFgGaAcspn%]')
    strip = lambda l: [re.sub(r'\d+\$', '', s) for s in l]
    for e in entries:
        msgid = e['id']
        # Only printf formats: strftime patterns are not flagged c-format and
        # may reorder their fields freely.
        if ('c-format' not in e['flags'] or 'no-c-format' in e['flags']) and msgid != 'default:LTR':
            continue
        for text in e['strs']:
            if text == '':
                continue
            got = spec.findall(text)
            if any('$' in s for s in got):
                got = [s for _, s in sorted((int(re.match(r'%(\d+)\$', s).group(1)), s) for s in got if re.match(r'%\d+\$', s))]
            if strip(got) != strip(spec.findall(msgid)) and (e['plural'] is None or strip(got) != strip(spec.findall(e['plural']))):
                problems.append(f'{lang}: format mismatch in {msgid!r}: {text!r}')
        if msgid == 'default:LTR':
            rtl = e['strs'][0] if e['strs'] else ''
            if (lang in ('ar', 'he', 'fa', 'ur')) != (rtl == 'default:RTL'):
                problems.append(f'{lang}: text direction is {rtl!r}')
elif mode == 'contexts':
    needed = [l.rstrip('\n') for l in open('po/needs-context.txt', encoding='utf-8')
              if l.strip() and not l.startswith('#')]
    for e in entries:
        if e['id'] in needed and e['ctx'] is None:
            problems.append(f'“{e["id"]}” needs a msgctxt (po/needs-context.txt): {" ".join(sorted(set(e["refs"])))}')

elif mode == 'glossary':
    glossary = f'po/glossary/{lang}.txt'
    if not os.path.exists(glossary):
        problems.append(f'{glossary} is missing')
        rules = []
    else:
        rules = []
        for number, line in enumerate(open(glossary, encoding='utf-8'), 1):
            line = line.rstrip('\n')
            if not line.strip() or line.startswith('#'):
                continue
            fields = line.split('\t')
            if len(fields) != 3:
                problems.append(f'{glossary}:{number}: not three fields separated by tabs')
                continue
            term, required, forbidden = fields
            ctx, _, term = term.rpartition('|')
            words = r'[\s-]+'.join(re.escape(w) for w in term.split())
            rules.append((number, ctx or None, term, re.compile(r'(?<!\w)' + words + r'(?:s|es)?(?!\w)', re.I),
                          re.compile(required, re.I) if required else None,
                          re.compile(forbidden, re.I) if forbidden else None))
    for e in entries:
        texts = [t for t in e['strs'] if t]
        # Mnemonics are not part of the words
        texts = [re.sub(r'\(_.\)|_(?=\S)', '', t) for t in texts]
        for number, ctx, term, english, required, forbidden in rules:
            if forbidden is not None and (ctx is None or e['ctx'] == ctx):
                for t in texts:
                    if forbidden.search(t):
                        problems.append(f'“{term}” ({glossary}:{number}): “{t}” uses “{forbidden.search(t).group(0)}” (for “{e["id"]}”)')
            if required is None or (ctx is not None and e['ctx'] != ctx):
                continue
            if not (english.search(e['id']) or (e['plural'] and english.search(e['plural']))):
                continue
            for t in texts:
                if not required.search(t):
                    problems.append(f'“{term}” ({glossary}:{number}): “{t}” lacks /{required.pattern}/ (for “{e["id"]}”)')

for p in problems:
    print(p)
sys.exit(1 if problems else 0)
PY


# Only complete languages are listed; each listed one must pass below.
if [ "$count" -ge 1 ]; then
  echo "ok 1 - $count languages in po/LINGUAS: $(printf '%s ' $languages)"
else
  echo "not ok 1 - no language in po/LINGUAS"
fi

# The sources: contexts, and mnemonics in English
problems=""
python3 "$tmp/conventions.py" contexts "$tmp/fresh.pot" C > "$tmp/contexts" || problems="$problems $(tr '\n' ' ' < "$tmp/contexts")"
python3 "$tmp/conventions.py" mnemonics "$tmp/fresh.pot" C > "$tmp/mnemonics" || problems="$problems $(tr '\n' ' ' < "$tmp/mnemonics")"
if [ -z "$problems" ]; then
  echo "ok 2 - sources: contexts and mnemonics"
else
  echo "not ok 2 - sources:$problems"
fi

n=2
status=0
[ -z "$problems" ] || status=1
for lang in $languages; do
  n=$((n + 1))
  po="po/$lang.po"
  problems=""
  if [ ! -f "$po" ]; then
    echo "not ok $n - $lang: $po is missing"
    echo "not ok $((n + 1)) - $lang: mnemonics: $po is missing"
    echo "not ok $((n + 2)) - $lang: glossary: $po is missing"
    n=$((n + 2))
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
  python3 "$tmp/conventions.py" formats "$tmp/$lang.po" "$lang" > "$tmp/formats"
  if [ -s "$tmp/formats" ]; then
    problems="$problems $(head -5 "$tmp/formats" | tr '\n' ' ')"
  fi
  if [ -z "$problems" ]; then
    echo "ok $n - $lang: $stats"
  else
    echo "not ok $n - $lang:$problems"
    status=1
  fi

  for check in mnemonics glossary; do
    n=$((n + 1))
    if python3 "$tmp/conventions.py" $check "$tmp/$lang.po" "$lang" > "$tmp/$check"; then
      echo "ok $n - $lang: $check"
    else
      echo "not ok $n - $lang: $check: $(wc -l < "$tmp/$check") problems"
      sed 's/^/# /' "$tmp/$check"
      status=1
    fi
  done
done
exit $status
