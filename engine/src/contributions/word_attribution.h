// Who wrote the words of a page's current text: a blame over its published versions, word by word,
// with the project's sequence diff (diff/sequence_diff.h). Pure and thread-safe.
//
// The versions are walked oldest first. Each is cut into words by ICU (i18n/segments.h: letters,
// ideographs and numbers; spaces, punctuation and markup are no words) and compared with the
// version before it. Words the diff keeps carry their author over; words it inserts belong to the
// version's author, with two exceptions that keep authorship where a child would expect it:
// - a revert: a version whose words equal an earlier version's takes that version's authors
//   (restoring a vandalised text gives the text back to those who wrote it, not to the restorer);
// - a move: a run of at least kMinMovedWords words that the same diff deletes elsewhere keeps its
//   authors (a paragraph moved up is still its writer's).
// A replaced word is a new word: "gris" changed to "noir" is the changer's.
//
// Cost: one ICU word segmentation per version and one anchored diff per pair of consecutive
// versions (near linear in the words of the two texts for edited texts; see diff.h), and memory
// for every version's words at once. The caller bounds the number of versions
// (kMaxAttributionVersions in contributions/page_blame.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace kidwiki::engine {

// The author of words nobody is known for: an anonymous reader, or text older than the versions
// walked.
inline constexpr std::int64_t kNoAuthor = 0;

// The shortest run of words a diff both deletes and inserts that counts as moved rather than
// written anew.
inline constexpr std::size_t kMinMovedWords = 3;

struct AttributedVersion {
  std::int64_t author = kNoAuthor;  // an account id, or kNoAuthor
  std::string_view text;            // plain text (no markup), valid UTF-8
};

struct WordAttribution {
  std::int64_t total_words = 0;  // words of the last version
  // Words of the last version by their author; authors with no word left are absent.
  std::unordered_map<std::int64_t, std::int64_t> words_by_author;
};

// The authors of the words of versions.back(). `first_is_origin`: the first version's words are
// its author's (the page's first published version); otherwise they are kNoAuthor's (older text,
// when the walk starts part way through a long history). Empty `versions`: no words.
WordAttribution attribute_words(const std::vector<AttributedVersion>& versions,
                                std::string_view lang, bool first_is_origin = true);

}  // namespace kidwiki::engine
