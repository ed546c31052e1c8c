// write_backup (engine/backup.h): the database copied at one moment, then the pictures' files,
// then the manifest, into an archive under a temporary name that becomes `out` only when whole.
#include <unistd.h>

#include <algorithm>

#include "backup/backup_manifest.h"
#include "backup/sha256_stream.h"
#include "backup/tar_archive.h"
#include "disk/durable_writes.h"
#include "engine/backup.h"
#include "store/clock.h"
#include "store/database.h"
#include "store/database_copy.h"

namespace kidwiki::engine {
namespace {

namespace fs = std::filesystem;

// The files a failed or interrupted backup must not leave behind: the archive being written and
// the database copy it is made from, both beside `out` so that the rename stays in one file system
// and a full disk is met while writing, not after.
class PartialFiles {
 public:
  explicit PartialFiles(const fs::path& out)
      : archive_(out.string() + ".partial-" + std::to_string(::getpid())),
        database_(archive_.string() + ".sqlite3") {}
  ~PartialFiles() {
    std::error_code ignored;
    fs::remove(database_, ignored);
    // A copy that failed midway (a full disk) leaves its rollback journal beside it.
    fs::remove(database_.string() + "-journal", ignored);
    if (!kept_) fs::remove(archive_, ignored);
  }
  const fs::path& archive() const { return archive_; }
  const fs::path& database() const { return database_; }
  void keep() { kept_ = true; }

 private:
  fs::path archive_;
  fs::path database_;
  bool kept_ = false;
};

// The pictures' original files, sorted so that two backups of the same wiki list them alike.
// Their resized copies are left out: they are made again on first request. A name with ".tmp-"
// is a picture still being written (media_files.cpp), whose revision has not committed.
std::vector<std::string> media_files(const fs::path& data_dir) {
  std::vector<std::string> names;
  const fs::path root = data_dir / "media" / "originals";
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return names;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string name = fs::relative(entry.path(), data_dir).generic_string();
    if (name.find(".tmp-") == std::string::npos) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  return names;
}

bool stopped(const BackupProgress& progress) { return progress.stop && progress.stop(); }

void report(const BackupProgress& progress, std::string_view phase, std::uint64_t done,
            std::uint64_t total) {
  if (progress.step) progress.step(phase, done, total);
}

// The archive's progress in bytes of the files it holds, and the stop between two blocks.
struct ArchiveProgress {
  const BackupProgress& progress;
  std::uint64_t total = 0;
  std::uint64_t done = 0;
};

// Adds one file and returns its manifest line; nothing when stopped.
std::optional<ManifestFile> add_file(TarWriter& writer, const std::string& name,
                                     const fs::path& source, ArchiveProgress& archived) {
  Sha256Stream hash;
  std::uint64_t size = 0;
  const bool whole = writer.add_file(name, source, [&](std::string_view bytes) {
    hash.update(bytes);
    size += bytes.size();
    archived.done += bytes.size();
    report(archived.progress, "files", archived.done, archived.total);
    return !stopped(archived.progress);
  });
  if (!whole) return std::nullopt;
  return ManifestFile{name, size, hash.hex()};
}

std::uint64_t total_size(const fs::path& data_dir, const fs::path& database,
                         const std::vector<std::string>& media) {
  std::uint64_t total = fs::file_size(database);
  for (const auto& name : media) total += fs::file_size(data_dir / name);
  return total;
}

Error interrupted() { return make_error(ErrorCode::storage, "backup-error-interrupted"); }

// Writes the archive into `partial` and returns its manifest; nothing when stopped.
std::optional<Manifest> write_archive(const fs::path& data_dir, const PartialFiles& partial,
                                      const std::string& compression, const std::string& version,
                                      const BackupProgress& progress) {
  auto facts = db::copy_database(
      data_dir / std::string(kDatabaseName), partial.database(),
      [&](int done, int total) { report(progress, "database", done, total); },
      [&] { return stopped(progress); });
  if (!facts) return std::nullopt;
  // Listed after the copy's moment: every picture a revision of the copy names was written and
  // synced before that revision committed, so it is on this list.
  const std::vector<std::string> media = media_files(data_dir);
  Manifest manifest{
      kBackupFormatVersion, version, now_iso8601(), facts->schema_version, facts->pages,
      facts->revisions,     {}};
  disk::OwnedFd file{disk::create_new(partial.archive())};
  {
    // Destroyed before the file is synced: its end is written by finish(), or abandoned.
    TarWriter writer(file.fd, compression);
    ArchiveProgress archived{progress, total_size(data_dir, partial.database(), media)};
    auto database = add_file(writer, std::string(kDatabaseName), partial.database(), archived);
    if (!database) return std::nullopt;
    manifest.files.push_back(*database);
    for (const auto& name : media) {
      auto added = add_file(writer, name, data_dir / name, archived);
      if (!added) return std::nullopt;
      manifest.files.push_back(*added);
    }
    writer.add_bytes(std::string(kManifestName), manifest_json(manifest));
    writer.finish();
  }
  disk::sync_and_close(file.release(), partial.archive());
  return manifest;
}

Error write_failed(const fs::path& out, const std::string& reason) {
  return make_error(ErrorCode::storage, "backup-error-write",
                    {{"path", out.string()}, {"reason", reason}});
}

}  // namespace

Result<BackupSummary> write_backup(const fs::path& data_dir, const fs::path& out,
                                   const std::string& kidwiki_version,
                                   const BackupProgress& progress) {
  std::error_code ec;
  if (!fs::is_regular_file(data_dir / std::string(kDatabaseName), ec)) {
    return make_error(ErrorCode::not_found, "backup-error-no-wiki", {{"path", data_dir.string()}});
  }
  const auto compression = compression_for(out);
  if (!compression) {
    return make_error(ErrorCode::invalid_input, "backup-error-extension", {{"path", out.string()}});
  }
  PartialFiles partial(out);
  try {
    auto manifest = write_archive(data_dir, partial, *compression, kidwiki_version, progress);
    if (!manifest) return interrupted();
    fs::rename(partial.archive(), out);
    partial.keep();
    disk::sync_folder(fs::absolute(out).parent_path());
    return summary_of(*manifest);
  } catch (const db::StorageError& e) {
    return write_failed(out, e.what());
  } catch (const ArchiveError& e) {
    return write_failed(out, e.what());
  } catch (const fs::filesystem_error& e) {
    return write_failed(out, e.what());
  }
}

}  // namespace kidwiki::engine
