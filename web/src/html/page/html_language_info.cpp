#include "html/page/html_language_info.h"

#include <array>
#include <utility>

namespace kidwiki::web {
namespace {

// A language's own name is the same in every interface language, so it is data, not a message.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kAutonyms = {{
    {"ar", "العربية"},  {"ca", "català"},    {"de", "Deutsch"},   {"en", "English"},
    {"es", "español"},  {"eu", "euskara"},   {"fa", "فارسی"},     {"fr", "français"},
    {"he", "עברית"},    {"it", "italiano"},  {"nl", "Nederlands"}, {"pl", "polski"},
    {"pt", "português"}, {"qqx", "qqx"},     {"ru", "русский"},   {"ur", "اردو"},
}};

constexpr std::array<std::string_view, 9> kRightToLeft = {"ar", "arc", "ckb", "dv", "fa",
                                                          "he", "ps",  "ur",  "yi"};

}  // namespace

std::string autonym(std::string_view lang) {
  for (const auto& [code, name] : kAutonyms) {
    if (code == lang) return std::string(name);
  }
  return std::string(lang);
}

std::string text_direction(std::string_view lang) {
  const std::string_view base = lang.substr(0, lang.find('-'));
  for (const auto code : kRightToLeft) {
    if (code == base) return "rtl";
  }
  return "ltr";
}

}  // namespace kidwiki::web
