// manifest.json, the last member of a backup archive: what it holds and how to check it
// (docs/schema.md, "Backup archive").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/backup.h"

namespace kidwiki::engine {

inline constexpr std::string_view kManifestName = "manifest.json";
inline constexpr std::string_view kDatabaseName = "kidwiki.sqlite3";
// The manifest's format; a reader refuses a newer one.
inline constexpr int kBackupFormatVersion = 1;

struct ManifestFile {
  std::string path;  // inside the archive, and inside the data folder once restored
  std::uint64_t size = 0;
  std::string sha256;  // lowercase hex
};

struct Manifest {
  int format_version = kBackupFormatVersion;
  std::string kidwiki_version;
  std::string created;  // ISO 8601 UTC
  int schema_version = 0;
  std::int64_t pages = 0;
  std::int64_t revisions = 0;
  std::vector<ManifestFile> files;
};

std::string manifest_json(const Manifest& manifest);
// Nothing when `json` is not a manifest of a format this program reads: not JSON, a field
// missing or of the wrong type, another format name, a newer format version, an unsafe path.
std::optional<Manifest> parse_manifest(std::string_view json);

// What the manifest tells of the archive, for the caller.
BackupSummary summary_of(const Manifest& manifest);

// Whether `path` may be written inside a data folder by a restore: the database, or a file under
// media/originals/, relative, with no "." or ".." part and no empty part.
bool restorable_path(std::string_view path);

}  // namespace kidwiki::engine
