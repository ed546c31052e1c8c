#include "message_pattern.h"

#include <unicode/fmtable.h>
#include <unicode/locid.h>
#include <unicode/msgfmt.h>

#include <vector>

#include "icu_string.h"

namespace kidwiki::i18n {
namespace {

icu::Formattable to_formattable(const std::variant<std::string, std::int64_t>& value) {
  if (const auto* number = std::get_if<std::int64_t>(&value)) return icu::Formattable(*number);
  return icu::Formattable(to_icu(std::get<std::string>(value)));
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
  icu::MessageFormat format(to_icu(pattern), icu::Locale(std::string(lang).c_str()), where, status);
  if (U_FAILURE(status)) return std::nullopt;
  std::vector<icu::UnicodeString> names;
  std::vector<icu::Formattable> values;
  for (const auto& [name, value] : args) {
    names.push_back(to_icu(name));
    values.push_back(to_formattable(value));
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
