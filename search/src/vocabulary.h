// The spelling data of an index, kept exact as pages change. Xapian's own FLAG_SPELLING only ever
// adds, so an edited page would count its words twice: here a document's words are added when it
// is indexed and removed when it is replaced or deleted, with their within-document frequency
// (title words count title_weight times, which is how titles weigh more in corrections).
#pragma once

#include <string>
#include <unordered_set>

#include <xapian.h>

#include "engine/wiki.h"

namespace kidwiki::search {

// The synonyms (sound keys, written forms) one writer has already added: they are never removed,
// so adding one again is wasted work. The same words come back in nearly every document, and
// asking Xapian each time was most of the vocabulary's cost.
using KnownSynonyms = std::unordered_set<std::string>;

// Adds the document's words to the spelling data, their sound keys and the written forms of
// the page's title words as synonyms (see fields.h).
void add_vocabulary(Xapian::WritableDatabase& db, const Xapian::Document& doc,
                    const engine::IndexablePage& page, KnownSynonyms& known);
// Removes what add_vocabulary() added for `doc`'s words from the spelling data. Synonyms stay:
// readers check a candidate's collection frequency, so a word no page uses is never proposed.
void remove_vocabulary(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace kidwiki::search
