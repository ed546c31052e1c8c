#include "i18n/time_zone.h"

#include <unicode/timezone.h>

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

std::string display_time_zone() {
  std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createDefault());
  icu::UnicodeString id;
  return from_icu(zone->getID(id));
}

}  // namespace kidwiki::i18n
