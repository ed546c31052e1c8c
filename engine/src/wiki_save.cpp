// Saving: validation, three-way merge with edits made since the base, rendering, and the write.
//
// Rendering user text takes milliseconds (and up to the sandbox's limit for a hostile text), so it
// happens outside the writer lock: the page is read, the text resolved and rendered, then the
// write checks under the lock that nobody saved in between, and starts again if someone did.
#include <algorithm>

#include "added_text.h"
#include "engine/diff.h"
#include "i18n/text.h"
#include "page_writer.h"
#include "wiki_impl.h"

namespace kidwiki::engine {

struct WikiImpl::Prepared {
  std::optional<PageRow> page;              // the page as it was read; empty: to be created
  std::string text;                         // the text to save, merged when needed
  SaveStatus status = SaveStatus::saved;
  std::optional<RenderResult> render;       // empty for a null edit
  bool held = false;                        // a content filter holds it for review
  // Merged with pending text its editor never saw: it cannot publish what nobody reviewed.
  bool absorbs_pending = false;
  SaveOutcome unchanged;  // for a null edit: the revision the text equals, and its review state
};

namespace {

constexpr int kOptimisticAttempts = 3;

// Line endings as \n, NFC, no trailing white space: the form every stored text has, so that
// equal texts compare equal (null edits) and merges see the same lines.
std::string normalize_text(std::string_view raw) {
  std::string s;
  s.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      s += '\n';
    } else {
      s += raw[i];
    }
  }
  s = i18n::to_nfc(s);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

std::optional<Error> validate(const SaveRequest& r, const Options& o) {
  if (r.markdown.size() > o.max_markdown_bytes) {
    return make_error(ErrorCode::too_large, "error-text-too-large",
                      {{"limit", static_cast<std::int64_t>(o.max_markdown_bytes)}});
  }
  if (!i18n::is_valid_utf8(r.markdown)) return make_error(ErrorCode::invalid_input, "error-text-invalid-utf8");
  if (r.summary.size() > o.max_summary_bytes) {
    return make_error(ErrorCode::too_large, "error-summary-too-long",
                      {{"limit", static_cast<std::int64_t>(o.max_summary_bytes)}});
  }
  if (!i18n::is_valid_utf8(r.summary)) return make_error(ErrorCode::invalid_input, "error-text-invalid-utf8");
  return std::nullopt;
}

// A summary is one line of text: line breaks and tabs become spaces.
std::string normalize_summary(std::string_view raw) {
  std::string s = i18n::to_nfc(raw);
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

std::optional<StoredRevision> newest_not_rejected(db::Connection& writer, std::int64_t edition_id,
                                                  std::int64_t page_id) {
  auto st = writer.prepare(
      "SELECT id FROM revision WHERE page_id = ? AND review_state != 'rejected'"
      " ORDER BY id DESC LIMIT 1");
  st.bind(1, page_id);
  if (!st.step()) return std::nullopt;
  return load_revision(writer, edition_id, st.int64(0));
}

// True when every pending revision of the page is the editor's own or by an author in `reviews`:
// only then may a save that needs no review publish them with it.
bool may_publish_pending(db::Connection& writer, std::int64_t page_id, const SaveRequest& request) {
  if (!request.reviews) return true;
  auto st = writer.prepare(
      "SELECT author_id FROM revision WHERE page_id = ? AND review_state = 'pending'");
  st.bind(1, page_id);
  while (st.step()) {
    const auto author = st.optional_int64(0);
    if (author && author == request.author_id) continue;
    if (!author || std::find(request.reviews->begin(), request.reviews->end(), *author) ==
                       request.reviews->end()) {
      return false;
    }
  }
  return true;
}

Error conflict_with(std::int64_t current) {
  return make_error(ErrorCode::conflict, "error-edit-conflict", {{"current_revision_id", current}});
}

}  // namespace

WikiImpl::Snapshot WikiImpl::load_snapshot(const Edition& ed, const Title& title,
                                           std::optional<std::int64_t> base_id) {
  Snapshot s;
  s.page = find_page(*writer_, ed.id, title);
  if (s.page && s.page->latest_revision_id) {
    s.current = load_revision(*writer_, ed.id, *s.page->latest_revision_id);
  }
  // A sent-back revision is not something to merge with: only its author, editing on top of it,
  // builds on it. Everyone else edits the page as if it had never been written.
  if (s.current && s.current->info.review == ReviewState::rejected && base_id != s.current->info.id) {
    s.current = newest_not_rejected(*writer_, ed.id, s.page->id);
  }
  if (base_id) s.base = load_revision(*writer_, ed.id, *base_id);
  if (s.page && s.page->visible_revision_id) {
    if (s.current && s.current->info.id == *s.page->visible_revision_id) {
      s.published = s.current->markdown;
    } else if (auto seen = load_revision(*writer_, ed.id, *s.page->visible_revision_id)) {
      s.published = seen->markdown;
    }
  }
  return s;
}

Result<WikiImpl::Prepared> WikiImpl::prepare_save(const Edition& ed, const Title& title,
                                                  const SaveRequest& request, const Snapshot& snap,
                                                  bool sandboxed) {
  Prepared p;
  p.page = snap.page;
  p.text = normalize_text(request.markdown);
  const auto& current = snap.current;
  const auto& base = snap.base;
  if (!current) {
    if (request.base_revision_id) {
      return make_error(ErrorCode::not_found, "error-base-not-found", {{"id", *request.base_revision_id}});
    }
    p.status = SaveStatus::created;
  } else if (!request.base_revision_id) {
    if (current->markdown != p.text) {
      return make_error(ErrorCode::exists, "error-page-exists", {{"title", full_title(title, ed.names)}});
    }
  } else if (!base || base->info.page_id != p.page->id) {
    return make_error(ErrorCode::not_found, "error-base-not-found", {{"id", *request.base_revision_id}});
  } else if (base->info.id != current->info.id) {
    auto merged = merge3(base->markdown, p.text, current->markdown);
    if (!merged) return conflict_with(current->info.id);
    p.text = normalize_text(*merged);
    p.status = SaveStatus::merged;
    p.absorbs_pending = current->info.review == ReviewState::pending;
  }
  if (current && current->markdown == p.text) {
    p.status = SaveStatus::null_edit;
    p.unchanged = SaveOutcome{current->info.id, SaveStatus::null_edit, current->info.review};
    return p;
  }
  if (sandboxed) {  // text from a user (seeding saves trusted text)
    const std::string new_title = current ? "" : full_title(title, ed.names);
    auto held = filter_save(ed, snap.published, p.text, request.summary, new_title);
    if (!held) return held.error();
    p.held = held.value();
  }
  auto rendered = render(ed, p.text, sandboxed);
  if (!rendered) return rendered.error();
  p.render = std::move(rendered).value();
  return p;
}

namespace {

std::optional<Error> refusal(const FilterResult& found) {
  for (const auto& match : found.matches) {
    if (match.action == FilterAction::refuse) {
      return make_error(ErrorCode::unprocessable, match.message_id, {{"rule", match.rule}});
    }
  }
  return std::nullopt;
}

}  // namespace

Result<bool> WikiImpl::filter_save(const Edition& ed, const std::string& published,
                                   const std::string& text, const std::string& summary,
                                   const std::string& new_title) const {
  const auto kept = moderation_->content_filter(ed);  // an admin may replace it meanwhile
  const ContentFilter& filter = *kept;
  const FilterResult found[] = {filter.check_text(added_lines(published, text)),
                                filter.check_summary(summary), filter.check_summary(new_title)};
  bool held = false;
  for (const auto& result : found) {
    if (auto refused = refusal(result)) return *refused;
    held = held || result.held();
  }
  return held;
}

Status WikiImpl::filter_line(const Edition& ed, std::string_view line) const {
  const FilterResult found = moderation_->content_filter(ed)->check_summary(line);
  if (auto refused = refusal(found)) return *refused;
  // What the filter would hold is refused too: a move is published at once, it cannot wait.
  if (found.held()) {
    const FilterMatch& first = found.matches.front();
    return make_error(ErrorCode::unprocessable, first.message_id, {{"rule", first.rule}});
  }
  return Ok{};
}

Result<SaveOutcome> WikiImpl::save(const Edition& ed, const Title& title, const SaveRequest& request) {
  return save_with(ed, title, request, /*sandboxed=*/true);
}

Result<SaveOutcome> WikiImpl::save_trusted(const Edition& ed, const Title& title,
                                           const SaveRequest& request) {
  return save_with(ed, title, request, /*sandboxed=*/false);
}

// A few optimistic attempts render outside the writer lock. If others keep saving the same page
// in between (a whole class at once), the last attempt holds the lock from reading to writing,
// so every save ends: saved, merged, or a real conflict.
Result<SaveOutcome> WikiImpl::save_with(const Edition& ed, const Title& title,
                                        const SaveRequest& request, bool sandboxed) {
  if (auto invalid = validate(request, options_)) return *invalid;
  return guard_storage([&]() -> Result<SaveOutcome> {
    for (int attempt = 0; attempt < kOptimisticAttempts; ++attempt) {
      Snapshot snap;
      {
        std::lock_guard lock(writer_mutex_);
        snap = load_snapshot(ed, title, request.base_revision_id);
      }
      auto prepared = prepare_save(ed, title, request, snap, sandboxed);
      if (!prepared) return prepared.error();
      std::lock_guard lock(writer_mutex_);
      if (auto written = write_save(ed, title, request, prepared.value())) return *written;
    }
    std::lock_guard lock(writer_mutex_);
    auto snap = load_snapshot(ed, title, request.base_revision_id);
    auto prepared = prepare_save(ed, title, request, snap, sandboxed);
    if (!prepared) return prepared.error();
    return *write_save(ed, title, request, prepared.value());
  });
}

std::optional<Result<SaveOutcome>> WikiImpl::write_save(const Edition& ed, const Title& title,
                                                        const SaveRequest& request,
                                                        const Prepared& p) {
  auto now = find_page(*writer_, ed.id, title);
  bool unchanged = (!now && !p.page) ||
                   (now && p.page && now->latest_revision_id == p.page->latest_revision_id);
  if (!unchanged) return std::nullopt;
  if (p.status == SaveStatus::null_edit) {
    return Result<SaveOutcome>(p.unchanged);
  }
  db::Transaction tx(*writer_);
  PageRow page = now ? *now : PageRow{insert_page(*writer_, ed.id, title), ed.id, title, {}, {}, false};
  NewRevision rev{page.id, page.latest_revision_id, request.author, normalize_summary(request.summary),
                  p.text, p.render->html, p.render->plain_text, meta_of(*p.render)};
  rev.author_id = request.author_id;
  const bool pending = request.needs_review || p.held || p.absorbs_pending ||
                       (now && !may_publish_pending(*writer_, now->id, request));
  rev.review = pending ? ReviewState::pending : ReviewState::approved;
  auto id = insert_revision(*writer_, rev);
  set_latest(*writer_, page.id, id);
  // A pending revision changes nothing readers see: no link tables, no search entry.
  // A save that needs no review publishes the text it was made on, pending parts included: its
  // author saw them in the editor, so they are approved with it.
  if (!pending) {
    set_review(*writer_, page.id, id, ReviewState::approved, request.author_id.value_or(0), "");
    publish(*writer_, page, id, rev.meta);
  }
  tx.commit();
  changes_.fetch_add(1, std::memory_order_release);
  return Result<SaveOutcome>(SaveOutcome{id, p.status, rev.review});
}

Result<SaveOutcome> WikiImpl::revert(const Edition& ed, const Title& title, std::int64_t revision_id,
                                     const std::string& summary, const Editor& editor) {
  auto old = revision(ed, revision_id);
  if (!old) return old.error();
  // A hidden revision's text (personal information, say) must not come back by a revert.
  if (old->info.hidden) return make_error(ErrorCode::forbidden, "moderation-error-revert-hidden");
  // Text nobody approved (waiting, or sent back) would skip its review through someone else's
  // revert; its author may take it up again, and the new save is reviewed as any of theirs.
  if (old->info.review != ReviewState::approved && !is_own_edit(revision_id, editor)) {
    return make_error(ErrorCode::forbidden, "review-error-revert-not-approved", {{"id", revision_id}});
  }
  auto page = guard_storage([&]() -> Result<PageRow> {
    std::lock_guard lock(writer_mutex_);
    auto p = find_page(*writer_, ed.id, title);
    if (!p) return make_error(ErrorCode::not_found, "error-page-not-found", {{"title", full_title(title, ed.names)}});
    return *p;
  });
  if (!page) return page.error();
  if (old->info.page_id != page->id) {
    return make_error(ErrorCode::wrong_page, "error-revert-wrong-page", {{"id", revision_id}});
  }
  std::string text = summary;
  if (text.empty()) {
    text = i18n::Messages::builtin().format(ed.lang, "summary-revert",
                                            {{"id", revision_id}, {"author", old->info.author}});
  }
  return save(ed, title, SaveRequest{old->markdown, text, page->latest_revision_id, editor.name,
                                     editor.id, editor.needs_review, editor.reviews});
}

}  // namespace kidwiki::engine
