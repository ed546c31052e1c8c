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

Xapian::Query with_category(const Xapian::Query& q, const std::string& category) {
  if (category.empty()) return q;
  return Xapian::Query(Xapian::Query::OP_FILTER, q, Xapian::Query(category_term(category)));
}

Xapian::MSet matches(const Context& c, const Xapian::Query& q, int offset, int limit) {
  Xapian::Enquire enquire(c.db);
  enquire.set_query(with_category(q, c.request.category));
  enquire.set_sort_by_value_then_relevance(fields::kNamespaceRankSlot, false);
  return enquire.get_mset(static_cast<Xapian::doccount>(offset),
                          static_cast<Xapian::doccount>(limit));
}

void append_hits(const Context& c, const BuiltQuery& built, const Xapian::MSet& mset,
                 std::size_t room, SearchResults& out) {
  for (auto it = mset.begin(); it != mset.end() && out.results.size() < room; ++it) {
    const std::string data = it.get_document().get_data();
    out.results.push_back({std::string(data_title(data)),
                           make_snippet(data_text(data), built.highlight, c.analysis.stemmer,
                                        c.options.snippet_words),
                           it.get_weight()});
  }
}

// Invariant: pages whose whole title is the query (at most a few: titles differing only by
// case or accents) come first, in every page of results; the rest follow by relevance.
SearchResults search_once(const Context& c, const BuiltQuery& built) {
  const Xapian::Query exact(built.exact_title);
  const Xapian::Query exact_hits(Xapian::Query::OP_FILTER,
                                 Xapian::Query(Xapian::Query::OP_OR, built.query, exact), exact);
  const Xapian::MSet first = matches(c, exact_hits, 0, 10);
  const int exact_count = static_cast<int>(first.size());
  const int rest_offset = std::max(0, c.request.offset - exact_count);
  const Xapian::MSet rest =
      matches(c, Xapian::Query(Xapian::Query::OP_AND_NOT, built.query, exact), rest_offset,
              c.request.limit);
  SearchResults out;
  out.total_estimate = exact_count + static_cast<std::int64_t>(rest.get_matches_estimated());
  const auto room = static_cast<std::size_t>(c.request.limit);
  if (c.request.offset < exact_count) {
    Xapian::MSet shown = matches(c, exact_hits, c.request.offset, c.request.limit);
    append_hits(c, built, shown, room, out);
  }
  append_hits(c, built, rest, room, out);
  return out;
}

// A child's "les chevaux sauvages" should find Cheval even if no page says "sauvages": when every
// word together (`strict`) finds nothing, pages with most of the words are better than an empty
// page. A query of one word has nothing to relax.
SearchResults relaxed(const Context& c, SearchResults strict) {
  if (strict.total_estimate > 0 || scan_words(c.request.query).size() < 2) return strict;
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
  SearchResults strict = search_once(c, build_query(request.query, analysis));
  SearchResults typed = relaxed(c, strict);
  std::optional<std::string> correction = correct_query(db, request.query, analysis, real_words);
  bool may_replace = true;
  if (!correction && real_words) {
    correction = correct_query(db, request.query, analysis, nullptr);
    may_replace = false;
  }
  if (!correction) return typed;
  SearchRequest fixed_request = request;
  fixed_request.query = *correction;
  const Context fixed_context{db, analysis, options, fixed_request};
  SearchResults fixed = search_once(fixed_context, build_query(*correction, analysis));
  if (fixed.total_estimate <= strict.total_estimate) return typed;
  if (may_replace && request.correct && typed.total_estimate < options.few_results &&
      fixed.total_estimate > typed.total_estimate) {
    fixed.corrected = std::move(correction);
    return fixed;
  }
  typed.suggestion = std::move(correction);
  return typed;
}

}  // namespace kidwiki::search
