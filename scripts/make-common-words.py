#!/usr/bin/env python3
"""Writes the common-words part of a writing-help list (i18n/writing-help/LANG.txt): the N words
used most, most frequent first, lower-cased. The editor's writing help calls a word rare when it
is not on the list (docs/writing-help.md).

Usage: scripts/make-common-words.py SOURCE N [--exclude FILTER_LIST] > words.txt
SOURCE is a folder of Markdown articles, whose words are counted, or a frequency list ("word
count" per line, most frequent first). Words of FILTER_LIST (i18n/filters/LANG.txt) are left out.
  French:  scripts/make-common-words.py tests/data/vikidia-fr 3000
  English: scripts/make-common-words.py en_50k.txt 3000 --exclude i18n/filters/en.txt
           (en_50k.txt: hermitdave/FrequencyWords, content/2018/en, OpenSubtitles 2018, CC BY-SA)
Maintainers run it when a source changes; the build never does.
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


def from_articles(folder):
    counts = collections.Counter()
    for path in sorted(folder.glob("*.md")):
        counts.update(words_of(path.read_text(encoding="utf-8")))
    return [word for word, _ in counts.most_common()]


def from_frequency_list(path):
    # Only whole words: the list's tokenizer also counts "'s", "don" or "mr." as words.
    words = (line.split()[0] for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return [w for w in words if re.fullmatch(r"[^\W\d_]+", w) and (len(w) > 1 or w in ("a", "i"))]


def filtered(path):
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        entry = line.rsplit(None, 1)[0].lower() if line else ""
        if entry and " " not in entry:  # a phrase ("shut the fuck up") leaves its words alone
            out.add(entry)
    return out


def main():
    source, size = pathlib.Path(sys.argv[1]), int(sys.argv[2])
    exclude = filtered(pathlib.Path(sys.argv[4])) if sys.argv[3:4] == ["--exclude"] else set()
    words = from_articles(source) if source.is_dir() else from_frequency_list(source)
    kept = [w for w in words if w not in exclude]
    for word in kept[:size]:
        print(word)


if __name__ == "__main__":
    main()
