// Offline copies of an edition (issue 16): a ZIM file for Kiwix, a folder of static pages for a USB
// stick, and a class's pack of a few pages. What leaves is only what anonymous readers see: every
// page and picture is read through the engine as Actor::reader(), whoever asked for the copy, so
// the engine's policy keeps a pending, sent-back or hidden revision, a deleted page and a picture
// still waiting for review out of every copy.
//
// Thread-safety: each call works alone on its own output; several may run at once on one Wiki.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/wiki.h"

namespace kidwiki::offline {

// Which pages a copy holds.
struct Selection {
  // Every article readers see (with the edition's main page and its redirects); otherwise `pages`.
  bool whole_edition = true;
  // Articles of the copy when not whole_edition; a redirect among them brings its target.
  std::vector<engine::Title> pages;
  // Shown as the copy's title and in its metadata: the edition's name, or the pack's name.
  std::string name;
};

// Every article of the edition.
Selection whole_edition(const engine::Edition& ed);

// How a long export reports and stops. Every field may be left empty.
struct ExportProgress {
  std::function<void(std::size_t total)> started;  // how many pages will be written
  std::function<void()> advanced;                  // one more page written
  // Asked between pages: true stops the export there, and nothing is left on disk.
  std::function<bool()> stop;
};

struct ExportSummary {
  std::size_t pages = 0;      // articles written
  std::size_t redirects = 0;  // redirects written (ZIM redirections, titles in the folder's search)
  std::size_t pictures = 0;   // picture files written
  bool stopped = false;       // progress.stop() asked: nothing was written
};

// Writes a ZIM file (libzim) at `out`: the pages as HTML in the site's reading style, their
// pictures, the main page, redirects, metadata (docs/guide-admins.md) and a full-text and title
// index. It is written beside `out` under a temporary name and renamed when complete, so `out` is
// either the whole file or untouched. Errors: storage "offline-error-write" when the file cannot
// be written, invalid_input "offline-error-empty" when no page of the selection exists for
// readers.
engine::Result<ExportSummary> export_zim(engine::Wiki& wiki, const engine::Edition& ed, const Selection& selection,
                                         const std::filesystem::path& out,
                                         const ExportProgress& progress = {});

// Writes a folder of static pages at `dir` (created; it must not exist or be empty): index.html,
// wiki/<page>.html with relative links (a link to a page the folder lacks is plain text), the
// pictures, the style and a title search that works from file:// (titles.js, search.js). Built in
// a temporary folder beside `dir` and renamed when complete. Errors as export_zim, and exists
// "offline-error-folder-not-empty".
engine::Result<ExportSummary> export_html(engine::Wiki& wiki, const engine::Edition& ed, const Selection& selection,
                                          const std::filesystem::path& dir,
                                          const ExportProgress& progress = {});

// export_html's folder as one zip file at `out` (the folder under the name of `out` without
// ".zip"), for a download. Errors as export_html.
engine::Result<ExportSummary> export_html_zip(engine::Wiki& wiki, const engine::Edition& ed,
                                              const Selection& selection,
                                              const std::filesystem::path& out,
                                              const ExportProgress& progress = {});

}  // namespace kidwiki::offline
