// Shared set-up for the search tests: temporary data directories, a real engine Wiki, pages
// saved through it, and the Vikidia corpus loaded into the French edition.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "engine/wiki.h"
#include "search/search.h"

namespace kidwiki::search::testing {

// A fresh directory, removed with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

engine::Options wiki_options(const std::filesystem::path& dir);
std::unique_ptr<engine::Wiki> open_wiki(const std::filesystem::path& dir);
SearchOptions search_options(const std::filesystem::path& dir);
std::unique_ptr<Search> open_search(engine::Wiki& wiki, const std::filesystem::path& dir);

// Saves `markdown` as the new text of the page (creating it); returns the revision id.
std::int64_t save_page(engine::Wiki& wiki, const std::string& lang, const std::string& title,
                       const std::string& markdown);
std::int64_t page_id_of(engine::Wiki& wiki, const std::string& lang, const std::string& title);

// Small pages of both editions that the tests rely on (Cheval, Éléphant, Horse...).
void save_test_pages(engine::Wiki& wiki);
// The 124 articles of tests/data/vikidia-fr into the fr edition. Returns how many.
std::size_t load_vikidia(engine::Wiki& wiki);

// Titles of a search's results, in order; empty when the query was refused.
std::vector<std::string> titles_of(Search& search, const std::string& lang,
                                   const std::string& query, const std::string& category = "");

// One data directory with the test pages and the Vikidia corpus, indexed, shared by the
// read-only tests of this program (built on first use: saving the corpus takes a few seconds).
struct CorpusWiki {
  TempDir dir;
  std::unique_ptr<engine::Wiki> wiki;
  std::unique_ptr<Search> search;
};
CorpusWiki& corpus_wiki();

}  // namespace kidwiki::search::testing
