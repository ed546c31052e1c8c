// restore_backup (engine/backup.h): the archive is unpacked into a folder beside the data folder,
// checked whole (manifest, every size and SHA-256, the database's integrity and counts), and only
// then moved into place with one rename. A failure anywhere removes that folder and leaves the
// data folder as it was.
#include <unistd.h>

#include <ctime>
#include <map>

#include "backup/backup_manifest.h"
#include "backup/sha256_stream.h"
#include "backup/tar_archive.h"
#include "disk/durable_writes.h"
#include "engine/backup.h"
#include "i18n/utc_timestamp.h"
#include "store/database.h"
#include "store/database_check.h"
#include "store/database_copy.h"
#include "store/migrations.h"

namespace kidwiki::engine {
namespace {

namespace fs = std::filesystem;

// A manifest is a few hundred bytes per file; anything this large is not one of ours.
constexpr std::int64_t kMaxManifestBytes = 64 * 1024 * 1024;

// The folder the archive is unpacked into, removed unless it became the data folder.
class Staging {
 public:
  explicit Staging(const fs::path& data_dir)
      : path_(data_dir.string() + ".restoring-" + std::to_string(::getpid())) {}
  ~Staging() {
    std::error_code ignored;
    if (!placed_) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }
  void placed() { placed_ = true; }

 private:
  fs::path path_;
  bool placed_ = false;
};

// What was unpacked: each file's size and SHA-256 as read, and the manifest's text.
struct Unpacked {
  std::map<std::string, ManifestFile> files;
  std::optional<std::string> manifest;
};

Error refused(std::string message_id, i18n::MessageArgs args = {}) {
  return make_error(ErrorCode::unprocessable, std::move(message_id), std::move(args));
}

Error interrupted() { return make_error(ErrorCode::storage, "backup-error-interrupted"); }

bool stopped(const BackupProgress& progress) { return progress.stop && progress.stop(); }

// Writes the current member into `staging`; its size and SHA-256 as read, nothing when stopped.
std::optional<ManifestFile> unpack_file(TarReader& reader, const std::string& name,
                                        const fs::path& staging, const BackupProgress& progress) {
  const fs::path target = staging / name;
  fs::create_directories(target.parent_path());
  disk::OwnedFd file{disk::create_new(target)};
  Sha256Stream hash;
  std::uint64_t size = 0;
  const bool whole = reader.read([&](std::string_view bytes) {
    disk::write_all(file.fd, bytes, target);
    hash.update(bytes);
    size += bytes.size();
    return !stopped(progress);
  });
  if (!whole) return std::nullopt;
  disk::sync_and_close(file.release(), target);
  return ManifestFile{name, size, hash.hex()};
}

// Unpacks every member into `staging`. Throws ArchiveError (damaged, truncated) and
// db::StorageError (the disk refused).
Result<Unpacked> unpack(const fs::path& archive, const fs::path& staging,
                        const BackupProgress& progress) {
  const std::uint64_t total = fs::file_size(archive);
  TarReader reader(archive);
  Unpacked unpacked;
  fs::create_directory(staging);
  while (auto entry = reader.next()) {
    if (stopped(progress)) return interrupted();
    if (progress.step) progress.step("restore", reader.position(), total);
    if (entry->name == kManifestName && entry->regular && !unpacked.manifest &&
        entry->size <= kMaxManifestBytes) {
      std::string text;
      reader.read([&](std::string_view bytes) {
        text.append(bytes);
        return true;
      });
      unpacked.manifest = std::move(text);
      continue;
    }
    if (!entry->regular || !restorable_path(entry->name) || unpacked.files.count(entry->name)) {
      return refused("backup-error-unexpected-file", {{"name", entry->name}});
    }
    auto file = unpack_file(reader, entry->name, staging, progress);
    if (!file) return interrupted();
    unpacked.files[entry->name] = std::move(*file);
  }
  if (progress.step) progress.step("restore", total, total);
  return unpacked;
}

// The manifest, when every file it lists was unpacked with its size and SHA-256, and no other.
Result<Manifest> checked_manifest(const Unpacked& unpacked) {
  if (!unpacked.manifest) return refused("backup-error-no-manifest");
  auto manifest = parse_manifest(*unpacked.manifest);
  if (!manifest) return refused("backup-error-bad-manifest");
  std::map<std::string, ManifestFile> listed;
  for (const auto& f : manifest->files) listed[f.path] = f;
  if (!listed.count(std::string(kDatabaseName))) return refused("backup-error-bad-manifest");
  for (const auto& [name, file] : listed) {
    auto found = unpacked.files.find(name);
    if (found == unpacked.files.end())
      return refused("backup-error-missing-file", {{"name", name}});
    if (found->second.size != file.size || found->second.sha256 != file.sha256) {
      return refused("backup-error-checksum", {{"name", name}});
    }
  }
  for (const auto& [name, file] : unpacked.files) {
    if (!listed.count(name)) return refused("backup-error-unexpected-file", {{"name", name}});
  }
  return *manifest;
}

// The unpacked database is sound and is the one the manifest describes.
Status check_database(const fs::path& file, const Manifest& manifest) {
  if (manifest.schema_version > latest_schema_version()) {
    return refused("backup-error-newer-schema",
                   {{"version", std::int64_t{manifest.schema_version}}});
  }
  db::DatabaseFacts facts;
  try {
    db::Connection connection(file, db::Connection::Mode::read_only);
    const auto problems = db::database_problems(connection);
    if (!problems.empty()) {
      return refused("backup-error-damaged-database", {{"problem", problems.front()}});
    }
    facts = db::database_facts(file);
  } catch (const db::StorageError& e) {
    // Not a database at all, or not a kidwiki one (no page or revision table).
    return refused("backup-error-damaged-database", {{"problem", std::string(e.what())}});
  }
  if (facts.schema_version != manifest.schema_version || facts.pages != manifest.pages ||
      facts.revisions != manifest.revisions) {
    return refused("backup-error-counts");
  }
  return Ok{};
}

void sync_folders(const fs::path& root) {
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_directory()) disk::sync_folder(entry.path());
  }
  disk::sync_folder(root);
}

bool holds_files(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec));
}

// Moves the checked files into place: an old data folder aside (never deleted), an empty one
// replaced, then one rename.
void place(const fs::path& staging, const fs::path& data_dir) {
  sync_folders(staging);
  if (holds_files(data_dir)) {
    fs::rename(data_dir, data_dir.string() + ".before-restore-" +
                             i18n::utc_timestamp_basic(std::time(nullptr)));
  } else if (fs::exists(data_dir)) {
    fs::remove(data_dir);
  }
  fs::rename(staging, data_dir);
  disk::sync_folder(data_dir.parent_path());
}

// "kidwiki-data/" and "kidwiki-data" are the same folder, whose siblings the staging and the
// old folder become.
fs::path folder_path(const fs::path& dir) {
  fs::path p = fs::absolute(dir).lexically_normal();
  return p.has_filename() ? p : p.parent_path();
}

Result<BackupSummary> restore_checked(const fs::path& archive, const fs::path& data_dir,
                                      const BackupProgress& progress) {
  Staging staging(data_dir);
  auto unpacked = unpack(archive, staging.path(), progress);
  if (!unpacked) return unpacked.error();
  auto manifest = checked_manifest(unpacked.value());
  if (!manifest) return manifest.error();
  auto sound = check_database(staging.path() / std::string(kDatabaseName), manifest.value());
  if (!sound) return sound.error();
  if (stopped(progress)) return interrupted();
  place(staging.path(), data_dir);
  staging.placed();
  return summary_of(manifest.value());
}

}  // namespace

Result<BackupSummary> restore_backup(const fs::path& archive, const fs::path& data_dir_arg,
                                     bool force, const BackupProgress& progress) {
  std::error_code ec;
  if (!fs::is_regular_file(archive, ec)) {
    return make_error(ErrorCode::not_found, "backup-error-no-archive",
                      {{"path", archive.string()}});
  }
  const fs::path data_dir = folder_path(data_dir_arg);
  if (holds_files(data_dir) && !force) {
    return make_error(ErrorCode::exists, "backup-error-not-empty", {{"path", data_dir.string()}});
  }
  try {
    return restore_checked(archive, data_dir, progress);
  } catch (const ArchiveError& e) {
    return refused("backup-error-unreadable",
                   {{"path", archive.string()}, {"reason", std::string(e.what())}});
  } catch (const db::StorageError& e) {
    return make_error(ErrorCode::storage, "backup-error-restore-write",
                      {{"path", data_dir.string()}, {"reason", std::string(e.what())}});
  } catch (const fs::filesystem_error& e) {
    return make_error(ErrorCode::storage, "backup-error-restore-write",
                      {{"path", data_dir.string()}, {"reason", std::string(e.what())}});
  }
}

}  // namespace kidwiki::engine
