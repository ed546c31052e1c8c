// The words of a text as the filters see them: runs of word characters with their byte range in
// the original text and their matching key (i18n::matching_key), so that a match found on keys
// points back at the bytes the writer typed.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

struct FilterToken {
  std::size_t begin;  // byte offsets in the original text
  std::size_t end;
  std::string key;   // matching key; digits inside letters read as letters ("c0n" -> "con")
  bool digits_only;  // ASCII digits and nothing else ("1789")
};

// Splits `text` into word tokens in one pass. Linear in the text; invalid UTF-8 bytes separate
// words.
std::vector<FilterToken> filter_tokens(std::string_view text);

// The keys of a fixed list of words (street names, trigger phrases), computed as a text's tokens
// are, so that they compare equal: the confusable skeleton reads "m" as "rn", for one.
std::vector<std::string> keys_of(std::initializer_list<std::string_view> words);

// The bytes between two tokens (a < b), as typed.
inline std::string_view gap_between(std::string_view text, const FilterToken& a,
                                    const FilterToken& b) {
  return text.substr(a.end, b.begin - a.end);
}

// The token's bytes as typed.
inline std::string_view raw_of(std::string_view text, const FilterToken& t) {
  return text.substr(t.begin, t.end - t.begin);
}

}  // namespace kidwiki::engine
