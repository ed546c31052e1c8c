#include "backup/backup_manifest.h"

#include <nlohmann/json.hpp>

namespace kidwiki::engine {
namespace {

using nlohmann::json;

constexpr std::string_view kFormatName = "kidwiki-backup";
constexpr std::string_view kMediaFolder = "media/originals/";

bool safe_parts(std::string_view path) {
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view part = path.substr(0, slash);
    if (part.empty() || part == "." || part == "..") return false;
    if (slash == std::string_view::npos) return true;
    path.remove_prefix(slash + 1);
    if (path.empty()) return false;  // a trailing slash names a folder
  }
  return false;
}

bool sha256_hex(const std::string& s) {
  return s.size() == 64 && s.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::optional<ManifestFile> file_of(const json& j) {
  if (!j.is_object() || !j.contains("path") || !j["path"].is_string() || !j.contains("size") ||
      !j["size"].is_number_unsigned() || !j.contains("sha256") || !j["sha256"].is_string()) {
    return std::nullopt;
  }
  ManifestFile file{j["path"].get<std::string>(), j["size"].get<std::uint64_t>(),
                    j["sha256"].get<std::string>()};
  if (!restorable_path(file.path) || !sha256_hex(file.sha256)) return std::nullopt;
  return file;
}

bool has(const json& j, const char* key, json::value_t type) {
  return j.contains(key) && j[key].type() == type;
}

bool has_count(const json& j, const char* key) {
  return j.contains(key) && j[key].is_number_unsigned();
}

}  // namespace

std::string manifest_json(const Manifest& manifest) {
  json files = json::array();
  for (const auto& f : manifest.files) {
    files.push_back({{"path", f.path}, {"size", f.size}, {"sha256", f.sha256}});
  }
  json j = {{"format", kFormatName},
            {"format_version", manifest.format_version},
            {"kidwiki_version", manifest.kidwiki_version},
            {"created", manifest.created},
            {"schema_version", manifest.schema_version},
            {"pages", manifest.pages},
            {"revisions", manifest.revisions},
            {"files", files}};
  return j.dump(2) + "\n";
}

std::optional<Manifest> parse_manifest(std::string_view text) {
  const json j = json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return std::nullopt;
  if (!has(j, "format", json::value_t::string) || j["format"].get<std::string>() != kFormatName)
    return std::nullopt;
  if (!has_count(j, "format_version") || j["format_version"].get<int>() > kBackupFormatVersion ||
      !has(j, "kidwiki_version", json::value_t::string) ||
      !has(j, "created", json::value_t::string) || !has_count(j, "schema_version") ||
      !has_count(j, "pages") || !has_count(j, "revisions") ||
      !has(j, "files", json::value_t::array)) {
    return std::nullopt;
  }
  Manifest m{j["format_version"].get<int>(),
             j["kidwiki_version"].get<std::string>(),
             j["created"].get<std::string>(),
             j["schema_version"].get<int>(),
             j["pages"].get<std::int64_t>(),
             j["revisions"].get<std::int64_t>(),
             {}};
  for (const auto& entry : j["files"]) {
    auto file = file_of(entry);
    if (!file) return std::nullopt;
    m.files.push_back(std::move(*file));
  }
  return m;
}

BackupSummary summary_of(const Manifest& m) {
  BackupSummary s{m.kidwiki_version,
                  m.created,
                  m.schema_version,
                  m.pages,
                  m.revisions,
                  static_cast<std::int64_t>(m.files.size()),
                  0};
  for (const auto& f : m.files) s.bytes += f.size;
  return s;
}

bool restorable_path(std::string_view path) {
  if (path == kDatabaseName) return true;
  return path.size() > kMediaFolder.size() && path.substr(0, kMediaFolder.size()) == kMediaFolder &&
         safe_parts(path);
}

}  // namespace kidwiki::engine
