#include "search_fixture.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace kidwiki::search::testing {
namespace {

const std::filesystem::path kCorpus = KIDWIKI_CORPUS_DIR;

struct TestPage {
  const char* lang;
  const char* title;
  const char* markdown;
};

constexpr TestPage kTestPages[] = {
    {"fr", "Cheval",
     "Le **cheval** est un grand mammifère herbivore. Les chevaux sauvages vivent en troupeaux "
     "dans les plaines. On monte à cheval pour se promener.\n\n[[Catégorie:Mammifère]]\n"},
    {"fr", "Élégant",
     "Un habit élégant est beau et bien coupé.\n\n[[Catégorie:Vocabulaire]]\n"},
    {"fr", "Balise",
     "Une balise HTML s'écrit `<script>alert(1)</script>` dans une page : ici, ce n'est que du "
     "texte sur les balises.\n"},
    {"en", "Elephant",
     "The **elephant** is the largest land animal. Elephants live in Africa and Asia.\n\n"
     "[[Category:Mammals]]\n"},
    {"en", "Horse",
     "The **horse** is a large mammal. Wild horses live in herds on the plains.\n\n"
     "[[Category:Mammals]]\n"},
    {"en", "Elegant", "Something elegant is graceful and stylish.\n"},
};

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "kidwiki-search-XXXXXX").string();
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;  // a test that failed half-way may leave nothing to remove
  std::filesystem::remove_all(path_, ignored);
}

engine::Options wiki_options(const std::filesystem::path& dir) {
  engine::Options options;
  options.data_dir = dir;
  options.seed_demo = false;
  options.render_limits.worker_argv = {"/proc/self/exe", "render-worker"};
  // Search never views a page's links; a page view in a test would show them at this address.
  options.page_address = [](const engine::Edition& ed, const engine::Title& title, bool) {
    return "/" + ed.lang + "/wiki/" + engine::title_to_url(title, ed.names);
  };
  options.media_address = [](const engine::FileInfo& file, int width) {
    return "/media/" + file.sha256 + "/" + std::to_string(width);
  };
  options.password_ops = 1;  // argon2id's smallest cost: accounts here are for behaviour only
  options.password_memory_bytes = 8192;
  return options;
}

std::unique_ptr<engine::Wiki> open_wiki(const std::filesystem::path& dir) {
  engine::Options options = wiki_options(dir);
  // The editions come from the demo seed; its articles are replaced by the tests' own.
  options.seed_demo = true;
  auto wiki = engine::Wiki::open(options);
  REQUIRE(wiki.ok());
  return std::move(wiki).value();
}

SearchOptions search_options(const std::filesystem::path& dir) {
  SearchOptions options;
  options.data_dir = dir;
  options.drain_poll = std::chrono::milliseconds(20);
  return options;
}

std::unique_ptr<Search> open_search(engine::Wiki& wiki, const std::filesystem::path& dir) {
  auto search = Search::open(wiki, search_options(dir));
  REQUIRE(search.ok());
  return std::move(search).value();
}

std::int64_t save_page(engine::Wiki& wiki, const std::string& lang, const std::string& title,
                       const std::string& markdown) {
  const engine::Edition ed = *wiki.edition(lang);
  const auto parsed = wiki.parse_title(ed, title);
  REQUIRE(parsed.ok());
  engine::SaveRequest request{markdown, "test", std::nullopt};
  const engine::Actor console = engine::Actor::console();
  if (auto current = wiki.read(engine::Actor::reader(), ed, parsed.value(), false); current.ok()) {
    request.base_revision_id = current->revision.id;
  }
  const auto saved = wiki.save(console, ed, parsed.value(), request);
  REQUIRE_MESSAGE(saved.ok(), title);
  return saved->revision_id;
}

std::int64_t page_id_of(engine::Wiki& wiki, const std::string& lang, const std::string& title) {
  const engine::Edition ed = *wiki.edition(lang);
  const auto view = wiki.read(engine::Actor::reader(), ed, wiki.parse_title(ed, title).value(), false);
  REQUIRE(view.ok());
  return view->revision.page_id;
}

void save_test_pages(engine::Wiki& wiki) {
  for (const TestPage& p : kTestPages) save_page(wiki, p.lang, p.title, p.markdown);
}

std::size_t load_vikidia(engine::Wiki& wiki) {
  std::ifstream index(kCorpus / "index.tsv");
  std::string line;
  std::getline(index, line);  // header
  std::size_t loaded = 0;
  while (std::getline(index, line)) {
    const std::string file = line.substr(0, line.find('\t'));
    const std::string rest = line.substr(file.size() + 1);
    const std::string title = rest.substr(0, rest.find('\t'));
    save_page(wiki, "fr", title, read_file(kCorpus / file));
    ++loaded;
  }
  return loaded;
}

std::vector<std::string> titles_of(Search& search, const std::string& lang,
                                   const std::string& query, const std::string& category) {
  SearchRequest request;
  request.query = query;
  request.limit = 20;
  request.category = category;
  const auto found = search.query(lang, request);
  std::vector<std::string> titles;
  if (!found.ok()) return titles;
  for (const SearchHit& hit : found->results) titles.push_back(hit.title);
  return titles;
}

CorpusWiki& corpus_wiki() {
  static const std::unique_ptr<CorpusWiki> corpus = [] {
    auto c = std::make_unique<CorpusWiki>();
    c->wiki = open_wiki(c->dir.path());
    save_test_pages(*c->wiki);
    load_vikidia(*c->wiki);
    c->search = open_search(*c->wiki, c->dir.path());
    REQUIRE(c->search->drain().ok());
    return c;
  }();
  return *corpus;
}

}  // namespace kidwiki::search::testing
