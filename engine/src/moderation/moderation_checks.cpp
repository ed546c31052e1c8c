#include <cctype>

#include "i18n/text.h"
#include "moderation/moderation_impl.h"

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

namespace {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

int number_at(std::string_view text, std::size_t at, std::size_t digits) {
  int value = 0;
  for (std::size_t i = at; i < at + digits; ++i) value = value * 10 + (text[i] - '0');
  return value;
}

}  // namespace

bool is_iso8601_utc(std::string_view text) {
  constexpr std::string_view kShape = "dddd-dd-ddTdd:dd:ddZ";
  if (text.size() != kShape.size()) return false;
  for (std::size_t i = 0; i < kShape.size(); ++i) {
    bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
    if (kShape[i] == 'd' ? !digit : text[i] != kShape[i]) return false;
  }
  // The shape alone lets "9999-99-99T99:99:99Z" through, which sorts after every real date.
  const int year = number_at(text, 0, 4), month = number_at(text, 5, 2);
  if (month < 1 || month > 12) return false;
  const int day = number_at(text, 8, 2);
  if (day < 1 || day > days_in_month(year, month)) return false;
  return number_at(text, 11, 2) < 24 && number_at(text, 14, 2) < 60 && number_at(text, 17, 2) < 60;
}

std::string page_label(const Edition& ed, const Title& title) {
  return ed.lang + ":" + full_title(title, ed.names);
}

Error page_not_found(const Edition& ed, const Title& title) {
  return make_error(ErrorCode::not_found, "error-page-not-found",
                    {{"title", full_title(title, ed.names)}});
}

AuditEntry audit_entry(const Actor& actor, std::string action, std::string target_type,
                       std::int64_t target_id, std::string target_label, std::string_view reason) {
  AuditEntry e;
  e.actor_id = actor.id();
  e.action = std::move(action);
  e.target_type = std::move(target_type);
  e.target_id = target_id;
  e.target_label = std::move(target_label);
  e.reason = reason;
  return e;
}

}  // namespace kidwiki::engine::safety
