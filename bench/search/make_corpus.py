#!/usr/bin/env python3
"""Builds the search benchmark's corpus file from real articles.

Sources: the Vikidia articles (Markdown with wiki links), the LibreOffice help pages in English
and French (HTML from Debian's libreoffice-help-* packages) and the FOLDOC dictionary entries
(Debian's dict-foldoc, in dictd format). Usage: make_corpus.py VIKIDIA_DIR EXTRACTED_DEBS OUT_FILE

The output is a sequence of records "title<TAB>source<TAB>byte length<LF>" followed by that many
bytes of Markdown. Titles are unique once normalised as the engine does (first letter upper-cased,
white space collapsed), Vikidia's first so that they keep their exact titles.
"""

import gzip
import html.parser
import pathlib
import re
import sys

FORBIDDEN = re.compile(r"[#<>\[\]|{}%:\x00-\x1f\x7f]")
SPACES = re.compile(r"[\s_]+")


def normal_key(title):
    t = SPACES.sub(" ", title).strip()
    return (t[:1].upper() + t[1:]).casefold() if t else ""


class Titles:
    """Hands out unique, valid titles: characters a title refuses become spaces."""

    def __init__(self):
        self.used = set()

    def claim(self, raw, qualifier):
        base = SPACES.sub(" ", FORBIDDEN.sub(" ", raw)).strip().lstrip(".").strip()[:200]
        if not base:
            return None
        title, n = base, 1
        while normal_key(title) in self.used:
            n += 1
            title = f"{base} ({qualifier} {n})" if qualifier else f"{base} ({n})"
        self.used.add(normal_key(title))
        return title


class HelpPage(html.parser.HTMLParser):
    """Plain text of a LibreOffice help page's display area, headings and items kept."""

    BLOCKS = {"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "table"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.title, self.in_title, self.in_area, self.skip = "", False, False, 0
        self.blocks, self.current = [], []

    def flush(self):
        text = SPACES.sub(" ", "".join(self.current)).strip()
        if text:
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self.in_title = True
        elif tag == "div" and a.get("id") == "DisplayArea":
            self.in_area = True
        elif tag == "div" and a.get("id") in ("SearchFrame", "DonationFrame"):
            self.in_area = False
        elif tag in ("script", "style", "footer"):
            self.skip += 1
        if self.in_area and tag in self.BLOCKS:
            self.flush()
            if tag[0] == "h" and tag[1:].isdigit():
                self.current.append("#" * int(tag[1:]) + " ")
            elif tag == "li":
                self.current.append("- ")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        elif tag in ("script", "style", "footer"):
            self.skip -= 1
        if self.in_area and tag in self.BLOCKS:
            self.flush()

    def handle_data(self, data):
        if self.in_title:
            self.title += data
        elif self.in_area and not self.skip:
            # Markdown would read these as markup; the help text means them literally.
            self.current.append(re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", data))


def help_pages(root, lang):
    for path in sorted(root.rglob("*.html")):
        page = HelpPage()
        page.feed(path.read_text(encoding="utf-8", errors="replace"))
        page.flush()
        body = "\n\n".join(b for b in page.blocks if b.strip("#- "))
        if page.title.strip() and len(body) > 40:
            yield page.title.strip(), f"LibreOffice {lang}", body + "\n"


B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def dictd_number(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def foldoc_link(match):
    target = match.group(1)
    if FORBIDDEN.search(target) or not target.strip():
        return target
    return f"[[{target}]]"


def foldoc_entries(dictd):
    data = gzip.open(dictd / "foldoc.dict.dz").read()
    seen = set()
    for line in (dictd / "foldoc.index").read_text(encoding="utf-8").splitlines():
        word, offset, length = line.split("\t")
        if word.startswith("00-database") or offset in seen:
            continue
        seen.add(offset)
        text = data[dictd_number(offset):dictd_number(offset) + dictd_number(length)]
        lines = text.decode("utf-8", errors="replace").strip("\n").split("\n")
        headword = lines[0].split("%%%")[0].strip()
        body = "\n".join(l.strip() for l in lines[1:]).strip()
        body = re.sub(r"([\\`*_<>#|\[\]])", r"\\\1", body)
        body = re.sub(r"\{([^{}\n]+)\}", foldoc_link, body)
        if headword and len(body) > 20:
            yield headword, "FOLDOC", body + "\n"


def vikidia(root):
    rows = (root / "index.tsv").read_text(encoding="utf-8").splitlines()[1:]
    for row in rows:
        file, title = row.split("\t")[:2]
        yield title, "Vikidia", (root / file).read_text(encoding="utf-8")


def main():
    vikidia_dir, debs, out = map(pathlib.Path, sys.argv[1:4])
    help_root = debs / "usr/share/libreoffice/help"
    sources = [vikidia(vikidia_dir), help_pages(help_root / "en-US", "en"),
               help_pages(help_root / "fr", "fr"), foldoc_entries(debs / "usr/share/dictd")]
    titles, counts = Titles(), {}
    tmp = out.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        for source in sources:
            for raw, origin, body in source:
                title = titles.claim(raw, origin if origin != "Vikidia" else "")
                if title is None:
                    continue
                data = body.encode("utf-8")
                f.write(f"{title}\t{origin}\t{len(data)}\n".encode("utf-8") + data)
                counts[origin] = counts.get(origin, 0) + 1
    tmp.rename(out)
    for origin, n in counts.items():
        print(f"{origin}: {n} articles")


if __name__ == "__main__":
    main()
