#include <charconv>
#include <initializer_list>

#include "filter/filter_detectors.h"

namespace kidwiki::engine {
namespace {

struct Trigger {
  std::vector<std::string> keys;
  bool first_person;  // the writer speaks of themself: refuse
};

Trigger trigger(std::initializer_list<std::string_view> words, bool first_person) {
  return Trigger{keys_of(words), first_person};
}

// "né le" alone is how every biography starts, so it only holds when the year that follows is a
// child's. First-person phrases come first: "je suis né le" is not read again as "né le".
const std::vector<Trigger>& triggers() {
  static const std::vector<Trigger> all = {
      trigger({"je", "suis", "né"}, true),
      trigger({"je", "suis", "née"}, true),
      trigger({"ma", "date", "de", "naissance"}, true),
      trigger({"mon", "anniversaire"}, true),
      trigger({"i", "was", "born"}, true),
      trigger({"i", "m", "born"}, true),
      trigger({"my", "birthday"}, true),
      trigger({"my", "date", "of", "birth"}, true),
      trigger({"né", "le"}, false),
      trigger({"née", "le"}, false),
      trigger({"né", "en"}, false),
      trigger({"née", "en"}, false),
      trigger({"born", "on"}, false),
      trigger({"born", "in"}, false),
      trigger({"date", "of", "birth"}, false),
  };
  return all;
}

// "je suis né à Lyon le 3 mars 2014": the date comes within a few words of the phrase.
constexpr std::size_t kFirstPersonWindow = 6;
// "né le 3 mars 2014", "born on 3rd March 2014", "born on March 3, 2014".
constexpr std::size_t kThirdPersonWindow = 4;

long number_of(std::string_view text, const FilterToken& t) {
  long value = -1;
  const std::string_view raw = raw_of(text, t);
  if (t.digits_only && raw.size() <= 4) std::from_chars(raw.data(), raw.data() + raw.size(), value);
  return value;
}

// The number of tokens of `trigger` matched at `i`, or 0.
std::size_t trigger_length(const Trigger& trigger, const std::vector<FilterToken>& t,
                           std::size_t i) {
  if (i + trigger.keys.size() > t.size()) return 0;
  for (std::size_t n = 0; n < trigger.keys.size(); ++n) {
    if (t[i + n].key != trigger.keys[n]) return 0;
  }
  return trigger.keys.size();
}

// The last token of the date after a trigger ending before `from`, or 0 when there is none:
// any number for the writer's own birth, a child's birth year otherwise.
std::size_t date_end(std::string_view text, const std::vector<FilterToken>& t, std::size_t from,
                     bool first_person, int reference_year) {
  const std::size_t window = first_person ? kFirstPersonWindow : kThirdPersonWindow;
  if (!first_person && (from >= t.size() || !t[from].digits_only)) return 0;
  std::size_t last = 0;
  for (std::size_t k = from; k < t.size() && k < from + window; ++k) {
    const long n = number_of(text, t[k]);
    if ((first_person && n >= 0) || is_child_birth_year(n, reference_year)) last = k;
  }
  return last;
}

void find_phrases(std::string_view text, const std::vector<FilterToken>& t, int reference_year,
                  std::vector<FilterMatch>& out) {
  for (std::size_t i = 0; i < t.size(); ++i) {
    for (const Trigger& trigger : triggers()) {
      const std::size_t n = trigger_length(trigger, t, i);
      const bool first = trigger.first_person;
      const std::size_t last = n == 0 ? 0 : date_end(text, t, i + n, first, reference_year);
      if (last == 0) continue;
      out.push_back({"birth-date", first ? FilterAction::refuse : FilterAction::hold,
                     first ? "filter-birth-date-refuse" : "filter-birth-date-hold", t[i].begin,
                     t[last].end - t[i].begin});
      i = last;
      break;
    }
  }
}

bool is_date_separator(std::string_view gap) { return gap == "/" || gap == "." || gap == "-"; }

// ASCII capitals and the Latin-1 ones (À to Þ: lead byte C3, second byte 80 to 9E).
bool is_name(std::string_view text, const FilterToken& t) {
  const auto b = static_cast<unsigned char>(text[t.begin]);
  if (b >= 'A' && b <= 'Z') return true;
  return b == 0xC3 && t.end > t.begin + 1 && static_cast<unsigned char>(text[t.begin + 1]) <= 0x9E;
}

// "Léa 12/03/2014", "Léa, 2014-03-12": a numeric date with a child's birth year right after a
// name. Dates in sources ("consulté le 04/10/2018") and web addresses (".../2018/04/22") pass.
bool is_named_date(std::string_view text, const std::vector<FilterToken>& t, std::size_t i) {
  if (i == 0 || !is_name(text, t[i - 1]) || t[i - 1].digits_only) return false;
  const std::string_view before = gap_between(text, t[i - 1], t[i]);
  return before == " " || before == ", ";
}

void find_numeric_dates(std::string_view text, const std::vector<FilterToken>& t,
                        int reference_year, std::vector<FilterMatch>& out) {
  for (std::size_t i = 1; i + 2 < t.size(); ++i) {
    const std::string_view gap = gap_between(text, t[i], t[i + 1]);
    if (!is_date_separator(gap) || gap != gap_between(text, t[i + 1], t[i + 2])) continue;
    const long a = number_of(text, t[i]), m = number_of(text, t[i + 1]),
               c = number_of(text, t[i + 2]);
    const bool day_first = a >= 1 && a <= 31 && is_child_birth_year(c, reference_year);
    const bool year_first = c >= 1 && c <= 31 && is_child_birth_year(a, reference_year);
    if (m < 1 || m > 12 || !(day_first || year_first) || !is_named_date(text, t, i)) continue;
    out.push_back({"birth-date", FilterAction::hold, "filter-birth-date-hold", t[i].begin,
                   t[i + 2].end - t[i].begin});
    i += 2;
  }
}

}  // namespace

void find_birth_dates(std::string_view text, const std::vector<FilterToken>& tokens,
                      int reference_year, std::vector<FilterMatch>& out) {
  find_phrases(text, tokens, reference_year, out);
  find_numeric_dates(text, tokens, reference_year, out);
}

}  // namespace kidwiki::engine
