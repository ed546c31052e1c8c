#!/usr/bin/env python3
"""How tests/data/mediawiki/wikipedia-anarchism-history.xml.xz was made (not run by the tests).

Usage: slice_history.py large.xml OUT.xml FIRST LAST
Keeps the dump's header and page record as they are, and of the page's revisions the first
FIRST and the last LAST, byte for byte, in the dump's order.
"""
import re
import sys

source, out, first, last = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
data = open(source, "rb").read()
starts = [m.start() for m in re.finditer(rb"    <revision>", data)]
ends = [data.index(b"</revision>", s) + len(b"</revision>\n") for s in starts]
keep = list(range(first)) + list(range(len(starts) - last, len(starts)))
with open(out, "wb") as f:
    f.write(data[: starts[0]])
    for i in keep:
        f.write(data[starts[i] : ends[i]])
    f.write(data[ends[-1] :])
