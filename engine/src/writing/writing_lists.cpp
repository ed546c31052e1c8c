#include "writing/writing_lists.h"

#include <map>
#include <mutex>
#include <string_view>

#include "i18n/text.h"

namespace kidwiki::engine {

namespace writing_help_lists {
const std::map<std::string_view, std::string_view>& embedded_files();
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
  static std::mutex mutex;
  static std::map<std::string, WritingLists, std::less<>> parsed;
  const std::string base(lang.substr(0, lang.find('-')));
  std::lock_guard lock(mutex);
  if (auto found = parsed.find(base); found != parsed.end()) return found->second;
  const auto& files = writing_help_lists::embedded_files();
  const auto file = files.find(base + ".txt");
  return parsed
      .emplace(base, file == files.end() ? WritingLists{} : parse_writing_lists(file->second))
      .first->second;
}

}  // namespace kidwiki::engine
