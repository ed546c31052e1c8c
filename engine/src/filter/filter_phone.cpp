#include <string>

#include "filter/filter_detectors.h"

namespace kidwiki::engine {
namespace {

// No numbering plan has more digits (ITU-T E.164); longer runs are read no further.
constexpr std::size_t kMaxDigits = 15;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Digit groups as typed: "+33 (0)6 12 34 56 78" is plus, groups "33" "0" "6" "12" "34" "56" "78".
struct Number {
  std::size_t begin = 0, end = 0;
  bool plus = false;
  std::string digits;
  std::vector<std::size_t> groups;
};

// Length of the separator at `i` allowed between two groups of a phone number: one space, no-break
// space, narrow no-break space, dot or hyphen.
std::size_t separator_length(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ' || s[i] == '.' || s[i] == '-') return 1;
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

// Reads one group at `i` ("12" or "(555)"); returns the index after it, or `i` if none.
std::size_t read_group(std::string_view s, std::size_t i, Number& n) {
  const bool paren = i < s.size() && s[i] == '(';
  std::size_t j = i + (paren ? 1 : 0), start = j;
  while (j < s.size() && is_digit(s[j]) && n.digits.size() < kMaxDigits + 1) n.digits += s[j++];
  if (j == start || (paren && (j >= s.size() || s[j] != ')'))) {
    n.digits.resize(n.digits.size() - (j - start));
    return i;
  }
  n.groups.push_back(j - start);
  return j + (paren ? 1 : 0);
}

Number read_number(std::string_view s, std::size_t begin) {
  Number n;
  n.begin = begin;
  n.plus = s[begin] == '+';
  std::size_t i = read_group(s, begin + (n.plus ? 1 : 0), n);
  n.end = i;
  if (n.groups.empty()) return n;
  while (n.digits.size() <= kMaxDigits) {
    const bool glued = i < s.size() && s[i - 1] == ')' && (is_digit(s[i]) || s[i] == '(');
    const std::size_t sep = glued ? 0 : separator_length(s, i);
    if (!glued && sep == 0) break;
    const std::size_t next = read_group(s, i + sep, n);
    if (next == i + sep) break;
    i = n.end = next;
  }
  return n;
}

bool all_groups_at_least_two(const Number& n) {
  for (std::size_t g : n.groups) {
    if (g < 2) return false;
  }
  return true;
}

// Why these shapes only: a history article is full of numbers (1789, 1914-1918, 14.07.1789,
// 65 000 000), and none of them starts with 0 in groups of two, follows '+', or reads 3-3-4.
bool is_phone(const Number& n) {
  const std::size_t count = n.digits.size();
  if (count > kMaxDigits) return false;
  if (n.plus) return count >= 8;
  if (n.digits.starts_with("00")) return count >= 11 && n.groups.front() >= 4;
  if (count == 10 && n.digits[0] == '0') return all_groups_at_least_two(n);
  return count == 10 && n.groups == std::vector<std::size_t>{3, 3, 4};
}

bool starts_number(std::string_view s, std::size_t i) {
  if (i > 0 && (is_alnum(s[i - 1]) || s[i - 1] == '+' || s[i - 1] == ',')) return false;
  if (is_digit(s[i])) return true;
  const bool opener = s[i] == '+' || s[i] == '(';
  return opener && i + 1 < s.size() && is_digit(s[i + 1]);
}

// "ISBN 0719066948", "ISBN-10: 0719066948": a book's number, written without hyphens as often
// as with them, is ten digits like a French phone number.
bool after_isbn(std::string_view s, std::size_t begin) {
  std::string_view before = s.substr(0, begin);
  const auto drop_separators = [&] {
    while (!before.empty() && (before.back() == ' ' || before.back() == ':'))
      before.remove_suffix(1);
    if (before.ends_with("\xC2\xA0")) before.remove_suffix(2);
  };
  drop_separators();
  if (before.ends_with("-10") || before.ends_with("-13")) before.remove_suffix(3);
  drop_separators();
  if (before.size() < 4) return false;
  std::string word(before.substr(before.size() - 4));
  for (char& c : word) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  return word == "ISBN";
}

}  // namespace

void find_phones(std::string_view text, std::vector<FilterMatch>& out) {
  for (std::size_t i = 0; i < text.size();) {
    if (!starts_number(text, i)) {
      ++i;
      continue;
    }
    const Number n = read_number(text, i);
    // A number glued to more digits or letters ("06123456789", "0612345678b") is something else.
    const bool glued_after = n.end < text.size() && is_alnum(text[n.end]);
    if (is_phone(n) && !glued_after && !after_isbn(text, n.begin)) {
      out.push_back({"phone", FilterAction::refuse, "filter-phone", n.begin, n.end - n.begin});
    }
    i = n.end > i ? n.end : i + 1;
  }
}

}  // namespace kidwiki::engine
