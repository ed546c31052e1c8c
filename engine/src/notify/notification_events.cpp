#include "notify/notification_events.h"

#include "store/notification_store.h"
#include "i18n/username.h"
#include "store/account_store.h"
#include "store/class_store.h"
#include "talk/talk_thread.h"

namespace kidwiki::engine {
namespace {

void tell_watchers(db::Connection& c, std::int64_t page_id, std::int64_t revision_id,
                   std::optional<std::int64_t> author_id, const std::string& author,
                   std::optional<std::int64_t> also_not) {
  for (std::int64_t watcher : watchers_of(c, page_id)) {
    if (watcher == author_id || watcher == also_not) continue;
    notify(c, {watcher, NotificationKind::page_edited, page_id, revision_id, author_id, author, ""});
  }
}

}  // namespace

void tell_saved(db::Connection& c, const Actor& actor, std::int64_t page_id,
                std::int64_t revision_id, bool pending) {
  const auto author_id = actor.id();
  if (author_id) set_watch(c, *author_id, page_id, true);
  if (!pending) {
    tell_watchers(c, page_id, revision_id, author_id, actor.name(), std::nullopt);
    return;
  }
  if (!author_id) return;  // a reader's pending edit: the moderators' queue shows it
  if (auto teacher = teacher_of(c, *author_id)) {
    notify(c, {*teacher, NotificationKind::review_waiting, page_id, revision_id, author_id,
               actor.name(), ""});
  }
}

void tell_reviewed(db::Connection& c, const Actor& reviewer, const RevisionInfo& head,
                   const std::vector<std::int64_t>& line_ids, ReviewState state,
                   std::int64_t published_id, const std::string& message) {
  settle_review_waiting(c, line_ids);
  const bool approved = state == ReviewState::approved;
  if (head.author_id) {
    notify(c, {*head.author_id,
               approved ? NotificationKind::approved : NotificationKind::sent_back, head.page_id,
               approved ? published_id : head.id, reviewer.id(), reviewer.name(), message});
  }
  if (approved) {
    tell_watchers(c, head.page_id, published_id, head.author_id, head.author, reviewer.id());
  }
}

void tell_replies(db::Connection& c, std::int64_t page_id, std::int64_t revision_id,
                  std::string_view before, std::string_view after) {
  auto account = [&](const std::string& name) -> std::optional<std::int64_t> {
    auto found = find_login(c, i18n::check_username(name).key);
    if (!found) return std::nullopt;
    return found->first.id;
  };
  for (const auto& reply : new_replies(before, after)) {
    const auto to = account(reply.to);
    const auto by = account(reply.by);
    if (!to || to == by) continue;
    notify(c, {*to, NotificationKind::talk_reply, page_id, revision_id, by, reply.by, ""});
  }
}

void tell_reported(db::Connection& c, std::int64_t page_id,
                   std::optional<std::int64_t> revision_id, const std::string& reason) {
  for (std::int64_t teacher : teachers_of_writers(c, page_id)) {
    notify(c, {teacher, NotificationKind::report, page_id, revision_id, std::nullopt, "", reason});
  }
}

}  // namespace kidwiki::engine
