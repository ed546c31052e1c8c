#include "edition_index.h"

#include "document_builder.h"
#include "fields.h"
#include "vocabulary.h"

namespace kidwiki::search {
namespace {

// Bumped whenever fields.h or the way text is folded changes: older indexes are rebuilt.
constexpr const char* kFormatKey = "kidwiki-format";
constexpr const char* kFormat = "1";

Xapian::WritableDatabase open_writer(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
  if (db.get_metadata(kFormatKey) != kFormat) {
    db.close();
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    db = Xapian::WritableDatabase(dir.string(), Xapian::DB_CREATE);
    db.set_metadata(kFormatKey, kFormat);
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
  const std::string term = id_term(page.page_id);
  std::lock_guard lock(write_mutex_);
  forget(term);
  add_vocabulary(writer_, doc, page, known_synonyms_);
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

std::vector<std::int64_t> EditionIndex::indexed_page_ids() {
  std::lock_guard lock(write_mutex_);
  std::vector<std::int64_t> ids;
  const std::string prefix(fields::kPageId);
  for (auto it = writer_.allterms_begin(prefix); it != writer_.allterms_end(prefix); ++it) {
    ids.push_back(std::stoll((*it).substr(prefix.size())));
  }
  return ids;
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
