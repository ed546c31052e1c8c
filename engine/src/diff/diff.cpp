#include "engine/diff.h"

#include <algorithm>
#include <array>
#include <utility>

#include "diff/line_split.h"
#include "diff/sequence_diff.h"

namespace kidwiki::engine {
namespace {

enum class CharClass { word, space, mark };

// Non-ASCII code points that separate words; every other one (é, ж, 字...) belongs to a word.
constexpr std::array<std::string_view, 3> kWideSpaces = {"\u00a0", "\u202f", "\u2009"};
constexpr std::array<std::string_view, 12> kWideMarks = {"\u00ab", "\u00bb", "\u2018", "\u2019",
                                                         "\u201c", "\u201d", "\u2013", "\u2014",
                                                         "\u2026", "\u2022", "\u00bf", "\u00a1"};

std::size_t code_point_length(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  return std::min(n, s.size() - i);
}

CharClass classify(std::string_view cp) {
  auto c = static_cast<unsigned char>(cp[0]);
  if (c < 0x80) {
    if (c == ' ' || c == '\t') return CharClass::space;
    bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return alnum || c == '_' ? CharClass::word : CharClass::mark;
  }
  if (std::find(kWideSpaces.begin(), kWideSpaces.end(), cp) != kWideSpaces.end()) {
    return CharClass::space;
  }
  bool is_mark = std::find(kWideMarks.begin(), kWideMarks.end(), cp) != kWideMarks.end();
  return is_mark ? CharClass::mark : CharClass::word;
}

// Words and runs of spaces are one token each, every other mark its own token, so that a changed
// comma does not mark the word before it.
std::vector<std::string_view> tokenize(std::string_view line) {
  std::vector<std::string_view> tokens;
  std::size_t start = 0;
  CharClass previous = CharClass::mark;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t n = code_point_length(line, i);
    CharClass now = classify(line.substr(i, n));
    if (i > start && (now != previous || now == CharClass::mark)) {
      tokens.push_back(line.substr(start, i - start));
      start = i;
    }
    previous = now;
    i += n;
  }
  if (start < line.size()) tokens.push_back(line.substr(start));
  return tokens;
}

bool is_blank(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// Joins tokens of equal state, and lets a lone space between two changes join them, so that a
// changed phrase reads as one piece rather than as words with holes between them.
std::vector<DiffSegment> to_segments(const std::vector<std::string_view>& tokens,
                                     const std::vector<bool>& changed) {
  std::vector<DiffSegment> segments;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    bool mark = changed[k] || (is_blank(tokens[k]) && k > 0 && k + 1 < tokens.size() &&
                               changed[k - 1] && changed[k + 1]);
    if (!segments.empty() && segments.back().changed == mark) {
      segments.back().text += tokens[k];
    } else {
      segments.push_back({std::string(tokens[k]), mark});
    }
  }
  return segments;
}

std::vector<bool> changed_flags(std::size_t size, const std::vector<Hunk>& hunks, bool from_side) {
  std::vector<bool> flags(size, false);
  for (const Hunk& h : hunks) {
    std::size_t begin = from_side ? h.from_begin : h.to_begin;
    std::size_t end = from_side ? h.from_end : h.to_end;
    std::fill(flags.begin() + begin, flags.begin() + end, true);
  }
  return flags;
}

bool is_space_byte(char c) { return c == ' ' || c == '\t'; }

// The length of the common start of `a` and `b`, cut back to just after a space followed on both
// sides by something else: a place where tokenize cuts both lines, so the tokens before it are
// the same on both sides and the tokens after it do not depend on it.
std::size_t shared_head(std::string_view a, std::string_view b) {
  std::size_t n =
      std::mismatch(a.begin(), a.begin() + std::min(a.size(), b.size()), b.begin()).first -
      a.begin();
  auto cut_at = [n](std::string_view s) { return n == s.size() || !is_space_byte(s[n]); };
  while (n > 0 && !(is_space_byte(a[n - 1]) && cut_at(a) && cut_at(b))) --n;
  return n;
}

// The same at the end: the common tail, cut back to a space that follows something else.
std::size_t shared_tail(std::string_view a, std::string_view b) {
  std::size_t n =
      std::mismatch(a.rbegin(), a.rbegin() + std::min(a.size(), b.size()), b.rbegin()).first -
      a.rbegin();
  auto cut_at = [&n](std::string_view s) {
    std::size_t e = s.size() - n;
    return is_space_byte(s[e]) && (e == 0 || !is_space_byte(s[e - 1]));
  };
  while (n > 0 && !(cut_at(a) && cut_at(b))) --n;
  return n;
}

// A line cut into a head and a tail that the other line shares, and the tokens between them.
struct FramedLine {
  std::string_view head;
  std::vector<std::string_view> middle;
  std::string_view tail;
};

std::vector<DiffSegment> framed_segments(const FramedLine& line,
                                         const std::vector<bool>& middle_changed) {
  std::vector<std::string_view> tokens;
  std::vector<bool> changed;
  if (!line.head.empty()) tokens.push_back(line.head), changed.push_back(false);
  tokens.insert(tokens.end(), line.middle.begin(), line.middle.end());
  changed.insert(changed.end(), middle_changed.begin(), middle_changed.end());
  if (!line.tail.empty()) tokens.push_back(line.tail), changed.push_back(false);
  return to_segments(tokens, changed);
}

// Marks the changed words of two lines. Why the head and tail are cut off first: one changed word
// in a 2 MiB paragraph then costs a byte comparison instead of a diff of every word.
std::pair<std::vector<DiffSegment>, std::vector<DiffSegment>> word_diff(std::string_view a,
                                                                        std::string_view b) {
  std::size_t head = shared_head(a, b);
  std::size_t tail = shared_tail(a.substr(head), b.substr(head));
  auto frame = [&](std::string_view s) {
    return FramedLine{s.substr(0, head), tokenize(s.substr(head, s.size() - head - tail)),
                      s.substr(s.size() - tail)};
  };
  FramedLine left = frame(a), right = frame(b);
  InternedPair ids = intern(left.middle, right.middle);
  std::vector<Hunk> hunks = diff_sequences(ids.from, ids.to, ids.id_count);
  return {framed_segments(left, changed_flags(left.middle.size(), hunks, true)),
          framed_segments(right, changed_flags(right.middle.size(), hunks, false))};
}

std::vector<DiffSegment> whole_line(std::string_view text, bool changed) {
  if (text.empty()) return {};
  return {DiffSegment{std::string(text), changed}};
}

// Turns the line hunks into rows, with `context` unchanged lines around each change.
class RowBuilder {
 public:
  RowBuilder(const SplitText& from, const SplitText& to, int context)
      : from_(from.lines),
        to_(to.lines),
        context_(static_cast<std::size_t>(std::max(0, context))) {}

  DiffResult build(const std::vector<Hunk>& hunks) {
    std::size_t i = 0, j = 0;
    for (std::size_t k = 0; k < hunks.size(); ++k) {
      unchanged(i, hunks[k].from_begin, j, k == 0, false);
      changed(hunks[k]);
      i = hunks[k].from_end;
      j = hunks[k].to_end;
    }
    if (!hunks.empty()) unchanged(i, from_.size(), j, false, true);
    return std::move(result_);
  }

 private:
  // The unchanged lines from_[a0, a1) == to_[b0, ...): context next to changes, a gap between.
  void unchanged(std::size_t a0, std::size_t a1, std::size_t b0, bool first, bool last) {
    std::size_t length = a1 - a0;
    std::size_t head = first ? 0 : context_;
    std::size_t tail = last ? 0 : context_;
    if (length <= head + tail) {
      for (std::size_t k = 0; k < length; ++k) context_row(a0 + k, b0 + k);
      return;
    }
    for (std::size_t k = 0; k < head; ++k) context_row(a0 + k, b0 + k);
    result_.rows.push_back(
        {DiffRowKind::gap, line_number(a0 + head), line_number(b0 + head), {}, {}});
    for (std::size_t k = length - tail; k < length; ++k) context_row(a0 + k, b0 + k);
  }

  void changed(const Hunk& h) {
    std::size_t removed = h.from_end - h.from_begin;
    std::size_t added = h.to_end - h.to_begin;
    std::size_t pairs = std::min(removed, added);
    for (std::size_t k = 0; k < pairs; ++k) word_row(h.from_begin + k, h.to_begin + k);
    for (std::size_t k = pairs; k < removed; ++k) {
      std::size_t a = h.from_begin + k;
      result_.rows.push_back(
          {DiffRowKind::removed, line_number(a), 0, whole_line(from_[a], true), {}});
    }
    for (std::size_t k = pairs; k < added; ++k) {
      std::size_t b = h.to_begin + k;
      result_.rows.push_back({DiffRowKind::added, 0, line_number(b), {}, whole_line(to_[b], true)});
    }
    result_.lines_removed += static_cast<int>(removed);
    result_.lines_added += static_cast<int>(added);
  }

  void word_row(std::size_t a, std::size_t b) {
    auto [left, right] = word_diff(from_[a], to_[b]);
    result_.rows.push_back(
        {DiffRowKind::changed, line_number(a), line_number(b), std::move(left), std::move(right)});
  }

  void context_row(std::size_t a, std::size_t b) {
    result_.rows.push_back({DiffRowKind::context, line_number(a), line_number(b),
                            whole_line(from_[a], false), whole_line(to_[b], false)});
  }

  static int line_number(std::size_t index) { return static_cast<int>(index) + 1; }

  const std::vector<std::string_view>& from_;
  const std::vector<std::string_view>& to_;
  std::size_t context_;
  DiffResult result_;
};

}  // namespace

DiffResult diff_texts(std::string_view from, std::string_view to, int context_lines) {
  SplitText a = split_lines(from);
  SplitText b = split_lines(to);
  InternedPair ids = intern(a.lines, b.lines);
  std::vector<Hunk> hunks = diff_sequences(ids.from, ids.to, ids.id_count);
  return RowBuilder(a, b, context_lines).build(hunks);
}

}  // namespace kidwiki::engine
