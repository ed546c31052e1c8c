// libarchive stays in this folder.
#include "zip/folder_zip.h"

#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

namespace kidwiki::offline {
namespace {

using Writer = std::unique_ptr<archive, decltype(&archive_write_free)>;
using Entry = std::unique_ptr<archive_entry, decltype(&archive_entry_free)>;

bool add_file(archive* zip, const std::filesystem::path& file, const std::string& name) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  const std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  Entry entry(archive_entry_new(), archive_entry_free);
  archive_entry_set_pathname_utf8(entry.get(), name.c_str());
  archive_entry_set_size(entry.get(), static_cast<la_int64_t>(bytes.size()));
  archive_entry_set_filetype(entry.get(), AE_IFREG);
  archive_entry_set_perm(entry.get(), 0644);
  if (archive_write_header(zip, entry.get()) != ARCHIVE_OK) return false;
  return archive_write_data(zip, bytes.data(), bytes.size()) == static_cast<la_ssize_t>(bytes.size());
}

bool add_folder(archive* zip, const std::filesystem::path& folder) {
  const std::filesystem::path base = folder.filename();
  for (const auto& item : std::filesystem::recursive_directory_iterator(folder)) {
    if (!item.is_regular_file()) continue;
    const auto name = base / std::filesystem::relative(item.path(), folder);
    if (!add_file(zip, item.path(), name.generic_string())) return false;
  }
  return true;
}

}  // namespace

bool zip_folder(const std::filesystem::path& folder, const std::filesystem::path& out) {
  Writer zip(archive_write_new(), archive_write_free);
  // UTF-8 names, flagged as such in the zip, so that "Éléphant.html" unzips as itself.
  archive_write_set_format_zip(zip.get());
  archive_write_set_options(zip.get(), "zip:hdrcharset=UTF-8");
  bool written = archive_write_open_filename(zip.get(), out.c_str()) == ARCHIVE_OK &&
                 add_folder(zip.get(), folder);
  written = archive_write_close(zip.get()) == ARCHIVE_OK && written;
  if (!written) {
    std::error_code ignored;
    std::filesystem::remove(out, ignored);
  }
  return written;
}

}  // namespace kidwiki::offline
