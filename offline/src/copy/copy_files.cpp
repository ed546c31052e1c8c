#include "copy/copy_files.h"

#include <unistd.h>

namespace kidwiki::offline {
namespace {

// "/a/b/" and "/a/b" are the same destination.
std::filesystem::path destination(const std::filesystem::path& out) {
  auto clean = std::filesystem::absolute(out).lexically_normal();
  return clean.has_filename() ? clean : clean.parent_path();
}

}  // namespace

std::filesystem::path work_folder(const std::filesystem::path& out) {
  const auto absolute = destination(out);
  auto work = absolute.parent_path() /
              ("." + absolute.filename().string() + ".part-" + std::to_string(::getpid()));
  std::filesystem::remove_all(work);
  std::filesystem::create_directory(work);  // throws when the destination's folder is missing
  return work;
}

std::filesystem::path work_path(const std::filesystem::path& work, const std::filesystem::path& out) {
  return work / destination(out).filename();
}

void remove_work(const std::filesystem::path& work) {
  std::error_code ignored;
  std::filesystem::remove_all(work, ignored);
}

bool publish_work(const std::filesystem::path& work, const std::filesystem::path& out) {
  std::error_code error;
  std::filesystem::rename(work_path(work, out), destination(out), error);
  remove_work(work);
  return !error;
}

engine::Result<engine::MediaFile> picture_file(engine::Wiki& wiki, const PictureUse& use) {
  return wiki.media(engine::Actor::reader(), use.file.sha256, use.width);
}

}  // namespace kidwiki::offline
