#include "filter/filter_username.h"

#include <charconv>

#include "filter/filter_detectors.h"

namespace kidwiki::engine {
namespace {

// Nine digits make a phone number without its leading 0 ("612345678"); no pseudonym needs as many.
constexpr std::size_t kPhoneDigits = 9;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Every digit of the name counts, whatever separates them.
void find_phone_digits(std::string_view name, std::vector<FilterMatch>& out) {
  std::size_t count = 0, first = name.size(), last = 0;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (!is_digit(name[i])) continue;
    ++count, last = i;
    if (first == name.size()) first = i;
  }
  if (count < kPhoneDigits) return;
  out.push_back({"phone", FilterAction::refuse, "filter-username-phone", first, last + 1 - first});
}

// A run of exactly four digits that is a child's birth year: "lea2014", "2013_tom".
void find_birth_year(std::string_view name, int reference_year, std::vector<FilterMatch>& out) {
  for (std::size_t i = 0; i < name.size();) {
    std::size_t end = i;
    while (end < name.size() && is_digit(name[end])) ++end;
    if (end - i == 4) {
      int year = 0;
      std::from_chars(name.data() + i, name.data() + end, year);
      if (is_child_birth_year(year, reference_year)) {
        out.push_back({"birth-year", FilterAction::refuse, "filter-username-birth-year", i, 4});
      }
    }
    i = end > i ? end : i + 1;
  }
}

}  // namespace

void find_username_personal_info(std::string_view name, int reference_year,
                                 std::vector<FilterMatch>& out) {
  find_phone_digits(name, out);
  find_birth_year(name, reference_year, out);
}

}  // namespace kidwiki::engine
