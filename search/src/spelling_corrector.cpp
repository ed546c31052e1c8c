#include "spelling_corrector.h"

#include "fields.h"
#include "sound_key.h"
#include "term_folding.h"

namespace kidwiki::search {
namespace {

// How much more a word that sounds like the typed one counts than one that is merely spelled
// alike: children write what they hear.
constexpr double kSoundBonus = 4.0;

// A word's weight is its collection frequency in the text field: every occurrence, title words
// counting title_weight times. Zero for a word no page uses any more.
struct Candidate {
  std::string word;
  double score = 0;
};

void consider(const Xapian::Database& db, const std::string& word, double bonus, Candidate& best) {
  const double score = static_cast<double>(db.get_collection_freq(word)) * bonus;
  if (score > best.score) best = {word, score};
}

std::optional<std::string> correct_word(const Xapian::Database& db, const std::string& folded) {
  if (db.get_collection_freq(folded) > 0) return std::nullopt;
  Candidate best;
  const unsigned distance = folded.size() <= 4 ? 1 : 2;
  const std::string near = db.get_spelling_suggestion(folded, distance);
  if (!near.empty()) consider(db, near, 1.0, best);
  const std::string key = sound_key(folded);
  if (!key.empty()) {
    const std::string synonym_key = std::string(fields::kSoundKey) + key;
    for (auto it = db.synonyms_begin(synonym_key); it != db.synonyms_end(synonym_key); ++it) {
      consider(db, *it, kSoundBonus, best);
    }
  }
  if (best.word.empty()) return std::nullopt;
  return best.word;
}

// "éléphant" rather than "elephant" when a title writes the word with accents.
std::string written_form(const Xapian::Database& db, const std::string& folded) {
  const std::string key = std::string(fields::kWrittenForm) + folded;
  auto it = db.synonyms_begin(key);
  return it != db.synonyms_end(key) ? *it : folded;
}

}  // namespace

std::optional<std::string> correct_query(const Xapian::Database& db, std::string_view raw,
                                         const LanguageAnalysis& analysis,
                                         const RealWords* real_words) {
  std::string out;
  std::size_t cursor = 0;
  bool changed = false;
  for (const WordSpan& w : scan_words(raw)) {
    const std::string_view typed = raw.substr(w.begin, w.end - w.begin);
    const std::string folded = fold_word(typed);
    if (is_stop_word(analysis, folded)) continue;
    if (real_words && db.get_collection_freq(folded) == 0 && real_words->knows(typed)) continue;
    const std::optional<std::string> fixed = correct_word(db, folded);
    if (!fixed) continue;
    out.append(raw.substr(cursor, w.begin - cursor));
    out += written_form(db, *fixed);
    cursor = w.end;
    changed = true;
  }
  if (!changed) return std::nullopt;
  out.append(raw.substr(cursor));
  return out;
}

}  // namespace kidwiki::search
