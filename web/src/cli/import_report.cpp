#include "cli/import_report.h"

#include "cli/cli_common.h"

namespace kidwiki::cli {
namespace {

std::string counts(const import::PageOutcome& p) {
  return text("import-report-counts", {{"published", p.published},
                                       {"held", p.held},
                                       {"already", p.already},
                                       {"unchanged", p.unchanged}});
}

std::filesystem::path made_parent(const std::filesystem::path& path) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  return path;
}

}  // namespace

std::string lost_list(const std::map<std::string, int>& lost) {
  std::string out;
  for (const auto& [what, count] : lost) {
    if (!out.empty()) out += ", ";
    out += what + " ×" + std::to_string(count);
  }
  return out;
}

ImportReport::ImportReport(const std::filesystem::path& path, const std::string& header)
    : out_(made_parent(path)) {
  out_ << "# " << header << "\n";
}

void ImportReport::page(const import::PageOutcome& p) {
  out_ << p.title << "\t";
  if (!p.skipped.empty()) {
    out_ << text("import-report-skipped", {{"reason", p.skipped}}) << "\n";
    return;
  }
  out_ << counts(p);
  if (p.existed) out_ << "; " << text("import-report-existed");
  if (!p.lost.empty()) out_ << "; " << text("import-report-dropped", {{"list", lost_list(p.lost)}});
  for (const auto& refused : p.refused)
    out_ << "; " << text("import-report-refused", {{"detail", refused}});
  out_ << "\n";
  out_.flush();  // a report read during the import, or after Ctrl-C, is whole up to here
}

void ImportReport::totals(const import::ImportTotals& t) {
  out_ << "# "
       << text("import-report-totals", {{"pages", t.pages},
                                        {"skipped", t.skipped_pages},
                                        {"published", t.published},
                                        {"held", t.held},
                                        {"already", t.already},
                                        {"unchanged", t.unchanged},
                                        {"refused", t.refused}})
       << (t.stopped ? " " + text("import-stopped") : "") << "\n";
  out_.flush();
}

}  // namespace kidwiki::cli
