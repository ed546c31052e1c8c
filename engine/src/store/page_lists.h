// Lists of pages. Except for page_ids_of_edition, only pages readers see (with a visible revision,
// not deleted), in no particular order: the caller collates them for the edition's language. Free
// functions over a connection, like page_store.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/wiki.h"
#include "store/database.h"

namespace kidwiki::engine {

// The pages that link to `title` or redirect to it.
std::vector<PageListEntry> pages_linking_to(db::Connection& c, std::int64_t edition_id,
                                            const Title& title);
// The pages of one namespace.
std::vector<PageListEntry> pages_in_namespace(db::Connection& c, std::int64_t edition_id,
                                              Namespace ns);
// The pages in `category` (its name without the namespace prefix).
std::vector<PageListEntry> pages_in_category(db::Connection& c, std::int64_t edition_id,
                                             const std::string& category);
// How many articles (not redirects) readers see in `category`, and the first `limit` of them by
// title: what a portal on the main page needs, in two indexed queries however large the category.
struct CategoryArticles {
  int count = 0;
  std::vector<Title> first;
};
CategoryArticles category_articles(db::Connection& c, std::int64_t edition_id,
                                   const std::string& category, int limit);
// The titles of the pages that redirect to `title`.
std::vector<Title> redirects_to(db::Connection& c, std::int64_t edition_id, const Title& title);
// An article chosen at random, not a redirect; empty when there is none.
std::optional<Title> random_article(db::Connection& c, std::int64_t edition_id);

// The `limit` articles created last that readers see (not redirects), newest first. Why by id:
// pages are numbered as they are created, and the newest are the last rows of the table.
std::vector<Title> newest_articles(db::Connection& c, std::int64_t edition_id, int limit);

// Every page of the edition, whatever readers see of it, by id.
std::vector<std::int64_t> page_ids_of_edition(db::Connection& c, std::int64_t edition_id);

}  // namespace kidwiki::engine
