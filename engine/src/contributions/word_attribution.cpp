#include "contributions/word_attribution.h"

#include <algorithm>

#include "diff/sequence_diff.h"
#include "i18n/segments.h"

namespace kidwiki::engine {
namespace {

// Candidates tried for one moved run: a phrase repeated hundreds of times in a deleted block must
// not make one insertion cost hundreds of comparisons.
constexpr std::size_t kMaxMoveCandidates = 16;

using Authors = std::vector<std::int64_t>;

std::size_t hash_words(const std::vector<int>& words) {
  std::size_t h = 1469598103934665603ull;
  for (int w : words) h = (h ^ static_cast<std::size_t>(w)) * 1099511628211ull;
  return h ^ words.size();
}

std::uint64_t gram_key(const std::vector<int>& words, std::size_t at) {
  std::uint64_t key = 0;
  for (std::size_t k = 0; k < kMinMovedWords; ++k) {
    key = key * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(words[at + k]) + 1;
  }
  return key;
}

// The authors of `to`, a version by `author` that follows `from`.
Authors carry_over(const std::vector<int>& from, const Authors& from_authors,
                   const std::vector<int>& to, std::int64_t author, int id_count) {
  const std::vector<Hunk> hunks = diff_sequences(from, to, id_count);
  Authors out(to.size(), author);
  // Kept words: the stretches between hunks.
  std::size_t f = 0, t = 0;
  for (const Hunk& h : hunks) {
    while (t < h.to_begin) out[t++] = from_authors[f++];
    f = h.from_end;
    t = h.to_end;
  }
  while (t < to.size()) out[t++] = from_authors[f++];

  // Deleted words, indexed by the run of kMinMovedWords that starts at each, within one hunk.
  std::vector<std::size_t> deleted_end(from.size(), 0);  // 0: kept
  std::unordered_map<std::uint64_t, std::vector<std::size_t>> deleted_grams;
  for (const Hunk& h : hunks) {
    for (std::size_t k = h.from_begin; k < h.from_end; ++k) deleted_end[k] = h.from_end;
    for (std::size_t k = h.from_begin; k + kMinMovedWords <= h.from_end; ++k) {
      deleted_grams[gram_key(from, k)].push_back(k);
    }
  }
  if (deleted_grams.empty()) return out;
  std::vector<bool> taken(from.size(), false);
  for (const Hunk& h : hunks) {
    for (std::size_t at = h.to_begin; at + kMinMovedWords <= h.to_end;) {
      std::size_t best_len = 0, best_from = 0;
      if (auto found = deleted_grams.find(gram_key(to, at)); found != deleted_grams.end()) {
        std::size_t tried = 0;
        for (std::size_t k : found->second) {
          if (taken[k]) continue;
          if (++tried > kMaxMoveCandidates) break;
          std::size_t len = 0;
          while (at + len < h.to_end && k + len < deleted_end[k] && !taken[k + len] &&
                 from[k + len] == to[at + len]) {
            ++len;
          }
          if (len > best_len) best_len = len, best_from = k;
        }
      }
      if (best_len < kMinMovedWords) {
        ++at;
        continue;
      }
      for (std::size_t k = 0; k < best_len; ++k) {
        out[at + k] = from_authors[best_from + k];
        taken[best_from + k] = true;
      }
      at += best_len;
    }
  }
  return out;
}

}  // namespace

WordAttribution attribute_words(const std::vector<AttributedVersion>& versions,
                                std::string_view lang, bool first_is_origin) {
  WordAttribution result;
  if (versions.empty()) return result;
  // Every word of every version as a small integer, equal words equal integers.
  std::unordered_map<std::string_view, int> ids;
  std::vector<std::vector<int>> words(versions.size());
  for (std::size_t v = 0; v < versions.size(); ++v) {
    const std::string_view text = versions[v].text;
    for (const i18n::Span& span : i18n::word_spans(text, lang)) {
      auto [it, added] = ids.try_emplace(text.substr(span.begin, span.end - span.begin),
                                         static_cast<int>(ids.size()));
      words[v].push_back(it->second);
    }
  }
  const int id_count = static_cast<int>(ids.size());

  std::vector<Authors> authors(versions.size());
  std::unordered_map<std::size_t, std::vector<std::size_t>> by_hash;  // versions by their words
  authors[0] = Authors(words[0].size(), first_is_origin ? versions[0].author : kNoAuthor);
  by_hash[hash_words(words[0])].push_back(0);
  for (std::size_t v = 1; v < versions.size(); ++v) {
    auto& same_hash = by_hash[hash_words(words[v])];
    // A revert: the newest earlier version with the same words gives its authors back.
    auto earlier = std::find_if(same_hash.rbegin(), same_hash.rend(),
                                [&](std::size_t e) { return words[e] == words[v]; });
    if (earlier != same_hash.rend()) {
      authors[v] = authors[*earlier];
    } else {
      authors[v] = carry_over(words[v - 1], authors[v - 1], words[v], versions[v].author, id_count);
    }
    same_hash.push_back(v);
  }
  const Authors& last = authors.back();
  result.total_words = static_cast<std::int64_t>(last.size());
  for (std::int64_t author : last) ++result.words_by_author[author];
  return result;
}

}  // namespace kidwiki::engine
