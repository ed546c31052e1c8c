// The main page's extras: the article and picture of the day from the lists kept in the main page
// (featured_lists.h), with their first sentences and picture, and the newest articles.
#include <algorithm>
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

struct FoundPicture {
  FileInfo file;
  Title page;
};

// The first picture of `revision` that readers see.
std::optional<FoundPicture> first_picture(db::Connection& c, const Edition& ed,
                                          const StoredRevision& revision) {
  for (const Title& link : decode_meta(revision.meta).links) {
    if (link.ns != Namespace::file) continue;
    if (auto file = visible_picture(c, ed.id, link.text)) return FoundPicture{*file, link};
  }
  return std::nullopt;
}

// Why a bound: a portal's picture is looked for in its page and its first articles only, so that a
// category of thousands costs the main page a few queries, not thousands.
constexpr std::size_t kPortalPictureTries = 20;
constexpr std::size_t kMaxPortals = 12;

// Every title whose view the extras were made from: when one of them changes (a picture hidden, an
// article deleted, a category's text edited), the main page is made again.
struct Extras {
  MainPageExtras shown;
  std::vector<Title> sources;
};

class ExtrasMaker {
 public:
  ExtrasMaker(db::Connection& c, const Edition& ed) : c_(c), ed_(ed) {}

  Extras make(std::int64_t day) {
    Extras out;
    out.shown.newest = newest_but_main(c_, ed_);
    auto main = parse_title(ed_.main_page, ed_.lang, ed_.names);
    auto main_revision = main ? published(c_, ed_, main.value()) : std::nullopt;
    if (!main_revision) return out;
    const FeaturedLists lists = read_featured_lists(main_revision->markdown);
    for (const auto* list : {&lists.articles, &lists.pictures, &lists.portals}) {
      for (const std::string& raw : *list) note(raw);
    }
    out.shown.article = first_of_the_day<FeaturedArticle>(
        lists.articles, day, [&](const std::string& raw) { return article(raw); });
    out.shown.picture = first_of_the_day<FeaturedPicture>(
        lists.pictures, day, [&](const std::string& raw) { return picture(raw); });
    for (const std::string& raw : lists.portals) {
      if (out.shown.portals.size() == kMaxPortals) break;
      if (auto made = portal(raw)) out.shown.portals.push_back(std::move(*made));
    }
    out.sources = std::move(sources_);
    return out;
  }

 private:
  void note(const std::string& raw) {
    if (auto title = parse_title(raw, ed_.lang, ed_.names)) sources_.push_back(title.value());
  }

  std::optional<FeaturedArticle> article(const std::string& raw) {
    auto title = parse_title(raw, ed_.lang, ed_.names);
    if (!title || title->ns != Namespace::article) return std::nullopt;
    auto rev = published(c_, ed_, title.value());
    if (!rev) return std::nullopt;
    FeaturedArticle made{title.value(), excerpt_of(rev->plain_text), std::nullopt, Title{}};
    if (auto found = first_picture(c_, ed_, *rev)) {
      made.picture = found->file;
      made.picture_page = found->page;
      sources_.push_back(found->page);
    }
    return made;
  }

  std::optional<FeaturedPicture> picture(const std::string& raw) {
    auto title = parse_title(raw, ed_.lang, ed_.names);
    if (!title || title->ns != Namespace::file) return std::nullopt;
    auto file = visible_picture(c_, ed_.id, title->text);
    auto rev = file ? published(c_, ed_, title.value()) : std::nullopt;
    if (!rev) return std::nullopt;
    return FeaturedPicture{title.value(), *file, excerpt_of(rev->plain_text)};
  }

  // A category without articles is no door: it is left out until it has some.
  std::optional<Portal> portal(const std::string& raw) {
    auto title = parse_title(raw, ed_.lang, ed_.names);
    if (!title || title->ns != Namespace::category) return std::nullopt;
    Portal made{title.value(), 0, std::nullopt, Title{}};
    const CategoryArticles members =
        category_articles(c_, ed_.id, title->text, static_cast<int>(kPortalPictureTries));
    if (members.count == 0) return std::nullopt;
    made.articles = members.count;
    std::vector<Title> candidates{title.value()};
    candidates.insert(candidates.end(), members.first.begin(), members.first.end());
    for (const Title& candidate : candidates) {
      auto rev = published(c_, ed_, candidate);
      auto found = rev ? first_picture(c_, ed_, *rev) : std::nullopt;
      // Two portals side by side with the same picture look like one: each gets its own if it can.
      if (!found || std::find(used_.begin(), used_.end(), found->page) != used_.end()) continue;
      used_.push_back(found->page);
      made.picture = found->file;
      made.picture_page = found->page;
      sources_.push_back(candidate);
      sources_.push_back(found->page);
      break;
    }
    return made;
  }

  db::Connection& c_;
  const Edition& ed_;
  std::vector<Title> sources_;
  std::vector<Title> used_;  // the portals' pictures so far
};

}  // namespace

MainPageExtras WikiImpl::main_page_extras(const Edition& ed, std::int64_t day) {
  auto reader = readers_->lease();
  return ExtrasMaker(*reader, ed).make(day).shown;
}

// Moves with the day, the newest articles, and the views of every page the extras were made
// from or could fall back to: a featured article or a portal's picture that a moderator hides
// leaves the main page at once.
std::uint64_t WikiImpl::main_page_generation(const Edition& ed, std::int64_t day) {
  // Read before the extras are made: a change committed meanwhile leaves the memo stale, so the
  // next call works them out again.
  const std::uint64_t clock = views_.clock();
  {
    std::lock_guard lock(main_page_memo_mutex_);
    auto it = main_page_memo_.find(ed.id);
    if (it != main_page_memo_.end() && it->second.day == day && it->second.clock == clock)
      return it->second.generation;
  }
  std::uint64_t generation = static_cast<std::uint64_t>(day) * 0x9E3779B97F4A7C15ULL;
  auto mix = [&](std::uint64_t value) { generation = (generation ^ value) * 0x100000001B3ULL; };
  Extras extras;
  {
    auto reader = readers_->lease();
    extras = ExtrasMaker(*reader, ed).make(day);
  }
  for (const Title& title : extras.shown.newest) mix(std::hash<std::string>{}(title.text));
  for (const Title& title : extras.sources) mix(views_.of(ed.id, title));
  std::lock_guard lock(main_page_memo_mutex_);
  main_page_memo_[ed.id] = MainPageMemo{day, clock, generation};
  return generation;
}

}  // namespace kidwiki::engine
