// Imports: one source revision at a time through the save's own checks (engine/import.h).
//
// One revision at a time under the writer mutex: an import is a console batch. "Already imported?"
// is asked again inside the transaction that writes, so two imports of the same dump (two
// processes) cannot both write a revision.
#include "engine/import.h"
#include "i18n/text.h"
#include "policy/edit_policy.h"
#include "store/clock.h"
#include "store/import_store.h"
#include "store/page_writer.h"
#include "store/review_store.h"
#include "store/stale_views.h"
#include "wiki/text_form.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {
namespace {

// "2019-03-02T10:00:00Z": the form every timestamp of the database has, so that history sorts.
bool iso8601_utc(std::string_view t) {
  static constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (t.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const bool digit = t[i] >= '0' && t[i] <= '9';
    if (kShape[i] == 'd' ? !digit : t[i] != kShape[i]) return false;
  }
  return true;
}

std::optional<Error> invalid_import(const ImportedRevision& r, const Options& o) {
  if (r.source.empty() || r.source_id.empty()) {
    return make_error(ErrorCode::invalid_input, "import-error-no-source");
  }
  if (!r.timestamp.empty() && !iso8601_utc(r.timestamp)) {
    return make_error(ErrorCode::invalid_input, "import-error-timestamp",
                      {{"timestamp", r.timestamp}});
  }
  if (!i18n::is_valid_utf8(r.markdown) || !i18n::is_valid_utf8(r.summary) ||
      !i18n::is_valid_utf8(r.author)) {
    return make_error(ErrorCode::invalid_input, "error-text-invalid-utf8");
  }
  if (r.markdown.size() > o.max_markdown_bytes) {
    return make_error(ErrorCode::too_large, "error-text-too-large",
                      {{"limit", static_cast<std::int64_t>(o.max_markdown_bytes)}});
  }
  return std::nullopt;
}

}  // namespace

Result<ImportOutcome> WikiImpl::import_revision(const Actor& actor, const Edition& ed,
                                                const ImportedRevision& in) {
  if (!actor.may(Action::configure_edition)) {
    return make_error(ErrorCode::forbidden, "import-error-forbidden");
  }
  if (auto invalid = invalid_import(in, options_)) return *invalid;
  auto title = parse_title(ed, in.title);
  if (!title) return title.error();
  return guard_storage([&]() -> Result<ImportOutcome> {
    std::unique_lock lock(writer_mutex_);
    if (auto done = imported_as(*writer_, ed.id, in.source, in.source_id)) {
      return ImportOutcome{ImportStatus::already_imported, *done};  // resuming: not rendered again
    }
    // Rendered before the transaction, so that a slow text never keeps another process's writes
    // waiting (the write lock is shared with a running server); the HTML does not depend on the
    // page's state, which the transaction reads.
    const std::string text = normalize_text(in.markdown);
    auto rendered = render(ed, text, /*sandboxed=*/true);  // a dump is text from elsewhere
    if (!rendered) return rendered.error();
    std::vector<Title> stale;
    db::Transaction tx(*writer_);
    // Checked again inside: another import of the same dump may have written it meanwhile.
    if (auto done = imported_as(*writer_, ed.id, in.source, in.source_id)) {
      return ImportOutcome{ImportStatus::already_imported, *done};
    }
    auto outcome = write_import(actor, ed, title.value(), in, text, rendered.value(), stale);
    if (!outcome) return outcome.error();  // nothing written: the transaction rolls back
    record_import(*writer_, ed.id, in.source, in.source_id, outcome->revision_id);
    tx.commit();
    views_.touch(ed.id, stale);
    return outcome;
  });
}

// Precondition: the caller holds writer_mutex_ inside a transaction.
Result<ImportOutcome> WikiImpl::write_import(const Actor& actor, const Edition& ed,
                                             const Title& title, const ImportedRevision& in,
                                             const std::string& text, const RenderResult& rendered,
                                             std::vector<Title>& stale) {
  auto page = find_page(*writer_, ed.id, title);
  if (auto refused = policy::may_change(*writer_, actor, ed, page, false, unix_now(options_.clock));
      !refused) {
    return refused.error();
  }
  std::optional<StoredRevision> latest, published;
  if (page && page->latest_revision_id)
    latest = load_revision(*writer_, ed.id, *page->latest_revision_id);
  if (page && page->visible_revision_id)
    published = load_revision(*writer_, ed.id, *page->visible_revision_id);
  if (latest && latest->markdown == text)
    return ImportOutcome{ImportStatus::unchanged, latest->info.id};
  const std::string summary = normalize_summary(in.summary);
  auto held = filter_save(ed, published ? published->markdown : "", text, text, summary,
                          page ? "" : full_title(title, ed.names));
  if (!held) return held.error();
  PageRow row =
      page ? *page : PageRow{insert_page(*writer_, ed.id, title), ed.id, title, {}, {}, false};
  NewRevision rev{row.id,
                  latest ? std::optional(latest->info.id) : std::nullopt,
                  in.author,
                  summary,
                  text,
                  rendered.html,
                  rendered.plain_text,
                  meta_of(rendered)};
  rev.created_at = in.timestamp;
  const bool pending = in.hold || held.value();
  rev.review = pending ? ReviewState::pending : ReviewState::approved;
  const std::int64_t id = insert_revision(*writer_, rev);
  set_latest(*writer_, row.id, id);
  if (pending) return ImportOutcome{ImportStatus::held, id};
  record_decision(*writer_, id, ReviewState::approved, std::nullopt, "");
  stale = stale_views(*writer_, ed.id, row.id, title, !row.visible_revision_id);
  publish(*writer_, row, id, rev.meta);
  add_categories(stale, rev.meta);
  return ImportOutcome{ImportStatus::published, id};
}

}  // namespace kidwiki::engine
