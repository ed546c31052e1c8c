#include "query_runner.h"

#include "document_builder.h"
#include "fields.h"
#include "query_builder.h"
#include "snippets.h"
#include "spelling_corrector.h"
#include "term_folding.h"

namespace kidwiki::search {
namespace {

struct Context {
  const Xapian::Database& db;
  const LanguageAnalysis& analysis;
  const SearchOptions& options;
  const SearchRequest& request;
};

// Results before their snippets: a snippet is cut only for the results finally shown, not for
// those of a query that a correction then replaces.
struct Ranked {
  SearchResults out;
  std::vector<Xapian::docid> ids;
  HighlightTerms highlight;
};

Xapian::Query with_category(const Xapian::Query& q, const std::string& category) {
  if (category.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(category_term(category)));
}

// Relevance alone orders each call: with a value sorted first, Xapian must rank every matching
// document, where relevance lets it skip those that cannot reach the page (docs/performance.md,
// "Search at 100,000 articles"). When fewer than offset + limit match, Xapian has seen them all
// and its estimate is the exact count.
// Up to this many matches are all looked at, so that a page of results counts them exactly (a
// child reads "23 results", not an estimate); beyond it, Xapian's estimate is the count.
constexpr Xapian::doccount kCountedExactly = 100;

Xapian::MSet matches(const Context& c, const Xapian::Query& q, int offset, int limit) {
  Xapian::Enquire enquire(c.db);
  enquire.set_query(with_category(q, c.request.category));
  return enquire.get_mset(static_cast<Xapian::doccount>(offset),
                          static_cast<Xapian::doccount>(limit), kCountedExactly);
}

// The segments of the results, in order: pages whose whole title is the query (at most a few:
// titles differing only by case or accents), then articles, then other pages (a picture's
// one-sentence description, short and so favoured by BM25, must not come before the article it
// illustrates).
std::vector<Xapian::Query> segments(const BuiltQuery& built) {
  const Xapian::Query exact(built.exact_title);
  const Xapian::Query other(std::string(fields::kOtherNamespace));
  const Xapian::Query rest(Xapian::Query::OP_AND_NOT, built.query, exact);
  return {Xapian::Query(Xapian::Query::OP_FILTER,
                        Xapian::Query(Xapian::Query::OP_OR, built.query, exact), exact),
          Xapian::Query(Xapian::Query::OP_AND_NOT, rest, other),
          Xapian::Query(Xapian::Query::OP_FILTER, rest, other)};
}

// One page of results (request.offset, request.limit) across the segments.
Ranked search_once(const Context& c, const BuiltQuery& built) {
  Ranked ranked;
  ranked.highlight = built.highlight;
  int skip = c.request.offset;
  int room = c.request.limit;
  for (const Xapian::Query& segment : segments(built)) {
    const Xapian::MSet mset = matches(c, segment, skip, room);
    const auto count = static_cast<int>(mset.get_matches_estimated());
    ranked.out.total_estimate += count;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      ranked.out.results.push_back(
          {it.get_document().get_value(fields::kFullTitleSlot), "", it.get_weight()});
      ranked.ids.push_back(*it);
    }
    room -= static_cast<int>(mset.size());
    // Nothing shown from this segment: it holds fewer than `skip` results, all of them seen.
    skip = mset.empty() ? std::max(0, skip - count) : 0;
  }
  return ranked;
}

bool page_holds(const Xapian::Database& db, Xapian::docid id, const std::string& term) {
  Xapian::PostingIterator it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return false;
  it.skip_to(id);
  return it != db.postlist_end(term) && *it == id;
}

// The query's words as the page holds them: as typed when it has that form, else by their stem.
// A window holding them all is the snippet (snippets.h): «fusée apollo» found ten long pages
// without "apollo", and reading each to its end for it was half of the query's time. A seek in
// each word's posting list is cheaper than that read.
std::set<std::string> held_words(const Context& c, Xapian::docid id, const HighlightTerms& terms) {
  std::set<std::string> held;
  for (const std::string& word : terms.words) {
    const std::string stem = c.analysis.stemmer(word);
    if (page_holds(c.db, id, std::string(fields::kText) + word)) {
      held.insert(word);
    } else if (page_holds(c.db, id, "Z" + std::string(fields::kText) + stem)) {
      held.insert(stem);
    }
  }
  return held;
}

SearchResults with_snippets(const Context& c, Ranked ranked) {
  for (std::size_t i = 0; i < ranked.ids.size(); ++i) {
    const std::string data = c.db.get_document(ranked.ids[i]).get_data();
    ranked.out.results[i].snippet_html =
        make_snippet(data_text(data), ranked.highlight, c.analysis.stemmer,
                     c.options.snippet_words, held_words(c, ranked.ids[i], ranked.highlight));
  }
  return std::move(ranked.out);
}

// A child's "les chevaux sauvages" should find Cheval even if no page says "sauvages": when every
// word together (`strict`) finds nothing, pages with most of the words are better than an empty
// page. A query of one word has nothing to relax.
Ranked relaxed(const Context& c, Ranked strict) {
  if (strict.out.total_estimate > 0 || scan_words(c.request.query).size() < 2) return strict;
  return search_once(c, build_query(c.request.query, c.analysis, Xapian::Query::OP_OR));
}

}  // namespace

// A correction is only worth showing when, with every word, it finds more than the query as
// typed: "les chevaux sauvages" must not be "corrected" into words no page has together. It
// replaces the query only when it changes no real word: "tiger" is searched as typed (and can
// then be written), "tides" at most offered.
SearchResults run_search(const Xapian::Database& db, const LanguageAnalysis& analysis,
                         const RealWords* real_words, const SearchOptions& options,
                         const SearchRequest& request) {
  const Context c{db, analysis, options, request};
  Ranked strict = search_once(c, build_query(request.query, analysis));
  const std::int64_t strict_total = strict.out.total_estimate;
  Ranked typed = relaxed(c, std::move(strict));
  std::optional<std::string> correction = correct_query(db, request.query, analysis, real_words);
  bool may_replace = true;
  if (!correction && real_words) {
    correction = correct_query(db, request.query, analysis, nullptr);
    may_replace = false;
  }
  if (!correction) return with_snippets(c, std::move(typed));
  SearchRequest fixed_request = request;
  fixed_request.query = *correction;
  const Context fixed_context{db, analysis, options, fixed_request};
  Ranked fixed = search_once(fixed_context, build_query(*correction, analysis));
  if (fixed.out.total_estimate <= strict_total) return with_snippets(c, std::move(typed));
  if (may_replace && request.correct && typed.out.total_estimate < options.few_results &&
      fixed.out.total_estimate > typed.out.total_estimate) {
    fixed.out.corrected = std::move(correction);
    return with_snippets(c, std::move(fixed));
  }
  typed.out.suggestion = std::move(correction);
  return with_snippets(c, std::move(typed));
}

}  // namespace kidwiki::search
