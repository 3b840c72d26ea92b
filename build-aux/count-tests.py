#!/usr/bin/env python3
# Prints "N passed, N failed[, N skipped]" for the meson test logs of the given
# build dirs, counting each TAP subtest (g_test case); a program that printed
# no TAP line counts as one test.
#
# Copyright 2026 SAN Internet
# SPDX-License-Identifier: GPL-3.0-or-later
import json
import re
import sys

passed = failed = skipped = 0
for build in sys.argv[1:]:
    try:
        log = open(f"{build}/meson-logs/testlog.json", encoding="utf-8")
    except OSError:
        print(f"{build}: no test log", file=sys.stderr)
        failed += 1
        continue
    with log:
        for line in log:
            entry = json.loads(line)
            out = entry.get("stdout") or ""
            p = f = s = 0
            for tap in out.splitlines():
                m = re.match(r"(not ok|ok)\b(.*)", tap)
                if not m:
                    continue
                if re.search(r"#\s*(SKIP|TODO)", m.group(2), re.I):
                    s += 1
                elif m.group(1) == "ok":
                    p += 1
                else:
                    f += 1
            result = entry.get("result")
            if p + f + s == 0:
                if result in ("OK", "EXPECTEDFAIL"):
                    p = 1
                elif result == "SKIP":
                    s = 1
                else:
                    f = 1
            elif result not in ("OK", "EXPECTEDFAIL", "SKIP") and f == 0:
                # crashed or timed out after its last TAP line
                f = 1
            passed += p
            failed += f
            skipped += s

line = f"{passed} passed, {failed} failed"
if skipped:
    line += f", {skipped} skipped"
print(line)
sys.exit(1 if failed or passed == 0 else 0)
