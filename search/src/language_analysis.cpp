#include "language_analysis.h"

#include <array>
#include <string>

namespace kidwiki::search {
namespace {

// Folded forms (no accents): stop words are matched after folding, like every other word.
// Why our own lists: Xapian 1.4 ships stemmers but no stop words. Kept short on purpose: with
// AND as the default operator, only words that carry no meaning in a child's query belong here.
constexpr std::array kFrenchStopWords = {
    "a",   "au",  "aux", "avec", "ce",  "ces", "c",   "d",    "dans", "de",  "des",
    "du",  "elle", "en", "est",  "et",  "il",  "ils", "j",    "je",   "l",   "la",
    "le",  "les", "leur", "lui", "m",   "ma",  "mais", "me",  "mes",  "n",   "ne",
    "nous", "on", "ou",  "par",  "pas", "pour", "qu", "que",  "qui",  "s",   "sa",
    "se",  "ses", "son", "sur",  "t",   "ta",  "te",  "tu",   "un",   "une", "vous",
    "y",   "quoi", "comment", "pourquoi", "quel", "quelle", "quels", "quelles"};

constexpr std::array kEnglishStopWords = {
    "a",    "an",  "and",  "are",  "as",   "at",   "be",   "by",   "do",    "does",
    "for",  "from", "how", "i",    "in",   "is",   "it",   "its",  "of",    "on",
    "or",   "s",   "that", "the",  "this", "to",   "was",  "what", "when",  "where",
    "which", "who", "why", "will", "with", "you",  "t",    "can",  "did",   "about"};

template <std::size_t N>
std::unique_ptr<Xapian::Stopper> make_stopper(const std::array<const char*, N>& words) {
  auto stopper = std::make_unique<Xapian::SimpleStopper>();
  for (const char* w : words) stopper->add(w);
  return stopper;
}

std::string primary_language(std::string_view lang) {
  return std::string(lang.substr(0, lang.find_first_of("-_")));
}

}  // namespace

LanguageAnalysis analysis_for(std::string_view lang) {
  const std::string primary = primary_language(lang);
  LanguageAnalysis analysis{Xapian::Stem(primary, /*fallback=*/true), nullptr};
  if (primary == "fr") analysis.stopper = make_stopper(kFrenchStopWords);
  if (primary == "en") analysis.stopper = make_stopper(kEnglishStopWords);
  return analysis;
}

bool is_stop_word(const LanguageAnalysis& analysis, const std::string& folded_word) {
  return analysis.stopper && (*analysis.stopper)(folded_word);
}

}  // namespace kidwiki::search
