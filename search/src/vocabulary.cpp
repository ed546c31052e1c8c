#include "vocabulary.h"

#include "fields.h"
#include "sound_key.h"
#include "term_folding.h"

namespace kidwiki::search {
namespace {

// Unprefixed, unstemmed terms are the words; prefixes (and "Z" stems) start with a capital.
bool is_word_term(const std::string& term) {
  return term.size() >= 2 && !(term[0] >= 'A' && term[0] <= 'Z');
}

template <class Fn>
void for_each_word(const Xapian::Document& doc, Fn fn) {
  for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
    const std::string term = *it;
    if (is_word_term(term)) fn(term, it.get_wdf());
  }
}

void add_written_forms(DocumentVocabulary& v, const std::string& title) {
  const std::string exact = exact_text(title);
  for (const WordSpan& w : scan_words(exact)) {
    std::string written = exact.substr(w.begin, w.end - w.begin);
    const std::string folded = fold_word(written);
    if (folded != written) {
      v.synonyms.emplace_back(std::string(fields::kWrittenForm) + folded, std::move(written));
    }
  }
}

}  // namespace

DocumentVocabulary vocabulary_of(const Xapian::Document& doc, const engine::IndexablePage& page) {
  DocumentVocabulary v;
  for_each_word(doc, [&](const std::string& word, Xapian::termcount wdf) {
    v.words.emplace_back(word, wdf);
    const std::string key = sound_key(word);
    if (!key.empty()) v.synonyms.emplace_back(std::string(fields::kSoundKey) + key, word);
  });
  add_written_forms(v, page.full_title);
  for (const std::string& redirect : page.redirect_titles) add_written_forms(v, redirect);
  return v;
}

void add_synonyms(Xapian::WritableDatabase& db,
                  const std::vector<std::pair<std::string, std::string>>& synonyms,
                  KnownSynonyms& known) {
  for (const auto& [key, word] : synonyms) {
    std::string pair = key + '\0' + word;
    if (known.count(pair)) continue;
    db.add_synonym(key, word);
    known.insert(std::move(pair));
  }
}

void add_vocabulary(Xapian::WritableDatabase& db, const DocumentVocabulary& vocabulary,
                    KnownSynonyms& known) {
  for (const auto& [word, wdf] : vocabulary.words) db.add_spelling(word, wdf);
  add_synonyms(db, vocabulary.synonyms, known);
}

void remove_vocabulary(Xapian::WritableDatabase& db, const Xapian::Document& doc) {
  for_each_word(doc, [&](const std::string& word, Xapian::termcount wdf) {
    db.remove_spelling(word, wdf);
  });
}

}  // namespace kidwiki::search
