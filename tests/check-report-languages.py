#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The report in every language of po/LINGUAS, read back from poppler's
# word boxes (pdftotext -bbox-layout):
# - no word's box overlaps another's (captions of the pain chart run into
#   each other where they are laid out too wide);
# - no word crosses the page margin (42 pt on every side);
# - no word is broken across two lines inside it: where the last letters
#   of one line and the first letters of the next make a word of the
#   language's catalogue that is not two words of it ("Soulageme|nt").
#   Japanese breaks between characters by its own rules and is not
#   checked for this;
# - the report is in the language (its title is the catalogue's).
#
#   check-report-languages.py SRCDIR EXPORTER GENERATOR LOCALEDIR
#
# EXPORTER is tests/md-export-report, GENERATOR tests/md-generate-diary,
# LOCALEDIR the build tree's compiled catalogues. TAP output, one line
# per language; a language whose locale is not installed is skipped.

import gettext
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

MARGIN = 42.0
# Glyph boxes come from the font's ascent and descent, which reach a
# little beyond the line Pango lays out: tolerances in points.
MARGIN_SLACK = 1.0
LOCALES = {
    'ar': 'ar_EG', 'de': 'de_DE', 'es': 'es_ES', 'fr': 'fr_FR', 'it': 'it_IT',
    'ja': 'ja_JP', 'nl': 'nl_NL', 'pl': 'pl_PL', 'pt_BR': 'pt_BR', 'uk': 'uk_UA',
}
NS = '{http://www.w3.org/1999/xhtml}'
# Letters, with the combining marks that belong to them (Arabic vowels)
LETTERS = re.compile(r'(?:[^\W\d_]|[\u0300-\u036f\u064b-\u065f\u0670])+')
BIDI_MARKS = dict.fromkeys(map(ord, '\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'))


def norm(text):
    return unicodedata.normalize('NFKC', text).translate(BIDI_MARKS)


def po_words(path):
    """Every word of the catalogue's messages and translations."""
    words = set()
    key = None
    with open(path, encoding='utf-8') as po:
        for line in po:
            line = line.strip()
            if line.startswith('#~'):
                continue
            m = re.match(r'(msgid|msgid_plural|msgstr(?:\[\d+\])?|msgctxt) (".*")$', line)
            if m:
                key = m.group(1)
                text = m.group(2)
            elif line.startswith('"') and key:
                text = line
            else:
                key = None
                continue
            if key == 'msgctxt':
                continue
            text = re.sub(r'%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?[a-zA-Z%]', ' ', eval(text))
            words.update(w.lower() for w in LETTERS.findall(norm(text)))
    return words


def box(element):
    return tuple(float(element.get(k)) for k in ('xMin', 'yMin', 'xMax', 'yMax'))


def read_pdf(pdf):
    """The document's title and its pages."""
    xml = subprocess.run(['pdftotext', '-bbox-layout', pdf, '-'], check=True,
                         capture_output=True).stdout
    # The XHTML's DOCTYPE names entities ElementTree does not know.
    xml = re.sub(rb'<!DOCTYPE[^>]*>', b'', xml)
    root = ET.fromstring(xml)
    title = root.find(f'{NS}head/{NS}title')
    return (title.text if title is not None else ''), list(root.iter(NS + 'page'))


def overlaps(words):
    """Pairs of overlapping word boxes (text, box), found through a grid."""
    found = []
    grid = {}
    cell = 24.0
    inset = []
    for text, (x0, y0, x1, y1) in words:
        # Neighbouring lines' ascent and descent may touch.
        h = y1 - y0
        inset.append((x0 + 0.3, y0 + h * 0.2, x1 - 0.3, y1 - h * 0.2))
    for i, b in enumerate(inset):
        if b[2] <= b[0] or b[3] <= b[1]:
            continue
        near = set()
        for gx in range(int(b[0] // cell), int(b[2] // cell) + 1):
            for gy in range(int(b[1] // cell), int(b[3] // cell) + 1):
                near.update(grid.setdefault((gx, gy), []))
                grid[(gx, gy)].append(i)
        for j in near:
            c = inset[j]
            if b[0] < c[2] and c[0] < b[2] and b[1] < c[3] and c[1] < b[3]:
                found.append((words[j][0], words[i][0]))
    return found


ARABIC = re.compile(r'[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]')


def page_words(page):
    """The page's words as (text, box).

    pdftotext gives Arabic in visual order, letter by letter from the
    left, and cuts its words where a ligature or a joining glyph starts:
    touching pieces within a line are put together again, and turned
    into reading order."""
    words = []
    for line in page.iter(NS + 'line'):
        pieces = sorted(((norm(w.text or ''), box(w)) for w in line.iter(NS + 'word')
                         if (w.text or '').strip()), key=lambda w: w[1][0])
        merged = []
        for text, b in pieces:
            if merged:
                last, p = merged[-1]
                if ARABIC.search(text) and ARABIC.search(last) and b[0] < p[2] + 0.5:
                    merged[-1] = (last + text, (min(p[0], b[0]), min(p[1], b[1]), max(p[2], b[2]), max(p[3], b[3])))
                    continue
            merged.append((text, b))
        words.extend((text[::-1] if ARABIC.search(text) else text, b) for text, b in merged)
    return words


def runs(words):
    """Words on one baseline with no more than a space between them: a
    line of one cell or caption (pdftotext may join a table row's cells
    into one line). Each run is a list of words from left to right."""
    rows = {}
    for w in words:
        rows.setdefault((round(w[1][1], 1), round(w[1][3], 1)), []).append(w)
    result = []
    for row in rows.values():
        row.sort(key=lambda w: w[1][0])
        run = [row[0]]
        for w in row[1:]:
            height = w[1][3] - w[1][1]
            if w[1][0] - run[-1][1][2] <= 0.45 * height:
                run.append(w)
            else:
                result.append(run)
                run = [w]
        result.append(run)
    return result


def broken_words(words, dictionary, rtl):
    """Runs whose end and the start of the run below make one word."""
    found = []
    lines = runs(words)
    lines.sort(key=lambda r: r[0][1][1])
    for i, upper in enumerate(lines):
        top, bottom = upper[0][1][1], upper[0][1][3]
        height = bottom - top
        x0, x1 = upper[0][1][0], upper[-1][1][2]
        for lower in lines[i + 1:]:
            dy = lower[0][1][1] - top
            if dy > 1.7 * height:
                break
            if dy < 0.6 * height or abs((lower[0][1][3] - lower[0][1][1]) - height) > 0.2 * height:
                continue
            if lower[-1][1][2] <= x0 or lower[0][1][0] >= x1:
                continue
            # The end of the upper line in reading order, the start of the
            # lower. Arabic comes in pieces whose gaps say nothing (see
            # page_words): up to three pieces may make the word.
            if rtl:
                ends = [''.join(w[0] for w in reversed(upper[:k])) for k in range(1, min(3, len(upper)) + 1)]
                starts = [''.join(w[0] for w in reversed(lower[-k:])) for k in range(1, min(3, len(lower)) + 1)]
            else:
                ends, starts = [upper[-1][0]], [lower[0][0]]
            for end in ends:
                for start in starts:
                    hyphen = end[-1] in '-\u2010'
                    tail = LETTERS.search(end[::-1])
                    head = LETTERS.match(start)
                    if tail is None or head is None or tail.start() != (1 if hyphen else 0):
                        continue
                    w1, w2 = tail.group(0)[::-1].lower(), head.group(0).lower()
                    if w1 + w2 in dictionary and (hyphen or w1 not in dictionary or w2 not in dictionary):
                        found.append(f'“{w1}|{w2}”')
    return found


def check(lang, pdf, dictionary, title):
    problems = []
    all_text = []
    document_title, pages = read_pdf(pdf)
    for number, page in enumerate(pages, 1):
        width, height = float(page.get('width')), float(page.get('height'))
        words = page_words(page)
        for text, (x0, y0, x1, y1) in words:
            if number == 1:
                all_text.append(text)
            # Glyph boxes use the font's ascent and descent, which reach
            # a little beyond the line Pango lays out (more in Arabic).
            slack = max(MARGIN_SLACK, 0.15 * (y1 - y0))
            if (x0 < MARGIN - MARGIN_SLACK or x1 > width - MARGIN + MARGIN_SLACK
                    or y0 < MARGIN - slack or y1 > height - MARGIN + slack):
                problems.append(f'page {number}: “{text}” crosses the margin '
                                f'({x0:.1f}, {y0:.1f})–({x1:.1f}, {y1:.1f})')
        for a, b in overlaps(words):
            problems.append(f'page {number}: “{a}” overlaps “{b}”')
        # Japanese lines break between characters, by its own rules.
        if lang != 'ja':
            for w in broken_words(words, dictionary, lang in ('ar', 'fa', 'he', 'ur')):
                problems.append(f'page {number}: {w} is broken inside a word')

    # The title is drawn on the first page and set as the PDF's title.
    if norm(document_title) != title:
        problems.append(f'the report is titled “{document_title}”, not “{title}”: no {lang} catalogue?')
    elif not any(w in title for w in all_text if len(w) > 2):
        problems.append(f'the report has no word of its title “{title}”')
    return problems


def main():
    srcdir, exporter, generator, localedir = sys.argv[1:5]
    languages = open(os.path.join(srcdir, 'po', 'LINGUAS')).read().split()
    installed = subprocess.run(['locale', '-a'], capture_output=True, text=True).stdout
    installed = {l.lower().replace('utf-8', 'utf8') for l in installed.split()}
    print(f'1..{len(languages)}')
    status = 0
    with tempfile.TemporaryDirectory(prefix='md-report-languages-') as tmp:
        diary = os.path.join(tmp, 'diary.db')
        subprocess.run([generator, '--years', '1', '--seed', '9', diary], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for n, lang in enumerate(languages, 1):
            locale = LOCALES.get(lang, lang if '_' in lang else f'{lang}_{lang.upper()}') + '.UTF-8'
            if locale.lower().replace('utf-8', 'utf8') not in installed:
                print(f'ok {n} - {lang} # SKIP locale {locale} is not installed (build-aux/ensure-locales)')
                continue
            pdf = os.path.join(tmp, f'report-{lang}.pdf')
            env = dict(os.environ, LANGUAGE=lang, LC_ALL=locale, MD_LOCALEDIR=localedir)
            run = subprocess.run([exporter, diary, pdf], env=env, capture_output=True, text=True)
            if run.returncode != 0:
                print(f'not ok {n} - {lang}: the report could not be written: {run.stderr.strip()}')
                status = 1
                continue
            title = gettext.translation('migraine-diary', localedir, languages=[lang],
                                        fallback=True).gettext('Migraine Diary report')
            title = norm(title)
            problems = check(lang, pdf, po_words(os.path.join(srcdir, 'po', f'{lang}.po')), title)
            if problems:
                print(f'not ok {n} - {lang}: {len(problems)} problems')
                for p in problems[:40]:
                    print(f'# {p}')
                status = 1
            else:
                print(f'ok {n} - {lang}: no overlap, nothing past the margins, no word broken')
    return status


if __name__ == '__main__':
    sys.exit(main())
