#include "message_pattern.h"

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/messagepattern.h>
#include <unicode/msgfmt.h>

#include <set>
#include <vector>

#include "icu_string.h"
#include "iso8601.h"

namespace kidwiki::i18n {
namespace {

// The names of the arguments `pattern` shows as a date or a time ({until, date, ::yMMMMd}): only
// those are read as timestamps, so that a summary that happens to look like one stays text.
std::set<std::string> date_arguments(const icu::UnicodeString& pattern) {
  std::set<std::string> names;
  UErrorCode status = U_ZERO_ERROR;
  icu::MessagePattern parsed(pattern, nullptr, status);
  if (U_FAILURE(status)) return names;
  for (int32_t i = 0; i + 2 < parsed.countParts(); ++i) {
    const icu::MessagePattern::Part& start = parsed.getPart(i);
    if (start.getType() != UMSGPAT_PART_TYPE_ARG_START ||
        start.getArgType() != UMSGPAT_ARG_TYPE_SIMPLE) {
      continue;
    }
    const icu::UnicodeString type = parsed.getSubstring(parsed.getPart(i + 2));
    if (type == u"date" || type == u"time") {
      names.insert(from_icu(parsed.getSubstring(parsed.getPart(i + 1))));
    }
  }
  return names;
}

}  // namespace

std::optional<std::set<std::string>> argument_names(std::string_view pattern) {
  UErrorCode status = U_ZERO_ERROR;
  icu::MessagePattern parsed(to_icu(pattern), nullptr, status);
  if (U_FAILURE(status)) return std::nullopt;
  std::set<std::string> names;
  for (int32_t i = 0; i < parsed.countParts(); ++i) {
    const icu::MessagePattern::Part& part = parsed.getPart(i);
    if (part.getType() == UMSGPAT_PART_TYPE_ARG_NAME) {
      names.insert(from_icu(parsed.getSubstring(part)));
    }
  }
  return names;
}

namespace {

icu::Formattable to_formattable(const std::variant<std::string, std::int64_t>& value,
                                bool as_date) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return icu::Formattable(*number);
  const std::string& text = std::get<std::string>(value);
  if (as_date) {
    if (auto when = parse_iso8601_utc(text)) {
      return icu::Formattable(static_cast<UDate>(*when) * 1000.0, icu::Formattable::kIsDate);
    }
  }
  return icu::Formattable(to_icu(text));
}

std::string value_text(const std::variant<std::string, std::int64_t>& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
  return std::get<std::string>(value);
}

}  // namespace

// Why a MessageFormat per call: ICU documents its format objects as unsafe to share between
// threads (msgfmt.h), and compiling a catalog pattern is cheap next to rendering a page.
std::optional<std::string> format_pattern(std::string_view pattern, std::string_view lang,
                                          const MessageArgs& args) {
  UErrorCode status = U_ZERO_ERROR;
  UParseError where;
  const icu::UnicodeString text = to_icu(pattern);
  icu::MessageFormat format(text, icu::Locale(std::string(lang).c_str()), where, status);
  if (U_FAILURE(status)) return std::nullopt;
  const std::set<std::string> dates = date_arguments(text);
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args) {
    names.push_back(to_icu(name));
    values.push_back(to_formattable(value, dates.count(name) > 0));
  }
  icu::UnicodeString out;
  format.format(names.data(), values.data(), static_cast<int32_t>(args.size()), out, status);
  if (U_FAILURE(status)) return std::nullopt;
  return from_icu(out);
}

std::string pseudo_message(std::string_view id, const MessageArgs& args) {
  std::string out = "(" + std::string(id);
  for (size_t i = 0; i < args.size(); ++i) {
    out += i == 0 ? ": " : ", ";
    out += value_text(args[i].second);
  }
  return out + ")";
}

}  // namespace kidwiki::i18n
