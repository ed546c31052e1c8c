// The main page's extras: the article and picture of the day from the lists kept in the main page
// (featured_lists.h), with their first sentences and picture, and the newest articles.
#include <functional>

#include "store/media_store.h"
#include "store/page_lists.h"
#include "wiki/featured_lists.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {
namespace {

constexpr std::size_t kExcerptBytes = 320;
constexpr int kNewestArticles = 5;

// The first paragraph of `plain`, cut after its last whole sentence within kExcerptBytes (or its
// last whole word, with an ellipsis).
std::string excerpt_of(std::string_view plain) {
  while (!plain.empty() && plain.front() == '\n') plain.remove_prefix(1);
  plain = plain.substr(0, plain.find('\n'));
  if (plain.size() <= kExcerptBytes) return std::string(plain);
  const std::string_view head = plain.substr(0, kExcerptBytes);
  const std::size_t sentence = head.rfind(". ");
  if (sentence != std::string_view::npos && sentence > kExcerptBytes / 3) {
    return std::string(head.substr(0, sentence + 1));
  }
  const std::size_t space = head.rfind(' ');
  return std::string(head.substr(0, space == std::string_view::npos ? head.size() : space)) + " …";
}

// The published revision of `title` when readers see the page.
std::optional<StoredRevision> published(db::Connection& c, const Edition& ed, const Title& title) {
  auto page = find_page(c, ed.id, title);
  if (!page || page->deleted || !page->visible_revision_id || page->is_redirect) return std::nullopt;
  return load_revision(c, ed.id, *page->visible_revision_id);
}

// Tries the day's entry of `list`, then the next ones, until `make` accepts one.
template <class T, class Make>
std::optional<T> first_of_the_day(const std::vector<std::string>& list, std::int64_t day, Make make) {
  for (std::size_t k = 0; k < list.size(); ++k) {
    auto entry = entry_of_the_day(list, day + static_cast<std::int64_t>(k));
    if (auto made = make(*entry)) return made;
  }
  return std::nullopt;
}

// The newest articles but the main page itself, which is an article too.
std::vector<Title> newest_but_main(db::Connection& c, const Edition& ed) {
  auto titles = newest_articles(c, ed.id, kNewestArticles + 1);
  auto main = parse_title(ed.main_page, ed.lang, ed.names);
  std::erase_if(titles, [&](const Title& t) { return main && t == main.value(); });
  if (titles.size() > static_cast<std::size_t>(kNewestArticles)) titles.resize(kNewestArticles);
  return titles;
}

}  // namespace

MainPageExtras WikiImpl::main_page_extras(const Edition& ed, std::int64_t day) {
  MainPageExtras extras;
  auto reader = readers_->lease();
  db::Connection& c = *reader;
  extras.newest = newest_but_main(c, ed);
  auto main = parse_title(ed, ed.main_page);
  auto main_revision = main ? published(c, ed, main.value()) : std::nullopt;
  if (!main_revision) return extras;
  const FeaturedLists lists = read_featured_lists(main_revision->markdown);
  extras.article = first_of_the_day<FeaturedArticle>(
      lists.articles, day, [&](const std::string& raw) -> std::optional<FeaturedArticle> {
        auto title = parse_title(ed, raw);
        if (!title || title->ns != Namespace::article) return std::nullopt;
        auto rev = published(c, ed, title.value());
        if (!rev) return std::nullopt;
        FeaturedArticle article{title.value(), excerpt_of(rev->plain_text), std::nullopt, ""};
        for (const Title& link : decode_meta(rev->meta).links) {
          if (link.ns != Namespace::file) continue;
          if ((article.picture = visible_picture(c, ed.id, link.text))) {
            article.picture_alt = full_title(link, ed.names);
            break;
          }
        }
        return article;
      });
  extras.picture = first_of_the_day<FeaturedPicture>(
      lists.pictures, day, [&](const std::string& raw) -> std::optional<FeaturedPicture> {
        auto title = parse_title(ed, raw);
        if (!title || title->ns != Namespace::file) return std::nullopt;
        auto file = visible_picture(c, ed.id, title->text);
        auto rev = file ? published(c, ed, title.value()) : std::nullopt;
        if (!rev) return std::nullopt;
        return FeaturedPicture{title.value(), *file, excerpt_of(rev->plain_text)};
      });
  return extras;
}

// Moves with the newest articles, the day, and the views of every page the lists name: a
// featured article that a moderator hides or deletes leaves the main page at once.
std::uint64_t WikiImpl::main_page_generation(const Edition& ed, std::int64_t day) {
  std::uint64_t generation = static_cast<std::uint64_t>(day) * 0x9E3779B97F4A7C15ULL;
  auto mix = [&](std::uint64_t value) { generation = (generation ^ value) * 0x100000001B3ULL; };
  auto reader = readers_->lease();
  for (const Title& title : newest_but_main(*reader, ed)) {
    mix(std::hash<std::string>{}(title.text));
  }
  auto main = parse_title(ed, ed.main_page);
  auto main_revision = main ? published(*reader, ed, main.value()) : std::nullopt;
  if (!main_revision) return generation;
  const FeaturedLists lists = read_featured_lists(main_revision->markdown);
  for (const auto* list : {&lists.articles, &lists.pictures}) {
    for (const std::string& raw : *list) {
      if (auto title = parse_title(ed, raw)) mix(views_.of(ed.id, title.value()));
    }
  }
  return generation;
}

}  // namespace kidwiki::engine
