#!/usr/bin/python3
# Fails when a translation is incomplete or POTFILES.in misses a file.
# Copyright 2026 SAN Internet
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-translations.py SOURCE_ROOT
#
# 1. Every file under src/ and data/ with a gettext call (_(), N_(), C_(),
#    NC_(), ngettext...) or a translatable="yes" attribute, and every desktop,
#    metainfo and GSettings schema file, is listed in po/POTFILES.in; every
#    listed file exists.
# 2. A template made now from the CURRENT sources (xgettext with the keywords
#    of meson's 'glib' preset) merged into each po/LL.po in LINGUAS has no
#    untranslated and no fuzzy message, and passes `msgfmt --check`.

import os
import re
import subprocess
import sys
import tempfile

# The same arguments meson's i18n.gettext (preset: 'glib') gives xgettext.
XGETTEXT_ARGS = [
    '--from-code=UTF-8',
    '--add-comments',
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dcgettext:2',
    '--keyword=g_dngettext:2,3',
    '--keyword=g_dpgettext2:2c,3',
    '--flag=N_:1:pass-c-format',
    '--flag=C_:2:pass-c-format',
    '--flag=NC_:2:pass-c-format',
    '--flag=g_dngettext:2:pass-c-format',
    '--flag=g_strdup_printf:1:c-format',
    '--flag=g_string_printf:2:c-format',
    '--flag=g_string_append_printf:2:c-format',
    '--flag=g_error_new:3:c-format',
    '--flag=g_set_error:4:c-format',
    '--flag=g_markup_printf_escaped:1:c-format',
    '--flag=g_log:3:c-format',
    '--flag=g_print:1:c-format',
    '--flag=g_printerr:1:c-format',
    '--flag=g_printf:1:c-format',
    '--flag=g_fprintf:2:c-format',
    '--flag=g_sprintf:2:c-format',
    '--flag=g_snprintf:3:c-format',
]

# A gettext call in C (GNU style allows a space before the parenthesis).
C_CALL = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext|'
                    r'g_dpgettext2|g_dcgettext)\s*\(\s*"')
# A translatable property in a GtkBuilder file.
UI_TRANSLATABLE = re.compile(r'translatable\s*=\s*"(?:yes|true|1)"')
# Data files that always hold translatable text.
DATA_SUFFIXES = ('.desktop.in', '.metainfo.xml.in', '.appdata.xml.in',
                 '.gschema.xml')
# Folders whose files are not user interface (the API description).
SKIP_DIRS = {os.path.join('data', 'api')}

failures = []


def fail(message):
    failures.append(message)
    print('FAIL: ' + message)


def read_list(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def needs_translation(root, relpath):
    if relpath.endswith(DATA_SUFFIXES):
        return True
    try:
        with open(os.path.join(root, relpath), encoding='utf-8') as f:
            text = f.read()
    except (UnicodeDecodeError, OSError):
        return False
    if relpath.endswith(('.c', '.h')):
        return C_CALL.search(text) is not None
    if relpath.endswith('.ui'):
        return UI_TRANSLATABLE.search(text) is not None
    return False


def files_needing_translation(root):
    found = []
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            rel_dir = os.path.relpath(dirpath, root)
            dirnames[:] = sorted(d for d in dirnames
                                 if os.path.join(rel_dir, d) not in SKIP_DIRS)
            for name in sorted(filenames):
                relpath = os.path.join(rel_dir, name)
                if needs_translation(root, relpath):
                    found.append(relpath)
    return found


def count(pattern, text):
    m = re.search(r'(\d+) ' + pattern, text)
    return int(m.group(1)) if m else 0


def check_language(root, lang, pot, tmpdir):
    po = os.path.join(root, 'po', lang + '.po')
    if not os.path.exists(po):
        fail('po/LINGUAS names %s but po/%s.po does not exist' % (lang, lang))
        return
    merged = os.path.join(tmpdir, lang + '.po')
    subprocess.run(['msgmerge', '--quiet', '--previous', '-o', merged, po, pot],
                   check=True)
    result = subprocess.run(['msgfmt', '--check', '--statistics',
                             '-o', os.devnull, merged],
                            capture_output=True, text=True,
                            env=dict(os.environ, LC_ALL='C'))
    stats = result.stderr.strip()
    print('%s: %s' % (lang, stats))
    if result.returncode != 0:
        fail('msgfmt --check rejects po/%s.po' % lang)
    translated = count('translated message', stats)
    fuzzy = count('fuzzy translation', stats)
    untranslated = count('untranslated message', stats)
    if translated == 0:
        fail('po/%s.po has no translated message' % lang)
    if fuzzy or untranslated:
        fail('po/%s.po: %d untranslated and %d fuzzy messages against the '
             'current sources' % (lang, untranslated, fuzzy))
        # Show which ones, so the fix is obvious.
        listing = subprocess.run(['msgattrib', '--only-fuzzy', '--no-wrap',
                                  '--no-location', merged],
                                 capture_output=True, text=True).stdout
        listing += subprocess.run(['msgattrib', '--untranslated', '--no-wrap',
                                   '--no-location', merged],
                                  capture_output=True, text=True).stdout
        for line in listing.splitlines():
            if line.startswith(('msgid', 'msgctxt')) and line != 'msgid ""':
                print('    ' + line)
    if lang == 'pt_BR':
        with open(po, encoding='utf-8') as f:
            header = f.read()
        if 'Plural-Forms: nplurals=2; plural=(n > 1);' not in header:
            fail('po/pt_BR.po lacks "Plural-Forms: nplurals=2; plural=(n > 1);"')


def main():
    if len(sys.argv) != 2:
        print('usage: check-translations.py SOURCE_ROOT', file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[1])

    potfiles = read_list(os.path.join(root, 'po', 'POTFILES.in'))
    for relpath in potfiles:
        if not os.path.isfile(os.path.join(root, relpath)):
            fail('po/POTFILES.in lists %s, which does not exist' % relpath)
    listed = set(os.path.normpath(p) for p in potfiles)
    needed = files_needing_translation(root)
    for relpath in needed:
        if relpath not in listed:
            fail('%s has translatable strings but is not in po/POTFILES.in'
                 % relpath)
    print('%d files in POTFILES.in, %d files with translatable strings found'
          % (len(potfiles), len(needed)))

    languages = read_list(os.path.join(root, 'po', 'LINGUAS'))
    if 'pt_BR' not in languages:
        fail('po/LINGUAS does not name pt_BR')

    existing = [p for p in potfiles if os.path.isfile(os.path.join(root, p))]
    with tempfile.TemporaryDirectory() as tmpdir:
        listfile = os.path.join(tmpdir, 'POTFILES')
        with open(listfile, 'w', encoding='utf-8') as f:
            f.write('\n'.join(existing) + '\n')
        pot = os.path.join(tmpdir, 'san-client-area.pot')
        subprocess.run(['xgettext', '--package-name=san-client-area',
                        '--files-from=' + listfile, '--directory=' + root,
                        '--output=' + pot] + XGETTEXT_ARGS,
                       check=True, cwd=root)
        for lang in languages:
            check_language(root, lang, pot, tmpdir)

    if failures:
        print('%d problem(s) found' % len(failures))
        return 1
    print('translations complete')
    return 0


if __name__ == '__main__':
    sys.exit(main())
