// The import report: a text file with one line per page of the source (what was imported, held,
// refused, skipped, and what the converter dropped) and a last line with the totals. Format in
// docs/guide-admins.md.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include "import/importer.h"

namespace kidwiki::cli {

class ImportReport {
 public:
  // Opens `path` for writing (its folder is created); ok() says whether it could be.
  ImportReport(const std::filesystem::path& path, const std::string& header);
  bool ok() const { return out_.good(); }
  void page(const import::PageOutcome& page);
  void totals(const import::ImportTotals& totals);

 private:
  std::ofstream out_;
};

// "{{Infobox}} ×2, <gallery> ×1".
std::string lost_list(const std::map<std::string, int>& lost);

}  // namespace kidwiki::cli
