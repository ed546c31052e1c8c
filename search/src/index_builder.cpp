#include "index_builder.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <thread>
#include <unordered_map>

#include <xapian.h>

#include "document_builder.h"
#include "fields.h"
#include "language_analysis.h"
#include "vocabulary.h"

namespace kidwiki::search {
namespace {

constexpr std::size_t kWaitingDocuments = 64;
// Xapian keeps a commit's postings in memory: this bounds them. 5,000 took 750 MB at Vikidia's
// article sizes and indexed slower (437 articles/s against 623 at 5,000 articles, the maps
// grow); the half-empty blocks that more commits leave are packed by compact() at the end.
constexpr std::size_t kCommitEvery = 1000;

struct Made {
  std::optional<Xapian::Document> doc;  // empty: a page not to index
  // The synonyms this maker had not met yet (the spelling counts stay with the maker).
  std::vector<std::pair<std::string, std::string>> synonyms;
};

using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

// The documents made by the builder threads, waiting for the writer.
class Line {
 public:
  explicit Line(std::size_t makers) : makers_(makers) {}

  // False when the writer has given up (an error): the maker stops.
  bool push(Made made) {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return items_.size() < kWaitingDocuments || stopped_; });
    if (stopped_) return false;
    items_.push_back(std::move(made));
    ready_.notify_one();
    return true;
  }
  // Empty once every maker is done and the line is empty, or as soon as a maker failed.
  std::optional<Made> pop() {
    std::unique_lock lock(mutex_);
    ready_.wait(lock, [&] { return !items_.empty() || makers_ == 0 || error_; });
    if (items_.empty() || error_) return std::nullopt;
    Made made = std::move(items_.front());
    items_.pop_front();
    room_.notify_one();
    return made;
  }
  void maker_done(std::exception_ptr error, const SpellingCounts& counts) {
    std::lock_guard lock(mutex_);
    if (error && !error_) error_ = error;
    for (const auto& [word, frequency] : counts) spelling_[word] += frequency;
    --makers_;
    ready_.notify_all();
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    room_.notify_all();
  }
  std::exception_ptr error() {
    std::lock_guard lock(mutex_);
    return error_;
  }
  // Every maker's spelling counts, summed. Precondition: pop() returned empty.
  const SpellingCounts& spelling() const { return spelling_; }

 private:
  std::mutex mutex_;
  std::condition_variable room_, ready_;
  std::deque<Made> items_;
  std::size_t makers_;
  bool stopped_ = false;
  std::exception_ptr error_;
  SpellingCounts spelling_;
};

// Each maker sums the spelling counts of its documents and keeps the synonyms it has sent: the
// same words come back in nearly every document, and counting them in the one writing thread
// made it the bottleneck.
void make_documents(Line& line, const std::string& lang, const SearchOptions& options,
                    const std::vector<std::int64_t>& ids, std::atomic<std::size_t>& next,
                    const PageSource& source) {
  std::exception_ptr error;
  SpellingCounts spelling;
  try {
    const LanguageAnalysis analysis = analysis_for(lang);  // one per thread (language_analysis.h)
    KnownSynonyms sent;
    for (std::size_t i = next++; i < ids.size(); i = next++) {
      Made made;
      if (std::optional<engine::IndexablePage> page = source(ids[i])) {
        made.doc = build_document(*page, analysis, options.title_weight);
        DocumentVocabulary vocabulary = vocabulary_of(*made.doc, *page);
        for (const auto& [word, wdf] : vocabulary.words) spelling[word] += wdf;
        for (auto& synonym : vocabulary.synonyms) {
          if (sent.insert(synonym.first + '\0' + synonym.second).second) {
            made.synonyms.push_back(std::move(synonym));
          }
        }
      }
      if (!line.push(std::move(made))) break;
    }
  } catch (...) {
    error = std::current_exception();
  }
  try {
    line.maker_done(error, spelling);
  } catch (...) {  // no memory to merge the counts: the writer must still hear that this maker is done
    line.maker_done(std::current_exception(), {});
  }
}

void write_documents(Line& line, Xapian::WritableDatabase& db, std::size_t total,
                     const ReindexProgress& progress) {
  KnownSynonyms known;  // across makers
  std::size_t done = 0, written = 0;
  while (std::optional<Made> made = line.pop()) {
    if (made->doc) {
      db.add_document(*made->doc);
      add_synonyms(db, made->synonyms, known);
      if (++written % kCommitEvery == 0) db.commit();
    }
    if (progress) progress(++done, total);
  }
  if (std::exception_ptr error = line.error()) std::rethrow_exception(error);
  for (const auto& [word, frequency] : line.spelling()) db.add_spelling(word, frequency);
  db.set_metadata(fields::kFormatKey, fields::kFormat);
  db.commit();
}

// Rewrites the index with full blocks: each commit left the chunks it rewrote half empty.
void compact(const std::filesystem::path& dir) {
  const std::filesystem::path packed = dir.string() + ".packed";
  std::filesystem::remove_all(packed);
  Xapian::Database(dir.string()).compact(packed.string(), Xapian::DBCOMPACT_NO_RENUMBER);
  std::filesystem::remove_all(dir);
  std::filesystem::rename(packed, dir);
}

}  // namespace

void build_index(const std::filesystem::path& dir, const std::string& lang,
                 const SearchOptions& options, const std::vector<std::int64_t>& ids,
                 const PageSource& source, const ReindexProgress& progress) {
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE);
  // One maker per core, but not so many that they hold every reader connection of the wiki while
  // people read it (engine::Options::reader_connections, 8).
  const std::size_t makers = std::clamp(std::thread::hardware_concurrency(), 1u, 4u);
  Line line(makers);
  std::atomic<std::size_t> next{0};
  std::vector<std::jthread> threads;  // joined as they go out of scope, after line.stop()
  try {
    for (std::size_t t = 0; t < makers; ++t) {
      threads.emplace_back([&] { make_documents(line, lang, options, ids, next, source); });
    }
    write_documents(line, db, ids.size(), progress);
  } catch (...) {
    line.stop();  // the makers end
    throw;
  }
  db.close();
  compact(dir);  // 57 MiB → 29 MiB at 5,000 articles (docs/performance.md)
}

}  // namespace kidwiki::search
