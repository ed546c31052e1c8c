#include "edition_index.h"

#include "document_builder.h"
#include "fields.h"
#include "vocabulary.h"

namespace kidwiki::search {
namespace {

std::filesystem::path beside(const std::filesystem::path& dir, const char* suffix) {
  return dir.parent_path() / (dir.filename().string() + suffix);
}

// A crash in the middle of EditionIndex::replace_with_built() leaves no index at `dir`: the new one
// (complete: the swap starts once it is built and compacted) or else the old one takes its place.
void finish_interrupted_swap(const std::filesystem::path& dir) {
  if (std::filesystem::exists(dir)) return;
  for (const char* suffix : {".building", ".old"}) {
    if (std::filesystem::exists(beside(dir, suffix))) {
      std::filesystem::rename(beside(dir, suffix), dir);
      return;
    }
  }
}

Xapian::WritableDatabase open_writer(const std::filesystem::path& dir) {
  finish_interrupted_swap(dir);
  std::filesystem::create_directories(dir);
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
  // Only once the write lock is ours (a second process is refused above): what an interrupted
  // rebuild left, its half-built or half-compacted index, or the old one it replaced.
  for (const char* suffix : {".building", ".building.packed", ".old"}) {
    std::filesystem::remove_all(beside(dir, suffix));
  }
  if (db.get_metadata(fields::kFormatKey) != fields::kFormat) {
    db.close();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    db = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE);
    db.set_metadata(fields::kFormatKey, fields::kFormat);
    db.commit();
  }
  return db;
}

}  // namespace

EditionIndex::EditionIndex(const std::filesystem::path& dir, std::string lang,
                           const SearchOptions& options)
    : dir_(dir),
      lang_(std::move(lang)),
      options_(options),
      analysis_(analysis_for(lang_)),
      writer_(open_writer(dir)) {}

void EditionIndex::forget(const std::string& term) {
  auto it = writer_.postlist_begin(term);
  if (it != writer_.postlist_end(term)) remove_vocabulary(writer_, writer_.get_document(*it));
}

void EditionIndex::put(const engine::IndexablePage& page) {
  const Xapian::Document doc = build_document(page, analysis_, options_.title_weight);
  const DocumentVocabulary vocabulary = vocabulary_of(doc, page);
  const std::string term = id_term(page.page_id);
  std::lock_guard lock(write_mutex_);
  forget(term);
  add_vocabulary(writer_, vocabulary, known_synonyms_);
  writer_.replace_document(term, doc);
}

void EditionIndex::remove(std::int64_t page_id) {
  const std::string term = id_term(page_id);
  std::lock_guard lock(write_mutex_);
  forget(term);
  writer_.delete_document(term);
}

void EditionIndex::commit() {
  std::lock_guard lock(write_mutex_);
  writer_.commit();
}

Xapian::doccount EditionIndex::document_count() {
  std::lock_guard lock(write_mutex_);
  return writer_.get_doccount();
}

std::filesystem::path EditionIndex::building_dir() const { return beside(dir_, ".building"); }

void EditionIndex::replace_with_built() {
  std::lock_guard lock(write_mutex_);
  std::unique_lock no_readers(swap_mutex_);  // queries wait the few renames out
  writer_.close();
  const std::filesystem::path old = beside(dir_, ".old");
  try {
    std::filesystem::rename(dir_, old);
    std::filesystem::rename(building_dir(), dir_);
  } catch (...) {
    writer_ = open_writer(dir_);  // the old index back in its place (finish_interrupted_swap)
    throw;
  }
  {
    std::lock_guard pool_lock(pool_mutex_);
    pool_.clear();  // readers of the old index: none is in use (swap_mutex_)
  }
  writer_ = open_writer(dir_);  // which deletes the old index
  known_synonyms_.clear();
}

EditionIndex::Lease::Lease(EditionIndex& owner) : index(owner) {
  {
    std::lock_guard lock(index.pool_mutex_);
    if (!index.pool_.empty()) {
      db = std::move(index.pool_.back());
      index.pool_.pop_back();
    }
  }
  if (!db) db = std::make_unique<Xapian::Database>(index.dir_.string());
}

EditionIndex::Lease::~Lease() {
  std::lock_guard lock(index.pool_mutex_);
  index.pool_.push_back(std::move(db));
}

}  // namespace kidwiki::search
