#!/usr/bin/env python3
"""Writes the common-words part of a writing-help list (i18n/writing-help/LANG.txt) from a folder of
Markdown articles: the N words the articles use most, most frequent first, lower-cased. The
editor's writing help calls a word rare when it is not on the list (docs/writing-help.md).

Usage: scripts/make-common-words.py ARTICLES_DIR N > words.txt
For French: scripts/make-common-words.py tests/data/vikidia-fr 3000
Maintainers run it when the corpus changes; the build never does.
"""
import collections
import pathlib
import re
import sys

LINK = re.compile(r"\[\[([^\]|]*)(?:\|([^\]]*))?\]\]")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def words_of(markdown):
    # A wiki link reads as its label (or its title); categories are not words of the text.
    text = LINK.sub(lambda m: "" if ":" in m.group(1) else (m.group(2) or m.group(1)), markdown)
    for word in WORD.findall(text):
        word = word.lower()
        # Elision: "l'éléphant" is the word "éléphant".
        word = re.split(r"['’]", word)[-1]
        if word:
            yield word


def main():
    folder, size = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    counts = collections.Counter()
    for path in sorted(folder.glob("*.md")):
        counts.update(words_of(path.read_text(encoding="utf-8")))
    for word, _ in counts.most_common(size):
        print(word)


if __name__ == "__main__":
    main()
