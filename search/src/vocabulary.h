// The spelling data of an index, kept exact as pages change. Xapian's own FLAG_SPELLING only ever
// adds, so an edited page would count its words twice: here a document's words are added when it
// is indexed and removed when it is replaced or deleted, with their within-document frequency
// (title words count title_weight times, which is how titles weigh more in corrections).
#pragma once

#include <xapian.h>

#include "engine/wiki.h"

namespace kidwiki::search {

// Adds the document's words to the spelling data, their sound keys and the written forms of
// the page's title words as synonyms (see fields.h).
void add_vocabulary(Xapian::WritableDatabase& db, const Xapian::Document& doc,
                    const engine::IndexablePage& page);
// Removes what add_vocabulary() added for `doc`'s words from the spelling data. Synonyms stay:
// readers check a candidate's collection frequency, so a word no page uses is never proposed.
void remove_vocabulary(Xapian::WritableDatabase& db, const Xapian::Document& doc);

}  // namespace kidwiki::search
