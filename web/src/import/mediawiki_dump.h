// Reading a MediaWiki XML export (Special:Export, dumpBackup.php; schema 0.3 to 0.11) as a
// stream: one revision at a time, never the whole file in memory. Plain XML and anything
// libarchive's filters decompress (gzip, bzip2, xz, zstd) are read the same way.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>

namespace kidwiki::import {

struct SiteInfo {
  std::string sitename;
  std::string dbname;
  std::map<int, std::string> namespaces;  // key -> the wiki's name ("" for articles)
};

// One revision with its page's fields.
struct DumpRevision {
  std::string title;  // as the dump spells it, with the source wiki's namespace prefix
  int ns = 0;
  std::string page_id;
  std::string redirect;  // the page's <redirect title=...>, "" when none
  std::string id;
  std::string parent_id;
  std::string timestamp;
  std::string author;  // <username>, or <ip> for an anonymous edit
  std::string comment;
  std::string model;  // "wikitext" when the dump says nothing
  std::string text;
  bool text_too_large = false;  // over kMaxRevisionTextBytes: `text` is cut
};

inline constexpr std::size_t kMaxRevisionTextBytes = 16u << 20;

class DumpReader {
 public:
  // Opens `path`; an error message (libarchive's) when it cannot be read.
  static std::unique_ptr<DumpReader> open(const std::filesystem::path& path, bool latest_only,
                                          std::string& error);
  virtual ~DumpReader() = default;
  // The next revision in the dump's order (with `latest_only`, each page's last one); empty at
  // the end, or at an error (then error() says which).
  virtual std::optional<DumpRevision> next() = 0;
  // Filled as soon as the first page is reached.
  virtual const SiteInfo& site() const = 0;
  virtual const std::string& error() const = 0;
  // Bytes of the file read so far, and the file's size: for a progress bar.
  virtual std::uint64_t bytes_read() const = 0;
  virtual std::uint64_t size() const = 0;
};

}  // namespace kidwiki::import
