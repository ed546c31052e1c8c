// Wiki::add_comment: a signed comment on a talk page, saved as any edit of the page is, so that
// the same rights, filters, review and visibility apply (talk/talk_thread.h says where it goes).
#include "i18n/messages.h"
#include "store/clock.h"
#include "talk/talk_thread.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {
namespace {

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::optional<Error> post_problem(const Actor& actor, const Title& title, const TalkPost& post) {
  if (!actor.id()) return make_error(ErrorCode::not_logged_in, "talk-error-anonymous");
  if (title.ns != Namespace::talk) {
    return make_error(ErrorCode::invalid_input, "talk-error-not-talk-page");
  }
  if (blank(post.text)) return make_error(ErrorCode::invalid_input, "talk-error-empty");
  if (post.reply_to.empty() &&
      (blank(post.subject) || post.subject.size() > kMaxTalkSubjectBytes ||
       post.subject.find_first_of("\r\n") != std::string::npos)) {
    return make_error(ErrorCode::invalid_input, "talk-error-subject",
                      {{"limit", static_cast<std::int64_t>(kMaxTalkSubjectBytes)}});
  }
  return std::nullopt;
}

std::string trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t");
  return std::string(s.substr(first, last - first + 1));
}

}  // namespace

Result<SaveOutcome> WikiImpl::add_comment(const Actor& actor, const Edition& ed,
                                          const Title& title, const TalkPost& post) {
  if (auto problem = post_problem(actor, title, post)) return *problem;
  // The version the actor works on: their own pending text of the page, else what readers see.
  auto current = read_own(actor, ed, title);
  std::string text;
  std::optional<std::int64_t> base;
  if (current) {
    text = current->markdown;
    base = current->revision.id;
  } else if (current.error().code != ErrorCode::not_found) {
    return current.error();
  }
  const auto& messages = i18n::Messages::builtin();
  const std::string signature = talk_signature(
      actor.name(), messages.format(ed.lang, "talk-signature-time", {{"time", now_iso8601()}}));
  std::string summary;
  if (post.reply_to.empty()) {
    const std::string subject = trimmed(post.subject);
    text = with_topic(text, subject, post.text, signature);
    summary = messages.format(ed.lang, "talk-summary-topic", {{"subject", subject}});
  } else {
    // A browser sends the line break of a form field as "\r\n".
    std::string reply_to = post.reply_to;
    if (auto cr = reply_to.find("\r\n"); cr != std::string::npos) reply_to.erase(cr, 1);
    auto replied = with_reply(text, reply_to, post.text, signature);
    if (!replied) return make_error(ErrorCode::conflict, "talk-error-comment-gone");
    text = std::move(*replied);
    const std::string to = post.reply_to.substr(0, post.reply_to.find('\n'));
    summary = messages.format(ed.lang, "talk-summary-reply", {{"name", to}});
  }
  return save(actor, ed, title, SaveRequest{text, summary, base});
}

}  // namespace kidwiki::engine
