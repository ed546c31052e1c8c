// Sentences and words of a text, as ICU's break iterators find them for a language (UAX #29 with
// the locale's tailoring: "M. Dupont" does not end a French sentence, "l'éléphant" is one word).
// On valid UTF-8; spans are byte ranges of the text. Pure and thread-safe.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace kidwiki::i18n {

struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past the last byte
};

// The sentences of `text`, each with its trailing spaces trimmed; blank ones are left out.
std::vector<Span> sentence_spans(std::string_view text, std::string_view lang);

// The words of `text`: runs of letters, ideographs or kana, and numbers, not the spaces and
// punctuation between them.
std::vector<Span> word_spans(std::string_view text, std::string_view lang);

}  // namespace kidwiki::i18n
