// Bringing pages in from another wiki or from files (issue 16), one revision at a time.
//
// An import goes through the engine's own write path: the title is parsed in the edition's
// names, the content filters run, the text is rendered in the sandbox, and the revision is
// published or held for review as a save would be. What differs from a save: the author is the
// source's name for them, recorded with no account (nobody can log in as it), the source's
// timestamp is kept, the revision goes on top of the page's newest one with no merge, and nothing
// notifies watchers. Each source revision is remembered (docs/schema.md, `imported_revision`), so
// importing twice changes nothing and an interrupted import resumes where it stopped.
#pragma once

#include <cstdint>
#include <string>

namespace kidwiki::engine {

struct ImportedRevision {
  // Where it comes from ("mediawiki:frwikimini", "markdown"); with `source_id`, the key that
  // makes an import of the same revision a second time change nothing.
  std::string source{};
  std::string source_id{};  // the revision's id in its source (MediaWiki's id, a file's hash)
  std::string title{};      // with the namespace prefix in the edition's own names
  std::string markdown{};
  std::string summary{};
  std::string author{};     // the source's name for the author, shown in history; never an account
  std::string timestamp{};  // ISO 8601 UTC ("2019-03-02T10:00:00Z"); empty: now
  bool hold = false;        // wait for review even when the filters let it through
};

enum class ImportStatus {
  published,         // readers see it now
  held,              // waits for review (`hold`, or the filters held a word)
  unchanged,         // the text equals the page's newest text: nothing was written
  already_imported,  // this source revision was imported before: nothing was written
};

struct ImportOutcome {
  ImportStatus status = ImportStatus::published;
  std::int64_t revision_id = 0;  // the new revision, or the one it equals or was imported as
};

}  // namespace kidwiki::engine
