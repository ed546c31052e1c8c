// What names a picture and which licences it may carry (engine/files.h).
#include <algorithm>
#include <array>
#include <cctype>

#include "engine/files.h"

namespace kidwiki::engine {

const std::vector<std::string>& picture_licences() {
  // Free licences only, as on Vikidia and Wikimedia Commons: the encyclopedia must be copyable.
  static const std::vector<std::string> licences = {"cc-by-sa-4.0", "cc-by-4.0", "cc0"};
  return licences;
}

int shown_height(const FileInfo& file, int width) {
  const long long height = static_cast<long long>(file.height) * width / std::max(1, file.width);
  return std::max(1, static_cast<int>(height));
}

std::string picture_srcset(const FileInfo& file, const MediaAddress& address) {
  std::string set;
  for (const int width : kPictureWidths) {
    if (width >= file.width) break;
    set += address(file, width) + " " + std::to_string(width) + "w, ";
  }
  return set + address(file, 0) + " " + std::to_string(file.width) + "w";
}

bool has_picture_extension(std::string_view title_text) {
  static constexpr std::array<std::string_view, 5> kEndings = {".jpg", ".jpeg", ".png", ".webp",
                                                               ".gif"};
  return std::any_of(kEndings.begin(), kEndings.end(), [&](std::string_view ending) {
    if (title_text.size() <= ending.size()) return false;
    const std::string_view tail = title_text.substr(title_text.size() - ending.size());
    return std::equal(tail.begin(), tail.end(), ending.begin(), [](char a, char b) {
      return std::tolower(static_cast<unsigned char>(a)) == b;
    });
  });
}

}  // namespace kidwiki::engine
