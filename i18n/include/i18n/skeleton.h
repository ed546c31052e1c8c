// Keys under which look-alike spellings of a word compare equal, for filters and name checks.
// Never shown to anyone: a key is for comparing, not for display. Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::i18n {

// The confusable skeleton of UTS #39 (ICU uspoof_getSkeleton): "Lуcas" with a Cyrillic у and
// "Lucas" give the same skeleton. Case and accents are kept ("É" and "E" differ). Ill-formed
// UTF-8 counts as U+FFFD.
std::string confusable_skeleton(std::string_view s);

// The key a word filter compares: case folded (NFKC), accents removed, then the confusable
// skeleton, case folded again (the marks the skeleton writes are kept: they tell letters apart). "CÔN", "ｃｏｎ" and "соn" (Cyrillic с, о) all give "con". Default
// ignorable characters (zero-width space, soft hyphen) disappear. Linear in the input.
std::string matching_key(std::string_view s);

// True for the code points a word is made of when matching: letters, combining marks, digits,
// and invisible format characters (zero-width joiners, soft hyphens) that a writer may slip
// inside a word to hide it.
bool is_word_character(char32_t c);

}  // namespace kidwiki::i18n
