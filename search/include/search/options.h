// Every setting of the search module, with its default.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>

namespace kidwiki::search {

struct SearchOptions {
  // The wiki's data directory; each edition's index lives in <data_dir>/search/<lang>/.
  std::filesystem::path data_dir = "kidwiki-data";
  // Longest query accepted, in bytes (Xapian's parser is worse than linear on long input).
  std::size_t max_query_bytes = 256;
  // Most words a query may hold.
  int max_query_terms = 32;
  // Most results on one page of results, and the deepest offset served.
  int max_limit = 50;
  int max_offset = 1000;
  // Below this many results a spelling correction, when one exists, replaces the query; never
  // for a word the language's dictionary knows (it is only offered: "did you mean").
  int few_results = 3;
  // Debian's hunspell dictionaries (hunspell-fr, hunspell-en-us, ...): <lang>_<REGION>.dic/.aff.
  // An edition whose language has none corrects every word the index does not know.
  std::filesystem::path dictionaries_dir = "/usr/share/hunspell";
  // Most titles one autocomplete answer holds.
  int max_suggestions = 20;
  // Words of text around the matches in a snippet.
  int snippet_words = 28;
  // How much more a word of the title counts than a word of the text.
  int title_weight = 6;
  // Outbox entries indexed per commit, and how long the drainer sleeps when the outbox is empty.
  int drain_batch = 200;
  std::chrono::milliseconds drain_poll{250};
};

}  // namespace kidwiki::search
