// Renaming a page with its history, leaving a redirect behind, as MediaWiki does: the moved page
// gets a revision that records the move (the published text under the new title), the old title
// becomes "#REDIRECT [[New title]]", and an article's talk page moves with it when its new place
// is free. Unpublished lines stay with their page and are reviewed as before.
#include "i18n/text.h"
#include "policy/edit_policy.h"
#include "store/clock.h"
#include "store/media_store.h"
#include "store/page_writer.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {
namespace {

std::string move_summary(const Edition& ed, const Title& from, const Title& to,
                         const std::string& reason) {
  auto& m = i18n::Messages::builtin();
  auto text = m.format(ed.lang, "summary-move",
                       {{"from", full_title(from, ed.names)}, {"to", full_title(to, ed.names)}});
  return reason.empty() ? text : text + ": " + reason;
}

}  // namespace

void WikiImpl::move_in_transaction(const Actor& actor, const Edition& ed, const PageRow& page,
                                   const Title& to, const MoveRequest& request) {
  auto& w = *writer_;
  auto latest = load_revision(w, ed.id, *page.visible_revision_id);
  if (!latest) throw db::StorageError(0, "page without its published revision");
  rename_page(w, page.id, to);
  PageRow moved = page;
  moved.title = to;
  auto summary = move_summary(ed, page.title, to, request.reason);
  // The record of the move: the same text under the new title.
  NewRevision record{page.id, latest->info.id, actor.name(), summary, latest->markdown,
                     latest->html, latest->plain_text, decode_meta(latest->meta)};
  record.author_id = actor.id();
  auto record_id = insert_revision(w, record);
  if (auto file = file_of_revision(w, latest->info.id)) attach_file(w, record_id, *file);
  set_latest(w, page.id, record_id);
  publish(w, moved, record_id, record.meta);
  if (!request.leave_redirect) return;
  std::string text = "#REDIRECT [[" + full_title(to, ed.names) + "]]";
  auto rendered = render_markdown(text, render_context(ed));
  if (!rendered) throw std::logic_error("redirect text did not render");
  PageRow redirect{insert_page(w, ed.id, page.title), ed.id, page.title, {}, {}, false};
  NewRevision r{redirect.id, std::nullopt, actor.name(), summary, text, rendered->html,
                rendered->plain_text, meta_of(rendered.value())};
  r.author_id = actor.id();
  auto id = insert_revision(w, r);
  set_latest(w, redirect.id, id);
  publish(w, redirect, id, r.meta);
}

Result<Title> WikiImpl::move(const Actor& actor, const Edition& ed, const Title& title,
                             const MoveRequest& request) {
  auto to = parse_title(ed, request.new_title);
  if (!to) return to.error();
  if (to.value() == title) return make_error(ErrorCode::invalid_input, "error-move-same-title");
  // A picture stays a picture, under a picture's name; a text never becomes one.
  if ((title.ns == Namespace::file || to->ns == Namespace::file) &&
      (title.ns != to->ns || !has_picture_extension(to->text))) {
    return make_error(ErrorCode::invalid_input, "move-error-file-name");
  }
  if (request.reason.size() > options_.max_summary_bytes || !i18n::is_valid_utf8(request.reason)) {
    return make_error(ErrorCode::invalid_input, "error-move-bad-reason");
  }
  if (auto refused = filter_line(ed, "title", request.new_title); !refused) return refused.error();
  if (auto refused = filter_line(ed, "summary", request.reason); !refused) return refused.error();
  return guard_storage([&]() -> Result<Title> {
    std::lock_guard lock(writer_mutex_);
    auto page = find_page(*writer_, ed.id, title);
    if (!page || !page->visible_revision_id || page->deleted) {
      return make_error(ErrorCode::not_found, "error-page-not-found", {{"title", full_title(title, ed.names)}});
    }
    if (auto refused = policy::may_change(*writer_, actor, ed, page, /*move=*/true,
                                          unix_now(options_.clock));
        !refused) {
      return refused.error();
    }
    if (find_page(*writer_, ed.id, to.value())) {
      return make_error(ErrorCode::exists, "error-move-target-exists", {{"title", full_title(to.value(), ed.names)}});
    }
    db::Transaction tx(*writer_);
    move_in_transaction(actor, ed, *page, to.value(), request);
    if (title.ns == Namespace::article && to->ns == Namespace::article) {
      auto talk = find_page(*writer_, ed.id, talk_page_of(title));
      if (talk && talk->visible_revision_id && !talk->deleted &&
          !find_page(*writer_, ed.id, talk_page_of(to.value()))) {
        move_in_transaction(actor, ed, *talk, talk_page_of(to.value()), request);
      }
    }
    tx.commit();
    // Both titles change existence, with their talk pages, redirects and backlinks: rare enough
    // to drop every cached view.
    views_.touch_all();
    return to.value();
  });
}

}  // namespace kidwiki::engine
