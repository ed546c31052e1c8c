// Saving: who may, the version the actor works on, three-way merges, rendering, the write.
//
// Each actor edits their own line: their unpublished revision when they have one, else the
// published text (store/review_store.h). A stale base is merged with that line's newest version,
// never with someone else's unpublished text; and a line is merged with what was published since
// it started whenever it is published (here for a save that needs no review, in wiki_review.cpp
// for an approval). So a pupil's pending text never reaches another pupil, and neither pupil's
// work is lost: the second is merged when the first is reviewed.
//
// Rendering user text takes milliseconds (and up to the sandbox's limit for a hostile text), so it
// happens outside the writer lock: the page is read, the text resolved and rendered, then the
// write checks under the lock that nobody changed the page in between, and starts again if
// someone did.
#include "engine/diff.h"
#include "filter/added_text.h"
#include "filter/filter_findings.h"
#include "i18n/text.h"
#include "notify/notification_events.h"
#include "policy/edit_policy.h"
#include "policy/revision_visibility.h"
#include "store/clock.h"
#include "store/media_store.h"
#include "store/page_writer.h"
#include "store/review_store.h"
#include "store/stale_views.h"
#include "wiki/text_form.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {

struct WikiImpl::Snapshot {
  std::optional<PageRow> page;
  std::optional<StoredRevision> published;  // what readers see
  std::optional<StoredRevision> own;        // the actor's unpublished version
  std::optional<std::int64_t> own_root;     // where the actor's line started
  std::string own_root_text;                // its text ("" for a new page)
  std::optional<StoredRevision> base;       // the request's base, when it exists for the actor
  // A file page's pictures, as the published and the actor's own revision carry them.
  std::optional<FileInfo> published_file;
  std::optional<FileInfo> own_file;
};

struct WikiImpl::Prepared {
  std::optional<PageRow> page;         // the page as it was read; empty: to be created
  std::string text;                    // the text to save, merged when needed
  std::optional<std::int64_t> parent;  // the revision the text was made from
  SaveStatus status = SaveStatus::saved;
  std::optional<RenderResult> render;  // empty for a null edit
  bool held = false;                   // a content filter holds it for review
  SaveOutcome unchanged;  // for a null edit: the revision the text equals, and its review state
  std::optional<FileInfo> file;  // the picture the new revision carries (file pages)
};

namespace {

constexpr int kOptimisticAttempts = 3;

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

Error conflict_with(std::int64_t current) {
  return make_error(ErrorCode::conflict, "error-edit-conflict", {{"current_revision_id", current}});
}

Error base_not_found(std::int64_t id) {
  return make_error(ErrorCode::not_found, "error-base-not-found", {{"id", id}});
}

// The error for the first match the filter refuses, with where it is (docs/api.md, "refused"),
// so that the writer's editor can select it.
Error refused_at(const FilterFinding& found) {
  return make_error(ErrorCode::unprocessable, found.message_id,
                    {{"rule", found.rule},
                     {"field", found.field},
                     {"start", found.start},
                     {"length", found.length},
                     {"excerpt", found.excerpt}});
}

// `checked` is what the filter read: the field itself, or the lines an edit added to it; `typed`
// the field as its writer sent it, when the filter read a merge of it.
std::optional<Error> refusal(const FilterResult& found, std::string_view field,
                             std::string_view field_text, const AddedText* checked = nullptr,
                             std::string_view typed = {}) {
  auto refused = findings_of(found, FilterAction::refuse, field, field_text, checked);
  if (refused.empty()) return std::nullopt;
  if (!typed.empty() && typed != field_text) relocate(refused.front(), typed);
  return refused_at(refused.front());
}

std::optional<std::int64_t> id_of(const std::optional<StoredRevision>& rev) {
  if (!rev) return std::nullopt;
  return rev->info.id;
}

}  // namespace

WikiImpl::Snapshot WikiImpl::load_snapshot(const Actor& actor, const Edition& ed,
                                           const Title& title,
                                           std::optional<std::int64_t> base_id) {
  Snapshot s;
  s.page = find_page(*writer_, ed.id, title);
  if (s.page && s.page->visible_revision_id) {
    s.published = load_revision(*writer_, ed.id, *s.page->visible_revision_id);
  }
  if (s.page && actor.id()) {
    s.own = unpublished_head(*writer_, ed.id, s.page->id, *actor.id());
    if (s.own) {
      s.own_root = line_root(*writer_, s.own->info);
      if (s.own_root) {
        if (auto root = load_revision(*writer_, ed.id, *s.own_root)) s.own_root_text = root->markdown;
      }
    }
  }
  if (title.ns == Namespace::file) {
    if (s.published) s.published_file = file_of_revision(*writer_, s.published->info.id);
    if (s.own) s.own_file = file_of_revision(*writer_, s.own->info.id);
  }
  if (base_id) {
    auto base = load_revision(*writer_, ed.id, *base_id);
    // A base the actor may not see (someone else's pending text, a hidden revision) is no base.
    if (base && policy::may_see(*writer_, actor, base->info)) s.base = std::move(base);
  }
  return s;
}

namespace {

// Whether a save from `base` continues the actor's own line (merged with its newest version) rather
// than the published text. It does, unless the actor has no line, or they re-did their work on the
// newest published text because their line had fallen behind it (a conflict screen's second
// save): a new line then starts from the published text, and the old one is superseded when the
// new one is approved. So an old tab's save is merged with the actor's own pending work, never
// dropped.
bool continues_own_line(const Actor& actor, const StoredRevision& base,
                        const std::optional<StoredRevision>& own,
                        const std::optional<std::int64_t>& own_root,
                        const std::optional<StoredRevision>& published) {
  if (!own) return false;
  if (actor.id() && base.info.author_id == actor.id() && base.info.review != ReviewState::approved) {
    return true;
  }
  const bool redone_on_published =
      published && base.info.id == published->info.id && own_root != published->info.id;
  return !redone_on_published;
}

}  // namespace

Result<WikiImpl::Prepared> WikiImpl::prepare_save(const Actor& actor, const Edition& ed,
                                                  const Title& title, const SaveRequest& request,
                                                  const Snapshot& snap, bool sandboxed,
                                                  const FileInfo* new_file) {
  Prepared p;
  p.page = snap.page;
  p.text = normalize_text(request.markdown);
  // The version this save continues: the actor's own line, or the published text.
  const std::optional<StoredRevision>* head = &snap.published;
  if (!request.base_revision_id) {
    if (snap.own) head = &snap.own;
  } else if (!snap.base || !snap.page || snap.base->info.page_id != snap.page->id) {
    return base_not_found(*request.base_revision_id);
  } else if (continues_own_line(actor, *snap.base, snap.own, snap.own_root, snap.published)) {
    head = &snap.own;
  }
  const bool own_line = head == &snap.own;
  // A description edit keeps the picture of the version it continues; an upload brings its own.
  p.file = own_line ? snap.own_file : snap.published_file;
  const bool picture_changes = new_file && (!p.file || p.file->sha256 != new_file->sha256 ||
                                            p.file->licence != new_file->licence ||
                                            p.file->author != new_file->author ||
                                            p.file->source != new_file->source);
  if (new_file) p.file = *new_file;
  if (!request.base_revision_id) {
    if (*head && (*head)->markdown != p.text) {
      return make_error(ErrorCode::exists, "error-page-exists", {{"title", full_title(title, ed.names)}});
    }
    if (!*head) p.status = SaveStatus::created;
  } else if (!*head) {
    return base_not_found(*request.base_revision_id);  // nothing left to build on (hidden)
  } else if (snap.base->info.id != (*head)->info.id) {
    auto merged = merge3(snap.base->markdown, p.text, (*head)->markdown);
    if (!merged) return conflict_with((*head)->info.id);
    p.text = normalize_text(*merged);
    p.status = SaveStatus::merged;
  }
  p.parent = id_of(*head);
  // The same text on a sent-back revision is not a null edit: its author sends it for review again.
  const bool resubmits = own_line && (*head)->info.review == ReviewState::rejected;
  if (*head && (*head)->markdown == p.text && !resubmits && !picture_changes) {
    p.status = SaveStatus::null_edit;
    p.unchanged = SaveOutcome{(*head)->info.id, SaveStatus::null_edit, (*head)->info.review};
    return p;
  }
  // The actor's line started before the published text changed: merge what was published since,
  // so that their revision holds both and nobody's work is lost.
  const std::string typed = p.text;  // before a merge: what the writer has on screen
  if (own_line && snap.published && snap.own_root != id_of(snap.published)) {
    auto merged = merge3(snap.own_root_text, p.text, snap.published->markdown);
    if (!merged) return conflict_with(snap.published->info.id);
    p.text = normalize_text(*merged);
    p.parent = snap.published->info.id;
    p.status = SaveStatus::merged;
  }
  if (sandboxed) {  // text from a user (seeding saves trusted text)
    const std::string new_title = *head ? "" : full_title(title, ed.names);
    const std::string published = snap.published ? snap.published->markdown : "";
    auto held = filter_save(ed, published, p.text, typed, request.summary, new_title);
    if (!held) return held.error();
    p.held = held.value();
  }
  auto rendered = render(ed, p.text, sandboxed);
  if (!rendered) return rendered.error();
  p.render = std::move(rendered).value();
  return p;
}

Result<bool> WikiImpl::filter_save(const Edition& ed, const std::string& published,
                                   const std::string& text, const std::string& typed,
                                   const std::string& summary,
                                   const std::string& new_title) const {
  const auto kept = moderation_->content_filter(ed);  // an admin may replace it meanwhile
  const ContentFilter& filter = *kept;
  const AddedText added = added_lines(published, text);
  const FilterResult in_text = filter.check_text(added.text);
  const FilterResult in_summary = filter.check_summary(summary);
  const FilterResult in_title = filter.check_summary(new_title);
  if (auto refused = refusal(in_text, "text", text, &added, typed)) return *refused;
  if (auto refused = refusal(in_summary, "summary", summary)) return *refused;
  if (auto refused = refusal(in_title, "title", new_title)) return *refused;
  return in_text.held() || in_summary.held() || in_title.held();
}

Status WikiImpl::filter_line(const Edition& ed, std::string_view field,
                             std::string_view line) const {
  const FilterResult found = moderation_->content_filter(ed)->check_summary(line);
  if (auto refused = refusal(found, field, line)) return *refused;
  // What the filter would hold is refused too: a move is published at once, it cannot wait.
  auto held = findings_of(found, FilterAction::hold, field, line);
  if (!held.empty()) return refused_at(held.front());
  return Ok{};
}

Status WikiImpl::may_edit(const Actor& actor, const Edition& ed, const Title& title, bool move) {
  return guard_storage([&]() -> Status {
    auto reader = readers_->lease();
    return policy::may_change(*reader, actor, ed, find_page(*reader, ed.id, title), move,
                              unix_now(options_.clock));
  });
}

Result<SaveOutcome> WikiImpl::save(const Actor& actor, const Edition& ed, const Title& title,
                                   const SaveRequest& request) {
  return save_with(actor, ed, title, request, /*sandboxed=*/true);
}

Result<SaveOutcome> WikiImpl::save_trusted(const Edition& ed, const Title& title,
                                           const SaveRequest& request) {
  return save_with(Actor::console(), ed, title, request, /*sandboxed=*/false);
}

// A few optimistic attempts render outside the writer lock. If others keep saving the same page
// in between (a whole class at once), the last attempt holds the lock from reading to writing,
// so every save ends: saved, merged, or a real conflict.
Result<SaveOutcome> WikiImpl::save_with(const Actor& actor, const Edition& ed, const Title& title,
                                        const SaveRequest& request, bool sandboxed,
                                        const FileInfo* new_file) {
  if (auto invalid = validate(request, options_)) return *invalid;
  return guard_storage([&]() -> Result<SaveOutcome> {
    for (int attempt = 0; attempt <= kOptimisticAttempts; ++attempt) {
      const bool last = attempt == kOptimisticAttempts;
      std::unique_lock lock(writer_mutex_);
      Snapshot snap = load_snapshot(actor, ed, title, request.base_revision_id);
      if (auto refused = policy::may_change(*writer_, actor, ed, snap.page, false,
                                            unix_now(options_.clock));
          !refused) {
        return refused.error();
      }
      if (!last) lock.unlock();
      auto prepared = prepare_save(actor, ed, title, request, snap, sandboxed, new_file);
      if (!prepared) return prepared.error();
      std::optional<Result<SaveOutcome>> written;
      std::vector<Title> stale;  // the views this save changes, once committed
      auto write = [&] {  // may run twice (group_commit.h)
        stale.clear();
        written = write_save(actor, ed, title, request, prepared.value(), stale);
      };
      if (last) {  // still holding the lock taken before the snapshot
        db::Transaction tx(*writer_);
        write();
        tx.commit();
      } else {
        commits_->run(write);
      }
      if (written) {
        views_.touch(ed.id, stale);
        return *written;
      }
    }
    throw std::logic_error("a save under the writer lock found the page changed");
  });
}

std::optional<Result<SaveOutcome>> WikiImpl::write_save(const Actor& actor, const Edition& ed,
                                                        const Title& title,
                                                        const SaveRequest& request,
                                                        const Prepared& p,
                                                        std::vector<Title>& stale) {
  auto now = find_page(*writer_, ed.id, title);
  const bool unchanged =
      (!now && !p.page) || (now && p.page && now->latest_revision_id == p.page->latest_revision_id &&
                            now->visible_revision_id == p.page->visible_revision_id);
  if (!unchanged) return std::nullopt;
  if (p.status == SaveStatus::null_edit) return Result<SaveOutcome>(p.unchanged);
  PageRow page = now ? *now : PageRow{insert_page(*writer_, ed.id, title), ed.id, title, {}, {}, false};
  NewRevision rev{page.id, p.parent, actor.name(), normalize_summary(request.summary),
                  p.text, p.render->html, p.render->plain_text, meta_of(*p.render)};
  rev.author_id = actor.id();
  const bool pending = p.held || policy::needs_review(*writer_, actor);
  rev.review = pending ? ReviewState::pending : ReviewState::approved;
  const std::int64_t id = insert_revision(*writer_, rev);
  if (p.file) attach_file(*writer_, id, *p.file);
  set_latest(*writer_, page.id, id);
  tell_saved(*writer_, actor, page.id, id, pending);
  // A pending revision changes nothing readers see: no link tables, no search entry. A save that
  // needs no review publishes its author's own line with it: the pending revisions below were
  // reviewed with this one (they went through the same filters, measured from the published text).
  if (!pending) {
    record_decision(*writer_, id, ReviewState::approved, actor.id(), "");
    RevisionInfo saved;
    saved.id = id;
    saved.page_id = page.id;
    saved.author_id = actor.id();
    for (const auto& below : pending_line(*writer_, saved)) mark_superseded(*writer_, below.id, id);
    if (title.ns == Namespace::talk) {
      auto before = page.visible_revision_id ? load_revision(*writer_, ed.id, *page.visible_revision_id)
                                             : std::nullopt;
      tell_replies(*writer_, page.id, id, before ? before->markdown : "", p.text);
    }
    stale = stale_views(*writer_, ed.id, page.id, title, !page.visible_revision_id || p.file);
    publish(*writer_, page, id, rev.meta);
    add_categories(stale, rev.meta);
  }
  return Result<SaveOutcome>(SaveOutcome{id, p.status, rev.review});
}

Result<SaveOutcome> WikiImpl::revert(const Actor& actor, const Edition& ed, const Title& title,
                                     std::int64_t revision_id, const std::string& summary) {
  auto old = visible_revision(actor, ed, revision_id);
  if (!old) return old.error();
  // A hidden revision's text (personal information, say) must not come back by a revert.
  if (old->info.hidden) return make_error(ErrorCode::forbidden, "moderation-error-revert-hidden");
  // Text nobody approved (waiting, or sent back) would skip its review through someone else's
  // revert; its author may take it up again, and the new save is reviewed as any of theirs.
  if (old->info.review != ReviewState::approved && old->info.author_id != actor.id()) {
    return make_error(ErrorCode::forbidden, "review-error-revert-not-approved", {{"id", revision_id}});
  }
  auto current = read_own(actor, ed, title);
  if (!current) return current.error();
  if (old->info.page_id != current->revision.page_id) {
    return make_error(ErrorCode::wrong_page, "error-revert-wrong-page", {{"id", revision_id}});
  }
  std::string text = summary;
  if (text.empty()) {
    text = i18n::Messages::builtin().format(ed.lang, "summary-revert",
                                            {{"id", revision_id}, {"author", old->info.author}});
  }
  // A file page's old version brings its own picture back with its text.
  std::optional<FileInfo> old_file;
  if (title.ns == Namespace::file) {
    auto found = guard_storage([&]() -> Result<std::optional<FileInfo>> {
      auto reader = readers_->lease();
      return file_of_revision(*reader, revision_id);
    });
    if (!found) return found.error();
    old_file = std::move(found).value();
  }
  return save_with(actor, ed, title, SaveRequest{old->markdown, text, current->revision.id},
                   /*sandboxed=*/true, old_file ? &*old_file : nullptr);
}

}  // namespace kidwiki::engine
