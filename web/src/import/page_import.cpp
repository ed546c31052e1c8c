#include "import/page_import.h"

#include "i18n/messages.h"

namespace kidwiki::import {

PageImport::PageImport(engine::Wiki& wiki, const engine::Actor& actor, const engine::Edition& ed,
                       std::string title)
    : wiki_(wiki), actor_(actor), ed_(ed) {
  outcome_.title = std::move(title);
  if (auto parsed = wiki_.parse_title(ed_, outcome_.title))
    existed_before_ = wiki_.exists(ed_, parsed.value());
}

void PageImport::add(engine::ImportedRevision revision) {
  revision.title = outcome_.title;
  const std::string id = revision.source_id;
  auto done = wiki_.import_revision(actor_, ed_, revision);
  if (!done) {
    const auto& error = done.error();
    outcome_.refused.push_back(
        id + ": " + i18n::Messages::builtin().format("en", error.message_id, error.args));
    return;
  }
  switch (done->status) {
    case engine::ImportStatus::published:
      ++outcome_.published;
      break;
    case engine::ImportStatus::held:
      ++outcome_.held;
      break;
    case engine::ImportStatus::unchanged:
      ++outcome_.unchanged;
      break;
    case engine::ImportStatus::already_imported:
      ++outcome_.already;
      break;
  }
  // A page this run did not create, and no earlier run imported into: the wiki had its own.
  if (first_ && existed_before_ && done->status != engine::ImportStatus::already_imported) {
    outcome_.existed = true;
  }
  first_ = false;
}

void PageImport::count_in(ImportTotals& totals) const {
  if (!outcome_.skipped.empty()) {
    ++totals.skipped_pages;
    return;
  }
  ++totals.pages;
  totals.published += outcome_.published;
  totals.held += outcome_.held;
  totals.unchanged += outcome_.unchanged;
  totals.already += outcome_.already;
  totals.refused += static_cast<int>(outcome_.refused.size());
}

}  // namespace kidwiki::import
