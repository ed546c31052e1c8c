#include "writing/writing_lists.h"

#include <string_view>

#include "i18n/text.h"
#include "langdata/language_data.h"

namespace kidwiki::engine {

namespace writing_help_lists {
const EmbeddedFiles& embedded_files();
}

namespace {

std::string_view trimmed(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r' || line.back() == '\t')) {
    line.remove_suffix(1);
  }
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  return line;
}

}  // namespace

WritingLists parse_writing_lists(std::string_view text) {
  WritingLists lists;
  std::unordered_set<std::string>* section = nullptr;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = trimmed(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    if (line.empty() || line.front() == '#') continue;
    if (line == "[sources]") {
      section = &lists.sources_headings;
    } else if (line == "[common]") {
      section = &lists.common_words;
    } else if (section == &lists.sources_headings) {
      section->insert(i18n::fold_for_search(line));
    } else if (section) {
      section->insert(i18n::fold_case(line));
    }
  }
  return lists;
}

const WritingLists& writing_lists(std::string_view lang) {
  // No fallback: advice on rare words in another language's list would be wrong.
  static LanguageData<WritingLists> lists(writing_help_lists::embedded_files(), parse_writing_lists);
  return lists.of(lang);
}

}  // namespace kidwiki::engine
