#!/usr/bin/env python3
"""Compares two `marking verify --format json` reports file by file (matched by file name, so one may use
relative and the other absolute paths): prints each file whose findings, format or marking differ and exits 1
when any does. Issue 17's "no behaviour change" check: a report from main against one from the branch.
Usage: bench/same-findings.py BEFORE.json AFTER.json"""
import json
import os
import sys


def by_name(report):
    out = {}
    for f in report["files"]:
        entry = dict(f)
        out[os.path.basename(entry.pop("path"))] = entry
    return out


def main():
    before, after = (by_name(json.load(open(p, encoding="utf-8"))) for p in sys.argv[1:3])
    differ = 0
    for name in sorted(set(before) | set(after)):
        a = json.dumps(before.get(name), sort_keys=True, ensure_ascii=False)
        b = json.dumps(after.get(name), sort_keys=True, ensure_ascii=False)
        if a != b:
            differ += 1
            print(f"DIFF {name}\n  before: {a[:600]}\n  after:  {b[:600]}")
    print(f"{len(before)} files before, {len(after)} after, {differ} differ")
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
