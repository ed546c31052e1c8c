// Imports into an edition, page by page, through Wiki::import_revision (engine/import.h), from a
// MediaWiki XML export or a folder of Markdown files. Each page's outcome goes to `on_page` (the
// import report); `keep_going` is asked between pages and may stop the import there (Ctrl-C):
// every revision imported so far is committed, and the next run resumes after it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "engine/wiki.h"

namespace kidwiki::import {

// What happened to one page.
struct PageOutcome {
  std::string title{};    // as the source names it
  int published = 0;      // revisions readers see or saw
  int held = 0;           // revisions waiting for review
  int unchanged = 0;      // revisions equal to the page's text: nothing written
  int already = 0;        // revisions imported by an earlier run
  bool existed = false;   // the page was on the wiki before: the history went on top of it
  std::string skipped{};  // why the page was not imported (namespace, content model); "" if it was
  std::vector<std::string> refused{};  // "revision 12: the message", one per refused revision
  std::map<std::string, int> lost{};   // what the converter dropped from its newest revision
};

struct ImportTotals {
  int pages = 0;
  int skipped_pages = 0;
  int published = 0, held = 0, unchanged = 0, already = 0, refused = 0;
  bool stopped = false;  // keep_going said stop: run again to resume
};

struct ImportSettings {
  bool latest_only = false;  // MediaWiki: each page's newest revision only
  bool hold = false;         // every revision waits for review
  std::string author{};      // Markdown folder: the name the revisions are recorded under
};

using OnPage = std::function<void(const PageOutcome&)>;
// Progress: (done, total) in the source's unit (bytes of a dump, files of a folder); false: stop.
using KeepGoing = std::function<bool(std::uint64_t done, std::uint64_t total)>;

// Errors: invalid_input "import-error-unreadable" (arg "path", "reason") for a file that cannot
// be read or is not a MediaWiki export; per-revision refusals go to the page's outcome.
// `actor`: who imports (the command line's console); Wiki::import_revision decides what it may.
engine::Result<ImportTotals> import_mediawiki(engine::Wiki& wiki, const engine::Actor& actor,
                                              const engine::Edition& ed,
                                              const std::filesystem::path& dump,
                                              const ImportSettings& settings, const OnPage& on_page,
                                              const KeepGoing& keep_going);

// One page per `Title.md` file of `dir` (its subfolders are not read; `∕`, U+2215, in a file
// name is a `/` in the title). Errors as import_mediawiki, for the folder.
engine::Result<ImportTotals> import_markdown_folder(engine::Wiki& wiki, const engine::Actor& actor,
                                                    const engine::Edition& ed,
                                                    const std::filesystem::path& dir,
                                                    const ImportSettings& settings,
                                                    const OnPage& on_page,
                                                    const KeepGoing& keep_going);

}  // namespace kidwiki::import
