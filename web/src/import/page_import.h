// One page's revisions into the wiki, counted in its PageOutcome: what import_mediawiki and
// import_markdown_folder share.
#pragma once

#include "engine/wiki.h"
#include "import/importer.h"

namespace kidwiki::import {

class PageImport {
 public:
  PageImport(engine::Wiki& wiki, const engine::Actor& actor, const engine::Edition& ed,
             std::string title);
  // Imports one revision (its title is this page's), counting its outcome.
  void add(engine::ImportedRevision revision);
  PageOutcome& outcome() { return outcome_; }
  // Adds this page's counts to `totals`.
  void count_in(ImportTotals& totals) const;

 private:
  engine::Wiki& wiki_;
  const engine::Actor& actor_;
  const engine::Edition& ed_;
  PageOutcome outcome_;
  bool first_ = true;
  bool existed_before_ = false;
};

}  // namespace kidwiki::import
