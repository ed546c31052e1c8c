#include "review_scope.h"

namespace kidwiki::web {
namespace {

engine::Error forbidden(std::string message_id) {
  return engine::make_error(engine::ErrorCode::forbidden, std::move(message_id));
}

engine::Error revision_not_found(std::int64_t revision_id) {
  return engine::make_error(engine::ErrorCode::not_found, "error-revision-not-found",
                            {{"id", revision_id}});
}

// The class's pupils when `caller` may review them.
engine::Result<std::vector<std::int64_t>> class_authors(WebContext& ctx, const Caller& caller,
                                                        std::int64_t class_id) {
  auto cls = ctx.wiki.classes().get(class_id);
  if (!cls) {
    return engine::make_error(engine::ErrorCode::not_found, "review-error-no-class",
                              {{"id", class_id}});
  }
  if (!caller.may(engine::Action::review_all) && cls->teacher_id != caller.user_id()) {
    return forbidden("review-error-not-your-class");
  }
  std::vector<std::int64_t> ids;
  for (const auto& pupil : ctx.wiki.classes().pupils(class_id)) ids.push_back(pupil.id);
  return ids;
}

}  // namespace

engine::Result<std::vector<engine::ReviewItem>> review_queue_for(
    WebContext& ctx, const Caller& caller, std::optional<std::int64_t> class_id,
    const engine::Edition* ed, int limit) {
  if (!class_id) {
    if (!caller.may(engine::Action::review_all)) return forbidden("review-error-site-wide");
    return ctx.wiki.review_queue(ed, {}, limit);
  }
  auto authors = class_authors(ctx, caller, *class_id);
  if (!authors) return authors.error();
  // Why: the engine reads an empty author list as "everyone"; a class without pupils has nothing.
  if (authors->empty()) return std::vector<engine::ReviewItem>{};
  return ctx.wiki.review_queue(ed, authors.value(), limit);
}

bool may_review_author(WebContext& ctx, const Caller& caller,
                       std::optional<std::int64_t> author_id) {
  if (caller.may(engine::Action::review_all)) return true;
  if (!caller.may(engine::Action::review_class) || !author_id) return false;
  auto author = ctx.wiki.accounts().user(*author_id);
  if (!author || !author->class_id) return false;
  auto cls = ctx.wiki.classes().get(*author->class_id);
  return cls && cls->teacher_id == caller.user_id();
}

engine::Result<engine::AuthorEdit> reviewable_edit(WebContext& ctx, const Caller& caller,
                                                   std::int64_t revision_id) {
  auto edit = ctx.wiki.find_edit(revision_id);
  if (!edit) return revision_not_found(revision_id);
  if (!may_review_author(ctx, caller, edit->author_id)) {
    return forbidden("review-error-not-your-pupil");
  }
  // find_edit leaves out whether it is hidden; revision() says so, and refuses a deleted page.
  const auto ed = ctx.wiki.edition(edit->lang);
  if (!ed) return revision_not_found(revision_id);
  auto revision = ctx.wiki.revision(*ed, revision_id);
  if (!revision) return revision.error();
  if (revision->info.hidden && !caller.may(engine::Action::hide_revision)) {
    return forbidden("review-error-hidden");
  }
  return *edit;
}

engine::ReviewScope review_scope_of(WebContext& ctx, const Caller& caller) {
  if (caller.may(engine::Action::review_all)) return std::nullopt;
  if (!caller.user_id()) return std::vector<std::int64_t>{};
  return pupils_of_teacher(ctx.wiki, *caller.user_id());
}

engine::Status review_decision(WebContext& ctx, const Caller& caller, std::int64_t revision_id,
                               bool approve, const std::string& message) {
  auto edit = reviewable_edit(ctx, caller, revision_id);
  if (!edit) return edit.error();
  const auto ed = ctx.wiki.edition(edit->lang);
  if (!ed) return revision_not_found(revision_id);
  const std::int64_t reviewer = caller.user_id().value_or(0);
  const auto scope = review_scope_of(ctx, caller);
  if (approve) return ctx.wiki.approve(*ed, revision_id, reviewer, scope);
  return ctx.wiki.reject(*ed, revision_id, reviewer, message, scope);
}

engine::Result<engine::DiffResult> review_diff(engine::Wiki& wiki, const engine::Edition& ed,
                                               std::optional<std::int64_t> approved_id,
                                               std::int64_t revision_id) {
  if (approved_id) return wiki.diff(ed, *approved_id, revision_id);
  auto revision = wiki.revision(ed, revision_id);
  if (!revision) return revision.error();
  return engine::diff_texts("", revision->markdown);
}

std::optional<std::int64_t> approved_revision_of(engine::Wiki& wiki, const engine::Edition& ed,
                                                 const engine::Title& title) {
  auto view = wiki.read(ed, title, false);
  if (!view) return std::nullopt;
  return view->revision.id;
}

std::vector<std::int64_t> pupils_of_teacher(engine::Wiki& wiki, std::int64_t teacher_id) {
  std::vector<std::int64_t> ids;
  for (const auto& cls : wiki.classes().list(teacher_id)) {
    for (const auto& pupil : wiki.classes().pupils(cls.id)) ids.push_back(pupil.id);
  }
  return ids;
}

}  // namespace kidwiki::web
