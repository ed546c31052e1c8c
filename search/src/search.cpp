#include "search/search.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

#include "edition_index.h"
#include "fields.h"
#include "index_builder.h"
#include "i18n/text.h"
#include "outbox_drainer.h"
#include "query_builder.h"
#include "query_runner.h"
#include "real_words.h"
#include "title_completer.h"
#include "xapian_guard.h"

namespace kidwiki::search {
namespace {

struct EditionSearch {
  EditionSearch(const std::filesystem::path& dir, const std::string& lang,
                const SearchOptions& options)
      : index(dir, lang, options) {}
  void refresh_titles() {
    index.with_reader([&](const Xapian::Database& db) { titles.rebuild(db); return 0; });
  }
  // Autocomplete waits for the titles loaded after start (a second at 100,000 pages), rather
  // than offering part of them. Only open() marks them pending, before anyone else can ask.
  void titles_pending() { titles_loaded_ = false; }
  void titles_loaded() {
    {
      std::lock_guard lock(titles_mutex_);
      titles_loaded_ = true;
    }
    titles_ready_.notify_all();
  }
  void wait_for_titles() {
    std::unique_lock lock(titles_mutex_);
    titles_ready_.wait(lock, [&] { return titles_loaded_; });
  }
  // The language's dictionary, read at the first query (a fraction of a second): null when
  // Debian has none for it.
  const RealWords* real_words(const SearchOptions& options) {
    std::call_once(real_words_loaded, [&] {
      real_words_ = RealWords::load(options.dictionaries_dir, index.lang());
    });
    return real_words_.get();
  }
  EditionIndex index;
  TitleCompleter titles;
  // Set at open when the index is empty while the wiki has pages; the next drain rebuilds it.
  std::atomic<bool> needs_rebuild{false};
  std::atomic<bool> building{false};
  bool incomplete() const { return needs_rebuild || building; }

 private:
  std::once_flag real_words_loaded;
  std::unique_ptr<RealWords> real_words_;
  std::mutex titles_mutex_;
  std::condition_variable titles_ready_;
  bool titles_loaded_ = true;
};

std::vector<IndexedDocument> list_documents(const Xapian::Database& db) {
  std::vector<IndexedDocument> out;
  const std::string prefix(fields::kPageId);
  for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
    const Xapian::Document doc = db.get_document(*db.postlist_begin(*it));
    out.push_back({std::stoll((*it).substr(prefix.size())),
                   static_cast<std::int64_t>(
                       Xapian::sortable_unserialise(doc.get_value(fields::kRevisionSlot))),
                   doc.get_value(fields::kFullTitleSlot)});
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.page_id < b.page_id; });
  return out;
}

}  // namespace

struct Search::Impl {
  Impl(engine::Wiki& w, const SearchOptions& o) : wiki(w), options(o) {}

  // The edition's index, opened on first use; null when the wiki has no such edition.
  EditionSearch* find(std::string_view lang) {
    std::lock_guard lock(editions_mutex);
    if (auto it = editions.find(lang); it != editions.end()) return it->second.get();
    if (!wiki.edition(lang)) return nullptr;
    const std::string key(lang);
    auto opened = std::make_unique<EditionSearch>(options.data_dir / "search" / key, key, options);
    return editions.emplace(key, std::move(opened)).first->second.get();
  }

  // The page's title for the completer once committed; empty when it left the index.
  std::optional<std::string> apply(EditionSearch& ed, std::int64_t page_id) {
    const std::optional<engine::IndexablePage> page = wiki.indexable_page(page_id);
    if (page && page->lang == ed.index.lang()) {
      ed.index.put(*page);
      return page->full_title;
    }
    ed.index.remove(page_id);
    return std::nullopt;
  }

  // Invariant: entries are acknowledged only after the commit that holds them, so a crash at
  // any point leaves them queued, and applying an entry twice is harmless.
  std::size_t drain_batch() {
    const std::vector<engine::OutboxEntry> entries = wiki.outbox_peek(options.drain_batch);
    if (entries.empty()) return 0;
    std::set<EditionSearch*> touched;
    std::set<std::pair<std::string, std::int64_t>> seen;
    struct TitleChange {
      EditionSearch* ed;
      std::int64_t page_id;
      std::optional<std::string> title;
    };
    std::vector<TitleChange> titles;
    for (const engine::OutboxEntry& e : entries) {
      if (!seen.insert({e.lang, e.page_id}).second) continue;
      if (EditionSearch* ed = find(e.lang)) {
        titles.push_back({ed, e.page_id, apply(*ed, e.page_id)});
        touched.insert(ed);
      }
    }
    for (EditionSearch* ed : touched) ed->index.commit();
    // Only the pages of the batch: the rest of each edition's titles did not move.
    for (const TitleChange& change : titles) {
      if (change.title) {
        change.ed->titles.put(change.page_id, *change.title);
      } else {
        change.ed->titles.remove(change.page_id);
      }
    }
    wiki.outbox_ack(entries.back().id);
    return entries.size();
  }

  std::size_t drain_all() {
    std::lock_guard lock(write_mutex);
    rebuild_pending();
    std::size_t total = 0;
    while (std::size_t n = drain_batch()) total += n;
    return total;
  }

  void rebuild(EditionSearch& ed, const engine::Edition& edition, const ReindexProgress& progress);

  // The titles of the editions open() found indexed, for autocomplete, read after start-up:
  // at 100,000 pages they took a second, and the server must answer sooner (issue 11). Under
  // write_mutex, so that no drain puts a title the snapshot read here would then undo.
  void load_titles(std::vector<EditionSearch*> pending) {
    std::lock_guard lock(write_mutex);
    for (EditionSearch* ed : pending) {
      try {
        ed->refresh_titles();
      } catch (...) {  // a thread must not end the server: autocomplete offers what drains add
      }
      ed->titles_loaded();
    }
  }

  // The rebuilds open() left to the drainer. Precondition: write_mutex held.
  void rebuild_pending() {
    for (const engine::Edition& edition : wiki.editions()) {
      EditionSearch* ed = find(edition.lang);
      if (!ed || !ed->needs_rebuild) continue;
      ed->building = true;
      ed->needs_rebuild = false;
      try {
        rebuild(*ed, edition, {});
      } catch (...) {  // tried again at the next drain; until then results say they may be incomplete
        ed->needs_rebuild = true;
        ed->building = false;
        throw;
      }
      ed->building = false;
    }
  }

  engine::Wiki& wiki;
  SearchOptions options;
  std::mutex editions_mutex;
  std::map<std::string, std::unique_ptr<EditionSearch>, std::less<>> editions;
  std::mutex write_mutex;  // one drain or rebuild at a time, so they never undo each other
  std::thread title_loader;  // joined before the rest goes
  std::unique_ptr<OutboxDrainer> drainer;  // last: stopped before anything it uses goes
};

void Search::Impl::rebuild(EditionSearch& ed, const engine::Edition& edition,
                           const ReindexProgress& progress) {
  // Noted before any page is read: whatever was queued up to here, the new index holds.
  const std::int64_t covered = wiki.outbox_mark();
  const std::vector<std::int64_t> ids = wiki.page_ids(edition);
  const std::string lang = edition.lang;
  const PageSource source = [&](std::int64_t id) -> std::optional<engine::IndexablePage> {
    std::optional<engine::IndexablePage> page = wiki.indexable_page(id);
    if (page && page->lang != lang) page.reset();
    return page;
  };
  build_index(ed.index.building_dir(), lang, options, ids, source, progress);
  ed.index.replace_with_built();
  ed.refresh_titles();
  // Without this, the next drain would apply again every change the rebuild already read: at
  // 100,000 saves queued by a bulk load, 17 minutes of work for nothing.
  wiki.outbox_ack_edition(lang, covered);
}

Search::Search(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Search::~Search() {
  if (impl_->title_loader.joinable()) impl_->title_loader.join();
  impl_->drainer.reset();
}

engine::Result<std::unique_ptr<Search>> Search::open(engine::Wiki& wiki,
                                                     const SearchOptions& options) {
  auto impl = std::make_unique<Impl>(wiki, options);
  std::vector<EditionSearch*> indexed;
  const engine::Status opened = guarded([&]() -> engine::Status {
    for (const engine::Edition& edition : wiki.editions()) {
      EditionSearch& ed = *impl->find(edition.lang);
      // Never at once: at 100,000 pages a rebuild takes minutes, and the server must start.
      if (ed.index.document_count() == 0 && !wiki.page_ids(edition).empty()) {
        ed.needs_rebuild = true;  // the rebuild fills the list; meanwhile it offers what it has
      } else {
        ed.titles_pending();
        indexed.push_back(&ed);
      }
    }
    return engine::Ok{};
  });
  if (!opened) return opened.error();
  Impl* loader = impl.get();
  impl->title_loader = std::thread([loader, indexed] { loader->load_titles(indexed); });
  return std::unique_ptr<Search>(new Search(std::move(impl)));
}

engine::Result<SearchResults> Search::query(std::string_view lang, const SearchRequest& request) {
  const engine::Status checked = check_query(request.query, impl_->options);
  if (!checked) return checked.error();
  SearchRequest r = request;
  r.limit = std::clamp(r.limit, 1, impl_->options.max_limit);
  r.offset = std::clamp(r.offset, 0, impl_->options.max_offset);
  return guarded([&]() -> engine::Result<SearchResults> {
    EditionSearch* ed = impl_->find(lang);
    if (!ed) {
      return engine::make_error(engine::ErrorCode::not_found, "search-error-no-edition",
                                {{"lang", std::string(lang)}});
    }
    // Each query its own stemmer: a Xapian::Stem keeps state while it stems and counts its
    // references without atomics, so one shared by the server's threads crashed under load.
    const LanguageAnalysis analysis = analysis_for(ed->index.lang());
    const RealWords* real_words = ed->real_words(impl_->options);
    SearchResults found = ed->index.with_reader([&](const Xapian::Database& db) {
      return run_search(db, analysis, real_words, impl_->options, r);
    });
    found.index_incomplete = ed->incomplete();
    return found;
  });
}

engine::Result<std::vector<std::string>> Search::suggest(std::string_view lang,
                                                        std::string_view prefix, int limit) {
  const engine::Status checked = check_query(prefix, impl_->options);
  if (!checked) return checked.error();
  const int n = std::clamp(limit, 1, impl_->options.max_suggestions);
  return guarded([&]() -> engine::Result<std::vector<std::string>> {
    EditionSearch* ed = impl_->find(lang);
    if (!ed) {
      return engine::make_error(engine::ErrorCode::not_found, "search-error-no-edition",
                                {{"lang", std::string(lang)}});
    }
    ed->wait_for_titles();
    return ed->titles.complete(prefix, static_cast<std::size_t>(n));
  });
}

engine::Result<std::vector<IndexedDocument>> Search::documents(std::string_view lang) {
  return guarded([&]() -> engine::Result<std::vector<IndexedDocument>> {
    EditionSearch* ed = impl_->find(lang);
    if (!ed) {
      return engine::make_error(engine::ErrorCode::not_found, "search-error-no-edition",
                                {{"lang", std::string(lang)}});
    }
    return ed->index.with_reader([](const Xapian::Database& db) { return list_documents(db); });
  });
}

engine::Result<std::size_t> Search::drain() {
  return guarded([&]() -> engine::Result<std::size_t> { return impl_->drain_all(); });
}

void Search::start_draining() {
  if (impl_->drainer) return;
  impl_->drainer = std::make_unique<OutboxDrainer>(
      [this] {
        const engine::Result<std::size_t> drained = drain();
        return drained ? drained.value() : std::size_t{0};
      },
      impl_->options.drain_poll);
}

engine::Status Search::reindex(std::string_view lang, const ReindexProgress& progress) {
  return guarded([&]() -> engine::Status {
    const std::optional<engine::Edition> edition = impl_->wiki.edition(lang);
    EditionSearch* ed = edition ? impl_->find(lang) : nullptr;
    if (!ed) {
      return engine::make_error(engine::ErrorCode::not_found, "search-error-no-edition",
                                {{"lang", std::string(lang)}});
    }
    std::lock_guard lock(impl_->write_mutex);
    impl_->rebuild(*ed, *edition, progress);
    return engine::Ok{};
  });
}

}  // namespace kidwiki::search
