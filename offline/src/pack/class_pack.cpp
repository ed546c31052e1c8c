#include "offline/class_pack.h"

#include <set>
#include <string_view>

#include "i18n/text.h"

namespace kidwiki::offline {
namespace {

engine::Error missing(const engine::Edition& ed, const engine::Title& title) {
  return engine::make_error(engine::ErrorCode::unprocessable, "offline-pack-error-missing",
                            {{"title", engine::full_title(title, ed.names)}});
}

engine::Error too_many() {
  return engine::make_error(engine::ErrorCode::too_large, "offline-pack-error-too-many",
                            {{"max", static_cast<std::int64_t>(kMaxPackPages)}});
}

std::string_view trimmed(std::string_view line) {
  while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r')) {
    line.remove_suffix(1);
  }
  return line;
}

// The titles typed one per line, each one a page readers see; the same page once.
engine::Result<std::vector<engine::Title>> listed_pages(engine::Wiki& wiki, const engine::Edition& ed,
                                                        std::string_view text) {
  std::vector<engine::Title> pages;
  std::set<std::string> seen;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const std::string_view line = trimmed(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    if (line.empty()) continue;
    auto title = wiki.parse_title(ed, line);
    if (!title) return title.error();
    if (!wiki.exists(ed, title.value())) return missing(ed, title.value());
    if (!seen.insert(title->text).second) continue;
    if (pages.size() == kMaxPackPages) return too_many();
    pages.push_back(title.value());
  }
  return pages;
}

engine::Result<std::vector<engine::Title>> category_pages(engine::Wiki& wiki,
                                                          const engine::Edition& ed,
                                                          std::string_view name) {
  auto category = wiki.parse_title(ed, name);
  if (!category) return category.error();
  std::vector<engine::Title> pages;
  for (const auto& entry : wiki.category_members(ed, category->text)) {
    if (entry.title.ns != engine::Namespace::article) continue;
    if (pages.size() == kMaxPackPages) return too_many();
    pages.push_back(entry.title);
  }
  if (pages.empty()) {
    return engine::make_error(engine::ErrorCode::unprocessable, "offline-pack-error-empty-category",
                              {{"category", category->text}});
  }
  return pages;
}

}  // namespace

engine::Result<Selection> pack_selection(engine::Wiki& wiki, const engine::Actor& actor,
                                         std::int64_t class_id, const PackRequest& request) {
  auto cls = wiki.classes().pack_class(actor, class_id);
  if (!cls) return cls.error();
  auto ed = wiki.edition(cls->lang);
  if (!ed) return engine::make_error(engine::ErrorCode::not_found, "error-class-not-found");
  if (request.titles.size() > kMaxPackTitlesBytes) {
    return engine::make_error(engine::ErrorCode::too_large, "offline-pack-error-too-long");
  }
  const std::string_view category = trimmed(request.category);
  if (category.empty() && trimmed(request.titles).empty()) {
    return engine::make_error(engine::ErrorCode::invalid_input, "offline-pack-error-choose");
  }
  if (!i18n::is_valid_utf8(request.titles) || !i18n::is_valid_utf8(category)) {
    return engine::make_error(engine::ErrorCode::invalid_input, "offline-pack-error-choose");
  }
  auto pages = category.empty() ? listed_pages(wiki, *ed, request.titles)
                                : category_pages(wiki, *ed, category);
  if (!pages) return pages.error();
  if (pages->empty()) {  // only blank lines
    return engine::make_error(engine::ErrorCode::invalid_input, "offline-pack-error-choose");
  }
  Selection selection;
  selection.whole_edition = false;
  selection.pages = std::move(pages.value());
  selection.name = cls->name;
  return selection;
}

}  // namespace kidwiki::offline
