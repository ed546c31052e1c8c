#include "i18n/time_zone.h"

#include <unicode/calendar.h>
#include <unicode/timezone.h>

#include <cstdint>

#include <memory>

#include "icu_string.h"

namespace kidwiki::i18n {

bool set_display_time_zone(std::string_view iana_name) {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(to_icu(iana_name)));
  icu::UnicodeString id;
  // ICU answers an unknown name with the "Etc/Unknown" zone rather than an error.
  if (!zone || zone->getID(id) == icu::UnicodeString(UCAL_UNKNOWN_ZONE_ID)) return false;
  icu::TimeZone::adoptDefault(zone.release());
  return true;
}

long long local_day_number() {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createDefault());
  const UDate now = icu::Calendar::getNow();
  std::int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  zone->getOffset(now, false, raw, dst, status);
  const double local_ms = now + (U_SUCCESS(status) ? raw + dst : 0);
  return static_cast<long long>(local_ms / U_MILLIS_PER_DAY - (local_ms < 0 ? 1 : 0));
}

std::string display_time_zone() {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createDefault());
  icu::UnicodeString id;
  return from_icu(zone->getID(id));
}

}  // namespace kidwiki::i18n
