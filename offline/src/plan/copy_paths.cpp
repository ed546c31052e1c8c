#include "plan/copy_paths.h"

#include <algorithm>

#include "i18n/escape.h"

namespace kidwiki::offline {
namespace {

// Characters a FAT stick, Windows or a path separator would refuse or misread in a file name.
bool unsafe_in_file_name(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f ||
         std::string_view("/\\:*?\"<>|").find(c) != std::string_view::npos;
}

std::string_view extension_of(std::string_view format) {
  if (format == "jpeg") return "jpg";
  return format;
}

}  // namespace

std::string zim_page_path(const engine::Title& title) {
  std::string path = title.text;
  std::replace(path.begin(), path.end(), ' ', '_');
  return path;
}

std::string folder_page_name(const engine::Title& title) {
  std::string name = zim_page_path(title);
  std::replace_if(name.begin(), name.end(), unsafe_in_file_name, '_');
  return name + ".html";
}

std::string picture_path(std::string_view prefix, const engine::FileInfo& file, int width) {
  std::string path(prefix);
  path += file.sha256;
  path += '-';
  path += std::to_string(width);
  path += '.';
  path += extension_of(file.format);
  return path;
}

std::string root_of(std::string_view from) {
  const auto depth = std::count(from.begin(), from.end(), '/');
  if (depth == 0) return "./";
  std::string root;
  for (long i = 0; i < depth; ++i) root += "../";
  return root;
}

std::string relative_href(std::string_view from, std::string_view to) {
  return root_of(from) + i18n::percent_encoded(to, i18n::UrlPart::title);
}

}  // namespace kidwiki::offline
