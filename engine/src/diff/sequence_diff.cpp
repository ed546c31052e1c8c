#include "diff/sequence_diff.h"

#include <algorithm>
#include <dtl/dtl.hpp>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace kidwiki::engine {
namespace {

using Match = std::pair<std::size_t, std::size_t>;  // from[first] is kept as to[second]

struct Range {
  std::size_t a0, a1, b0, b1;  // from[a0, a1) against to[b0, b1)
};

// Collects the kept symbols of `from` and `to`, in increasing order on both sides.
class Matcher {
 public:
  Matcher(const std::vector<int>& from, const std::vector<int>& to, int id_count)
      : from_(from), to_(to), seen_a_(id_count, -1), seen_b_(id_count, -1) {}

  std::vector<Match> run() {
    Range whole{0, from_.size(), 0, to_.size()};
    std::size_t suffix = trim(whole);
    std::vector<Match> anchors = unique_anchors(whole);
    for (const Match& anchor : anchors) {
      match_stretch({whole.a0, anchor.first, whole.b0, anchor.second});
      matches_.push_back(anchor);
      whole.a0 = anchor.first + 1;
      whole.b0 = anchor.second + 1;
    }
    match_stretch(whole);
    keep_run(whole.a1, whole.b1, suffix);
    return std::move(matches_);
  }

 private:
  // Keeps the common prefix at once and shrinks `r` to what follows it and precedes the common
  // suffix, whose length it returns (the caller keeps it after the middle).
  std::size_t trim(Range& r) {
    std::size_t prefix = 0;
    while (r.a0 + prefix < r.a1 && r.b0 + prefix < r.b1 &&
           from_[r.a0 + prefix] == to_[r.b0 + prefix]) {
      ++prefix;
    }
    keep_run(r.a0, r.b0, prefix);
    r.a0 += prefix;
    r.b0 += prefix;
    std::size_t suffix = 0;
    while (r.a1 - suffix > r.a0 && r.b1 - suffix > r.b0 &&
           from_[r.a1 - suffix - 1] == to_[r.b1 - suffix - 1]) {
      ++suffix;
    }
    r.a1 -= suffix;
    r.b1 -= suffix;
    return suffix;
  }

  void keep_run(std::size_t a, std::size_t b, std::size_t length) {
    for (std::size_t k = 0; k < length; ++k) matches_.push_back({a + k, b + k});
  }

  // Symbols found exactly once on each side of `r`, the longest chain of them in the same order.
  std::vector<Match> unique_anchors(const Range& r) const {
    std::vector<int> count_a(seen_a_.size(), 0), count_b(seen_b_.size(), 0);
    std::vector<std::size_t> pos_b(seen_b_.size(), 0);
    for (std::size_t i = r.a0; i < r.a1; ++i) ++count_a[from_[i]];
    for (std::size_t j = r.b0; j < r.b1; ++j) {
      ++count_b[to_[j]];
      pos_b[to_[j]] = j;
    }
    std::vector<Match> candidates;
    for (std::size_t i = r.a0; i < r.a1; ++i) {
      int id = from_[i];
      if (count_a[id] == 1 && count_b[id] == 1) candidates.push_back({i, pos_b[id]});
    }
    return longest_increasing_chain(candidates);
  }

  // Patience sorting over the `to` positions of candidates already sorted by `from` position.
  static std::vector<Match> longest_increasing_chain(const std::vector<Match>& candidates) {
    std::vector<std::size_t> tails;  // index of the candidate ending the best chain of each length
    std::vector<std::ptrdiff_t> previous(candidates.size(), -1);
    for (std::size_t k = 0; k < candidates.size(); ++k) {
      auto at = std::lower_bound(
          tails.begin(), tails.end(), candidates[k].second,
          [&](std::size_t t, std::size_t pos) { return candidates[t].second < pos; });
      if (at != tails.begin()) previous[k] = static_cast<std::ptrdiff_t>(*(at - 1));
      if (at == tails.end()) {
        tails.push_back(k);
      } else {
        *at = k;
      }
    }
    std::vector<Match> chain;
    for (auto k = tails.empty() ? -1 : static_cast<std::ptrdiff_t>(tails.back()); k >= 0;
         k = previous[k]) {
      chain.push_back(candidates[k]);
    }
    std::reverse(chain.begin(), chain.end());
    return chain;
  }

  // A stretch between two anchors: dtl on the symbols that occur on both sides of it.
  void match_stretch(Range r) {
    std::size_t suffix = trim(r);
    ++stamp_;
    for (std::size_t i = r.a0; i < r.a1; ++i) seen_a_[from_[i]] = stamp_;
    for (std::size_t j = r.b0; j < r.b1; ++j) seen_b_[to_[j]] = stamp_;
    std::vector<std::size_t> pos_a, pos_b;
    std::vector<int> ids_a, ids_b;
    for (std::size_t i = r.a0; i < r.a1; ++i) {
      if (seen_b_[from_[i]] == stamp_) pos_a.push_back(i), ids_a.push_back(from_[i]);
    }
    for (std::size_t j = r.b0; j < r.b1; ++j) {
      if (seen_a_[to_[j]] == stamp_) pos_b.push_back(j), ids_b.push_back(to_[j]);
    }
    if (!ids_a.empty() && !ids_b.empty()) keep_common(ids_a, ids_b, pos_a, pos_b);
    keep_run(r.a1, r.b1, suffix);
  }

  void keep_common(const std::vector<int>& ids_a, const std::vector<int>& ids_b,
                   const std::vector<std::size_t>& pos_a, const std::vector<std::size_t>& pos_b) {
    dtl::Diff<int> diff(ids_a, ids_b);
    diff.compose();
    std::size_t i = 0, j = 0;
    for (const auto& [id, info] : diff.getSes().getSequence()) {
      if (info.type == dtl::SES_COMMON) matches_.push_back({pos_a[i], pos_b[j]});
      if (info.type != dtl::SES_ADD) ++i;
      if (info.type != dtl::SES_DELETE) ++j;
    }
  }

  const std::vector<int>& from_;
  const std::vector<int>& to_;
  std::vector<int> seen_a_, seen_b_;  // stamp of the last stretch each id was found in
  int stamp_ = 0;
  std::vector<Match> matches_;
};

std::vector<Hunk> hunks_between(const std::vector<Match>& matches, std::size_t n, std::size_t m) {
  std::vector<Hunk> hunks;
  std::size_t i = 0, j = 0;
  auto close = [&](std::size_t next_i, std::size_t next_j) {
    if (next_i > i || next_j > j) hunks.push_back({i, next_i, j, next_j});
  };
  for (const auto& [a, b] : matches) {
    close(a, b);
    i = a + 1;
    j = b + 1;
  }
  close(n, m);
  return hunks;
}

}  // namespace

InternedPair intern(const std::vector<std::string_view>& from,
                    const std::vector<std::string_view>& to) {
  InternedPair out;
  std::unordered_map<std::string_view, int> ids;
  ids.reserve(from.size() + to.size());
  auto id_of = [&](std::string_view s) {
    auto [it, added] = ids.try_emplace(s, out.id_count);
    if (added) ++out.id_count;
    return it->second;
  };
  out.from.reserve(from.size());
  for (std::string_view s : from) out.from.push_back(id_of(s));
  out.to.reserve(to.size());
  for (std::string_view s : to) out.to.push_back(id_of(s));
  return out;
}

std::vector<Hunk> diff_sequences(const std::vector<int>& from, const std::vector<int>& to,
                                 int id_count) {
  return hunks_between(Matcher(from, to, id_count).run(), from.size(), to.size());
}

}  // namespace kidwiki::engine
