// The spelling data of an index, kept exact as pages change. Xapian's own FLAG_SPELLING only ever
// adds, so an edited page would count its words twice: here a document's words are added when it
// is indexed and removed when it is replaced or deleted, with their within-document frequency
// (title words count title_weight times, which is how titles weigh more in corrections).
#pragma once

#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

#include <xapian.h>

#include "engine/wiki.h"

namespace kidwiki::search {

// The synonyms (sound keys, written forms) one writer has already added: they are never removed,
// so adding one again is wasted work. The same words come back in nearly every document, and
// asking Xapian each time was most of the vocabulary's cost.
using KnownSynonyms = std::unordered_set<std::string>;

// What a document brings to the spelling data (its words with their within-document frequency)
// and to the synonyms (the words' sound keys, the written forms of its title words; fields.h).
// Worked out apart from the writer, so that a rebuild can do it on several threads.
struct DocumentVocabulary {
  std::vector<std::pair<std::string, Xapian::termcount>> words;
  std::vector<std::pair<std::string, std::string>> synonyms;  // key, word
};
DocumentVocabulary vocabulary_of(const Xapian::Document& doc, const engine::IndexablePage& page);

// Adds a document's vocabulary: its words to the spelling data, its synonyms once per writer.
void add_vocabulary(Xapian::WritableDatabase& db, const DocumentVocabulary& vocabulary,
                    KnownSynonyms& known);
// Synonyms (key, word) alone, for a rebuild that adds the spelling data once at its end.
void add_synonyms(Xapian::WritableDatabase& db,
                  const std::vector<std::pair<std::string, std::string>>& synonyms,
                  KnownSynonyms& known);
// Removes what add_vocabulary() added for `doc`'s words from the spelling data. Synonyms stay:
// readers check a candidate's collection frequency, so a word no page uses is never proposed.
void remove_vocabulary(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace kidwiki::search
