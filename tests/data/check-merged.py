#!/usr/bin/python3
# Checks that the merged desktop and metainfo files carry the pt_BR strings.
# Copyright 2026 SAN Internet
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: check-merged.py DESKTOP_FILE METAINFO_FILE

import sys
import xml.etree.ElementTree as ET

XML_LANG = '{http://www.w3.org/XML/1998/namespace}lang'


def main():
    desktop, metainfo = sys.argv[1:3]
    problems = []

    with open(desktop, encoding='utf-8') as f:
        lines = f.read().splitlines()
    for key, expected in (('Name[pt_BR]', 'Área do Cliente SAN'),
                          ('Comment[pt_BR]', None),
                          ('Keywords[pt_BR]', None)):
        values = [l.split('=', 1)[1] for l in lines if l.startswith(key + '=')]
        if not values:
            problems.append('%s: no %s' % (desktop, key))
        elif expected is not None and values[0] != expected:
            problems.append('%s: %s is "%s", expected "%s"'
                            % (desktop, key, values[0], expected))

    root = ET.parse(metainfo).getroot()
    for tag in ('name', 'summary'):
        if not [e for e in root.findall(tag) if e.get(XML_LANG) == 'pt_BR']:
            problems.append('%s: no <%s xml:lang="pt_BR">' % (metainfo, tag))
    paragraphs = [p for p in root.iter('p') if p.get(XML_LANG) == 'pt_BR']
    if not paragraphs:
        problems.append('%s: no translated description paragraph' % metainfo)
    dev = root.findall('developer_name')
    if len(dev) != 1 or dev[0].text != 'SAN Internet':
        problems.append('%s: expected one untranslated <developer_name>' % metainfo)

    for p in problems:
        print('FAIL: ' + p)
    if not problems:
        print('desktop and metainfo files carry the pt_BR translation')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
