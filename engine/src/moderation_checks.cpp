#include <cctype>

#include "i18n/text.h"
#include "moderation_impl.h"

namespace kidwiki::engine::safety {

std::optional<Error> reason_problem(std::string_view reason, bool required) {
  if (required && reason.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return make_error(ErrorCode::invalid_input, "moderation-error-reason-missing");
  }
  if (reason.size() > Moderation::kMaxReasonBytes) {
    return make_error(ErrorCode::invalid_input, "moderation-error-reason-too-long",
                      {{"limit", static_cast<std::int64_t>(Moderation::kMaxReasonBytes)}});
  }
  if (!i18n::is_valid_utf8(reason))
    return make_error(ErrorCode::invalid_input, "moderation-error-reason-missing");
  return std::nullopt;
}

bool is_iso8601_utc(std::string_view text) {
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) return false;
  }
  return true;
}

std::string page_label(const Edition& ed, const Title& title) {
  return ed.lang + ":" + full_title(title, ed.names);
}

Error page_not_found(const Edition& ed, const Title& title) {
  return make_error(ErrorCode::not_found, "error-page-not-found",
                    {{"title", full_title(title, ed.names)}});
}

AuditEntry audit_entry(std::int64_t actor_id, std::string action, std::string target_type,
                       std::int64_t target_id, std::string target_label, std::string_view reason) {
  AuditEntry e;
  e.actor_id = actor_id;
  e.action = std::move(action);
  e.target_type = std::move(target_type);
  e.target_id = target_id;
  e.target_label = std::move(target_label);
  e.reason = reason;
  return e;
}

}  // namespace kidwiki::engine::safety
