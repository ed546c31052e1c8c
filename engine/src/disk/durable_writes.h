// Writing files that survive a crash whole or not at all: every byte written (or an error),
// the file and then its folder synced before anyone relies on it. Used by the pictures' files and
// by backups and restores.
#pragma once

#include <filesystem>
#include <string_view>
#include <utility>

namespace kidwiki::engine::disk {

// Writes all of `bytes` to `fd`, again after a short write. Throws db::StorageError naming `path`
// when the disk refuses (full, read-only, over a size limit).
void write_all(int fd, std::string_view bytes, const std::filesystem::path& path);

// fsync of `fd`, then close; throws db::StorageError (the file's data may not be on disk).
void sync_and_close(int fd, const std::filesystem::path& path);

// fsync of a folder, so that a rename or a new name in it is durable. Throws db::StorageError.
void sync_folder(const std::filesystem::path& folder);

// A file descriptor closed when it goes out of scope, unless released to be synced and closed.
struct OwnedFd {
  int fd;
  ~OwnedFd();
  int release() { return std::exchange(fd, -1); }
};

// Opens a new file for writing (O_EXCL: never an existing one). Throws db::StorageError.
int create_new(const std::filesystem::path& path);

}  // namespace kidwiki::engine::disk
