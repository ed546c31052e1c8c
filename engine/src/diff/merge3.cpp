// Invariant: a region is a stretch of base lines that one or both sides replaced, grown until no
// hunk of either side clashes with it; regions never clash with each other, so they can be
// applied one after the other in base order.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/diff.h"
#include "diff/line_split.h"
#include "diff/sequence_diff.h"

namespace kidwiki::engine {
namespace {

// The changes of one side against base, and how far the merge has used them.
struct Side {
  const std::vector<std::string_view>& lines;
  std::vector<Hunk> hunks;
  std::size_t next = 0;

  bool done() const { return next == hunks.size(); }
  const Hunk& peek() const { return hunks[next]; }
};

// Two changes clash when they replace a common base line, insert at the same place, or one
// inserts strictly inside the lines the other replaces. Changes that only touch end to end
// (neighbouring lines) do not: each pupil may edit their own paragraph.
bool clash(std::size_t a0, std::size_t a1, std::size_t b0, std::size_t b1) {
  if (std::max(a0, b0) < std::min(a1, b1)) return true;
  if (a0 == a1 && b0 == b1) return a0 == b0;
  if (a0 == a1) return b0 < a0 && a0 < b1;
  if (b0 == b1) return a0 < b0 && b0 < a1;
  return false;
}

// Earlier base position first; at equal positions an insertion goes before a replacement.
bool comes_first(const Hunk& a, const Hunk& b) {
  return a.from_begin != b.from_begin ? a.from_begin < b.from_begin : a.from_end < b.from_end;
}

class Merger {
 public:
  Merger(const std::vector<std::string_view>& base, Side mine, Side theirs)
      : base_(base), mine_(std::move(mine)), theirs_(std::move(theirs)) {}

  // Empty on a conflict.
  std::optional<std::vector<std::string_view>> run() {
    std::size_t copied = 0;  // base lines before this index are in out_ or replaced
    while (!mine_.done() || !theirs_.done()) {
      bool mine_first =
          theirs_.done() || (!mine_.done() && comes_first(mine_.peek(), theirs_.peek()));
      const Hunk& start = mine_first ? mine_.peek() : theirs_.peek();
      std::size_t lo = start.from_begin, hi = start.from_end;
      std::size_t mine_begin = mine_.next, theirs_begin = theirs_.next;
      while (take_clashing(mine_, lo, hi) || take_clashing(theirs_, lo, hi)) {
      }
      out_.insert(out_.end(), base_.begin() + copied, base_.begin() + lo);
      std::vector<std::string_view> ours = region_text(mine_, mine_begin, lo, hi);
      std::vector<std::string_view> other = region_text(theirs_, theirs_begin, lo, hi);
      bool both = mine_.next > mine_begin && theirs_.next > theirs_begin;
      if (both && ours != other) return std::nullopt;
      const auto& chosen = mine_.next > mine_begin ? ours : other;
      out_.insert(out_.end(), chosen.begin(), chosen.end());
      copied = hi;
    }
    out_.insert(out_.end(), base_.begin() + copied, base_.end());
    return std::move(out_);
  }

 private:
  // The first hunk of the region may come from either side, so it counts as clashing with the
  // region it opened.
  static bool take_clashing(Side& side, std::size_t& lo, std::size_t& hi) {
    if (side.done()) return false;
    const Hunk& h = side.peek();
    bool opens = h.from_begin == lo && h.from_end == hi;
    if (!opens && !clash(h.from_begin, h.from_end, lo, hi)) return false;
    lo = std::min(lo, h.from_begin);
    hi = std::max(hi, h.from_end);
    ++side.next;
    return true;
  }

  // Base lines [lo, hi) with the side's hunks [first, side.next) applied.
  std::vector<std::string_view> region_text(const Side& side, std::size_t first, std::size_t lo,
                                            std::size_t hi) const {
    std::vector<std::string_view> text;
    std::size_t at = lo;
    for (std::size_t k = first; k < side.next; ++k) {
      const Hunk& h = side.hunks[k];
      text.insert(text.end(), base_.begin() + at, base_.begin() + h.from_begin);
      text.insert(text.end(), side.lines.begin() + h.to_begin, side.lines.begin() + h.to_end);
      at = h.from_end;
    }
    text.insert(text.end(), base_.begin() + at, base_.begin() + hi);
    return text;
  }

  const std::vector<std::string_view>& base_;
  Side mine_;
  Side theirs_;
  std::vector<std::string_view> out_;
};

std::vector<Hunk> hunks_against(const SplitText& base, const SplitText& side) {
  InternedPair ids = intern(base.lines, side.lines);
  return diff_sequences(ids.from, ids.to, ids.id_count);
}

}  // namespace

std::optional<std::string> merge3(std::string_view base, std::string_view mine,
                                  std::string_view theirs) {
  if (mine == theirs || base == theirs) return std::string(mine);
  if (base == mine) return std::string(theirs);
  SplitText b = split_lines(base), m = split_lines(mine), t = split_lines(theirs);
  Merger merger(b.lines, Side{m.lines, hunks_against(b, m)}, Side{t.lines, hunks_against(b, t)});
  std::optional<std::vector<std::string_view>> lines = merger.run();
  if (!lines) return std::nullopt;
  bool final_newline = m.final_newline != b.final_newline ? m.final_newline : t.final_newline;
  return join_lines(*lines, final_newline);
}

}  // namespace kidwiki::engine
