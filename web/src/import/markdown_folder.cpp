// A folder of Markdown files, one page each, for schools that write offline. A file's revision
// is known by its name and a hash of its bytes: importing the folder again changes nothing, and
// an edited file becomes a new revision on top of its page.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <sstream>

#include "i18n/messages.h"
#include "i18n/utc_timestamp.h"
#include "import/importer.h"
#include "import/page_import.h"

namespace kidwiki::import {
namespace {

// FNV-1a, 64 bits: a file's version, not a secret; together with its name it only needs to tell
// one text of the file from the next.
std::string fnv1a_hex(std::string_view bytes) {
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : bytes) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  std::ostringstream out;
  out << std::hex << hash;
  return out.str();
}

// "Sciences∕Physique.md" names the page "Sciences/Physique": a file name cannot hold a `/`.
std::string title_of(const std::filesystem::path& file) {
  std::string title = file.stem().string();
  static const std::string kDivisionSlash = "\u2215";
  for (std::size_t at; (at = title.find(kDivisionSlash)) != std::string::npos;) {
    title.replace(at, kDivisionSlash.size(), "/");
  }
  return title;
}

std::string modified_at(const std::filesystem::path& file) {
  std::error_code ec;
  const auto when = std::filesystem::last_write_time(file, ec);
  if (ec) return "";
  const std::time_t seconds =
      std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(when));
  return i18n::utc_timestamp(seconds);
}

std::vector<std::filesystem::path> markdown_files(const std::filesystem::path& dir,
                                                  std::vector<std::filesystem::path>& others,
                                                  std::error_code& ec) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file() && entry.path().extension() == ".md")
      files.push_back(entry.path());
    else
      others.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::sort(others.begin(), others.end());
  return files;
}

}  // namespace

engine::Result<ImportTotals> import_markdown_folder(engine::Wiki& wiki, const engine::Actor& actor,
                                                    const engine::Edition& ed,
                                                    const std::filesystem::path& dir,
                                                    const ImportSettings& settings,
                                                    const OnPage& on_page,
                                                    const KeepGoing& keep_going) {
  std::error_code ec;
  std::vector<std::filesystem::path> others;
  const auto files = markdown_files(dir, others, ec);
  if (ec) {
    return engine::make_error(engine::ErrorCode::invalid_input, "import-error-unreadable",
                              {{"path", dir.string()}, {"reason", ec.message()}});
  }
  ImportTotals totals;
  for (const auto& other : others) {  // subfolders and other files: one report line each
    PageOutcome skipped{.title = other.filename().string()};
    skipped.skipped = i18n::Messages::builtin().format("en", "import-report-not-markdown");
    ++totals.skipped_pages;
    on_page(skipped);
  }
  std::uint64_t done = 0;
  for (const auto& file : files) {
    if (!keep_going(done, files.size())) {
      totals.stopped = true;
      return totals;
    }
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string text = bytes.str();
    PageImport page(wiki, actor, ed, title_of(file));
    page.add(engine::ImportedRevision{.source = "markdown",
                                      .source_id = file.filename().string() + "#" + fnv1a_hex(text),
                                      .title = "",
                                      .markdown = text,
                                      .summary = "",
                                      .author = settings.author,
                                      .timestamp = modified_at(file),
                                      .hold = settings.hold});
    page.count_in(totals);
    on_page(page.outcome());
    ++done;
  }
  keep_going(done, files.size());
  return totals;
}

}  // namespace kidwiki::import
