#include "document_builder.h"

#include "fields.h"
#include "term_folding.h"

namespace kidwiki::search {
namespace {

std::string prefixed(std::string_view prefix, std::string_view folded) {
  std::string term(prefix);
  term += truncate_utf8(folded, fields::kMaxTermBytes - prefix.size());
  return term;
}

void index_title(Xapian::TermGenerator& folded, Xapian::Document& doc, const std::string& title,
                 int title_weight) {
  const std::string text = fold_text(title);
  folded.index_text(text, title_weight);
  folded.index_text(text, 1, std::string(fields::kTitle));
  folded.increase_termpos();
  doc.add_boolean_term(exact_title_term(title));
}

void index_exact_forms(Xapian::Document& doc, const engine::IndexablePage& page) {
  // Why no stemmer here: this field rewards the word exactly as the child typed it.
  Xapian::TermGenerator exact;
  exact.set_document(doc);
  exact.index_text_without_positions(exact_text(page.full_title), 1, std::string(fields::kExact));
  exact.index_text_without_positions(exact_text(page.plain_text), 1, std::string(fields::kExact));
}

}  // namespace

Xapian::Document build_document(const engine::IndexablePage& page,
                                const LanguageAnalysis& analysis, int title_weight) {
  Xapian::Document doc;
  Xapian::TermGenerator folded;
  folded.set_stemmer(analysis.stemmer);
  folded.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  if (analysis.stopper) folded.set_stopper(analysis.stopper.get());
  folded.set_document(doc);
  index_title(folded, doc, page.full_title, title_weight);
  for (const std::string& redirect : page.redirect_titles) {
    index_title(folded, doc, redirect, title_weight);
  }
  folded.index_text(fold_text(page.plain_text));
  index_exact_forms(doc, page);
  for (const std::string& category : page.categories) doc.add_boolean_term(category_term(category));
  doc.add_boolean_term(id_term(page.page_id));
  doc.add_value(fields::kFullTitleSlot, page.full_title);
  if (page.title.ns != engine::Namespace::article) {
    doc.add_boolean_term(std::string(fields::kOtherNamespace));
  }
  doc.add_value(fields::kRevisionSlot,
                Xapian::sortable_serialise(static_cast<double>(page.revision_id)));
  doc.set_data(page.full_title + '\n' +
               std::string(truncate_utf8(page.plain_text, fields::kStoredTextBytes)));
  return doc;
}

std::string id_term(std::int64_t page_id) {
  return std::string(fields::kPageId) + std::to_string(page_id);
}

std::string exact_title_term(std::string_view title) {
  return prefixed(fields::kExactTitle, fold_text(title));
}

std::string category_term(std::string_view category) {
  return prefixed(fields::kCategory, fold_text(category));
}

std::string_view data_text(std::string_view data) {
  const std::size_t nl = data.find('\n');
  return nl == std::string_view::npos ? std::string_view() : data.substr(nl + 1);
}

}  // namespace kidwiki::search
