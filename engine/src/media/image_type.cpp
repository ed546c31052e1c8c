#include "media/image_type.h"

#include <string>

namespace kidwiki::engine::media {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

// "RIFF", the file's size, "WEBP": the size may be anything here, libvips checks it.
bool is_webp(std::string_view bytes) {
  return bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP";
}

// The media type alone, lower case: "Image/PNG ; q=1" is "image/png".
std::string media_type_of(std::string_view content_type) {
  content_type = content_type.substr(0, content_type.find(';'));
  std::string type;
  for (char c : content_type) {
    if (c == ' ' || c == '\t') continue;
    type += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return type;
}

struct DeclaredName {
  std::string_view type;
  SourceFormat format;
};

// The names browsers and phones send for the four formats, old aliases included.
constexpr DeclaredName kDeclaredNames[] = {
    {"image/jpeg", SourceFormat::jpeg},  {"image/jpg", SourceFormat::jpeg},
    {"image/pjpeg", SourceFormat::jpeg}, {"image/png", SourceFormat::png},
    {"image/x-png", SourceFormat::png},  {"image/apng", SourceFormat::png},
    {"image/webp", SourceFormat::webp},  {"image/gif", SourceFormat::gif},
};

}  // namespace

std::optional<SourceFormat> sniff_image_format(std::string_view bytes) {
  if (starts_with(bytes, "\xFF\xD8\xFF")) return SourceFormat::jpeg;
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n")) return SourceFormat::png;
  if (starts_with(bytes, "GIF87a") || starts_with(bytes, "GIF89a")) return SourceFormat::gif;
  if (is_webp(bytes)) return SourceFormat::webp;
  return std::nullopt;
}

bool declared_type_contradicts(std::string_view declared_mime, SourceFormat actual) {
  const std::string type = media_type_of(declared_mime);
  if (type.empty() || type == "application/octet-stream") return false;
  for (const DeclaredName& name : kDeclaredNames) {
    if (name.type == type) return name.format != actual;
  }
  return true;
}

}  // namespace kidwiki::engine::media
