#include "i18n/relative_time.h"

#include <unicode/locid.h>
#include <unicode/reldatefmt.h>

#include "icu_string.h"
#include "iso8601.h"

namespace kidwiki::i18n {

std::optional<std::string> relative_time(std::string_view lang, std::string_view timestamp,
                                         std::time_t now) {
  const auto when = parse_iso8601_utc(timestamp);
  if (!when || *when > now || now - *when >= 24 * 3600) return std::nullopt;
  const std::time_t ago = now - *when;
  UErrorCode status = U_ZERO_ERROR;
  // One formatter per call: ICU's formatters are not to be shared between threads.
  icu::RelativeDateTimeFormatter format(icu::Locale(std::string(lang).c_str()), status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::UnicodeString out;
  if (ago < 60) {
    format.format(UDAT_DIRECTION_PLAIN, UDAT_ABSOLUTE_NOW, out, status);
  } else if (ago < 3600) {
    format.format(static_cast<double>(ago / 60), UDAT_DIRECTION_LAST, UDAT_RELATIVE_MINUTES, out,
                  status);
  } else {
    format.format(static_cast<double>(ago / 3600), UDAT_DIRECTION_LAST, UDAT_RELATIVE_HOURS, out,
                  status);
  }
  if (U_FAILURE(status)) return std::nullopt;
  return from_icu(out);
}

}  // namespace kidwiki::i18n
