// Backups of a wiki's data folder, and restoring one (docs/guide-admins.md, "Backups").
//
// A backup is one tar archive (compressed as its name's extension says: .tar, .tar.gz, .tgz,
// .tar.xz, .tar.zst) holding the database as it was at one moment, the pictures' original files
// (media/originals) and, last, manifest.json: the format, the program's version, the time, the
// schema version, the page and revision counts and every file's size and SHA-256
// (docs/schema.md, "Backup archive"). The search indexes and the pictures' resized copies are
// left out: both are made again from what the archive holds.
//
// These functions work on files, not on an open Wiki: a backup reads the database through a
// connection of its own while a server (another process) goes on writing to it, and a restore
// writes a folder no wiki has open. They run as the console: whoever runs them owns the files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "engine/result.h"

namespace kidwiki::engine {

// What a long job reports and how it is stopped. `step` is called with the units done and the
// units known so far (database pages while the database is copied, then files); `stop` is asked
// between steps, and when it answers true the job ends with the error "backup-error-interrupted"
// and leaves nothing behind.
struct BackupProgress {
  std::function<void(std::string_view phase, std::uint64_t done, std::uint64_t total)> step;
  std::function<bool()> stop;
};

// What an archive holds, from its manifest (after a backup, a check or a restore).
struct BackupSummary {
  std::string kidwiki_version;
  std::string created;  // ISO 8601 UTC
  int schema_version = 0;
  std::int64_t pages = 0;
  std::int64_t revisions = 0;
  std::int64_t files = 0;   // files in the archive besides the manifest, the database included
  std::uint64_t bytes = 0;  // their sizes added up
};

// Writes a backup of the wiki in `data_dir` to `out`. The archive is written under a temporary
// name beside `out`, synced, and renamed to `out` only when complete: an interrupted or failed
// backup leaves no file named `out` (an existing `out` is replaced only by a complete one).
// Errors: not_found (no wiki in data_dir), invalid_input (an extension that names no archive
// format), storage (the disk refused: full, read-only, missing folder), and
// "backup-error-interrupted" when progress.stop said so.
Result<BackupSummary> write_backup(const std::filesystem::path& data_dir,
                                   const std::filesystem::path& out,
                                   const std::string& kidwiki_version,
                                   const BackupProgress& progress = {});

// Restores `archive` into `data_dir`. Everything is checked before `data_dir` is touched: the
// manifest is present and well-formed, every file it lists is in the archive with its size and
// SHA-256 and no other file is, the database opens and passes SQLite's integrity check (see
// database_check in engine/src/store) with the manifest's counts and a schema this program knows.
// The files are unpacked into a folder beside `data_dir` and moved into place with one rename.
// A `data_dir` that exists and is not empty is refused (exists) unless `force`; then it is moved
// aside to `<data_dir>.before-restore-<time>`, never deleted. The search indexes are not made
// here: the caller rebuilds them (search::Search::reindex).
// Errors: not_found (no archive), unprocessable (not a kidwiki backup, truncated, a checksum or
// size wrong, a damaged database), exists, storage, "backup-error-interrupted".
Result<BackupSummary> restore_backup(const std::filesystem::path& archive,
                                     const std::filesystem::path& data_dir, bool force,
                                     const BackupProgress& progress = {});

}  // namespace kidwiki::engine
