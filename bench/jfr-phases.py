#!/usr/bin/env python3
"""Shares of JFR execution samples by phase (the first matching frame from the top of the stack wins).
Usage: jfr print --events jdk.ExecutionSample FILE.jfr | bench/jfr-phases.py"""
import collections
import re
import sys

PHASES = [
    ("pdf: earlier revisions", "EarlierRevisions."),
    ("pdf: ink scan (PageInk)", "PageInk."),
    ("pdf: ink+text pass (PageScan)", "PageScan."),
    ("pdf: covert mark", "format.pdf.CovertMark."),
    ("pdf: stamping", "PdfStamper."),
    ("pdf: copy template", "CopyTemplate."),
    ("pdf: copy update", "CopyUpdate."),
    ("pdf: load (PDFBox parser)", "org.apache.pdfbox.Loader."),
    ("docx: StAX reader", "DocxStream"),
    ("docx: POI open (XMLBeans)", "DocxOpener."),
    ("docx: POI reader", "DocxReader."),
    ("docx: stamping", "DocxStamper."),
    ("document id", "DocumentIds."),
    ("rules", "dev.marking.core.rules."),
    ("report", "dev.marking.core.report."),
]

samples = sys.stdin.read().split("jdk.ExecutionSample")[1:]
counts = collections.Counter()
total = 0
for s in samples:
    frames = re.findall(r"^\s+([\w.$<>]+)\(", s, re.M)
    if not frames:
        continue
    total += 1
    phase = "other"
    for f in frames:
        hit = next((name for name, key in PHASES if key in f), None)
        if hit:
            phase = hit
            break
    counts[phase] += 1
print(f"{total} samples")
for name, n in counts.most_common():
    print(f"{100 * n / total:5.1f}%  {name}")
