#include "query_builder.h"

#include "document_builder.h"
#include "fields.h"
#include "i18n/text.h"
#include "term_folding.h"

namespace kidwiki::search {
namespace {

constexpr unsigned kParserFlags =
    Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_LOVEHATE;

// An excluded word is written "-word" at the start of the query or after a space.
bool is_excluded(std::string_view raw, const WordSpan& w) {
  if (w.begin == 0 || raw[w.begin - 1] != '-') return false;
  return w.begin == 1 || raw[w.begin - 2] == ' ';
}

Xapian::Query parse(Xapian::QueryParser& parser, std::string_view raw) {
  // Folded before parsing, so that both sides see the same words. Folding lower-cases, which is
  // also why AND/OR/NOT are never operators here: children type "chat et chien", not Boolean.
  const std::string folded = i18n::fold_for_search(raw);
  try {
    return parser.parse_query(folded, kParserFlags);
  } catch (const Xapian::QueryParserError&) {
    return parser.parse_query(fold_text(raw), 0);
  }
}

Xapian::QueryParser make_parser(const LanguageAnalysis& analysis, Xapian::Query::op op) {
  Xapian::QueryParser parser;
  parser.set_stemmer(analysis.stemmer);
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  if (analysis.stopper) parser.set_stopper(analysis.stopper.get());
  parser.set_default_op(op);
  // Wildcards are not enabled; the limit guards against a flag added later without thought.
  parser.set_max_expansion(50, Xapian::Query::WILDCARD_LIMIT_ERROR);
  return parser;
}

// Title and exact-form terms of the wanted words: they only raise the score of what matched.
Xapian::Query boost_query(std::string_view raw, const BuiltQuery& built,
                          const LanguageAnalysis& analysis) {
  std::vector<Xapian::Query> boosts;
  for (const std::string& word : built.positive_words) {
    boosts.emplace_back(std::string(fields::kTitle) + word);
    boosts.emplace_back("Z" + std::string(fields::kTitle) + analysis.stemmer(word));
  }
  const std::string exact = exact_text(raw);
  for (const WordSpan& w : scan_words(exact)) {
    boosts.emplace_back(std::string(fields::kExact) + exact.substr(w.begin, w.end - w.begin));
  }
  return Xapian::Query(Xapian::Query::OP_OR, boosts.begin(), boosts.end());
}

void collect_words(std::string_view raw, const LanguageAnalysis& analysis, BuiltQuery& built) {
  for (const WordSpan& w : scan_words(raw)) {
    if (is_excluded(raw, w)) continue;
    const std::string folded = fold_word(raw.substr(w.begin, w.end - w.begin));
    if (folded.empty() || is_stop_word(analysis, folded)) continue;
    built.positive_words.push_back(folded);
    built.highlight.words.insert(folded);
    built.highlight.stems.insert(analysis.stemmer(folded));
  }
}

}  // namespace

engine::Status check_query(std::string_view raw, const SearchOptions& options) {
  using engine::ErrorCode;
  if (raw.size() > options.max_query_bytes) {
    return engine::make_error(ErrorCode::invalid_input, "search-error-too-long",
                              {{"max", static_cast<std::int64_t>(options.max_query_bytes)}});
  }
  if (!i18n::is_valid_utf8(raw)) {
    return engine::make_error(ErrorCode::invalid_input, "search-error-encoding");
  }
  const std::size_t words = scan_words(raw).size();
  if (words == 0) return engine::make_error(ErrorCode::invalid_input, "search-error-empty");
  if (words > static_cast<std::size_t>(options.max_query_terms)) {
    return engine::make_error(ErrorCode::invalid_input, "search-error-too-many-words",
                              {{"max", static_cast<std::int64_t>(options.max_query_terms)}});
  }
  return engine::Ok{};
}

BuiltQuery build_query(std::string_view raw, const LanguageAnalysis& analysis,
                       Xapian::Query::op op) {
  BuiltQuery built;
  Xapian::QueryParser parser = make_parser(analysis, op);
  collect_words(raw, analysis, built);
  built.exact_title = exact_title_term(raw);
  const Xapian::Query main = parse(parser, raw);
  built.query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, main, boost_query(raw, built, analysis));
  return built;
}

}  // namespace kidwiki::search
