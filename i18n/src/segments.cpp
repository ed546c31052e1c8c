#include "i18n/segments.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <memory>
#include <string>

namespace kidwiki::i18n {
namespace {

// A break iterator over the UTF-8 bytes themselves (UText), so that every boundary it gives is a
// byte offset of the text: no copy to UTF-16 and no offsets to map back.
class Breaks {
 public:
  Breaks(std::string_view text, std::string_view lang, bool sentences) {
    UErrorCode status = U_ZERO_ERROR;
    // "ss=standard": the language's abbreviations ("M.", "etc.", "Mr.") end no sentence.
    const icu::Locale locale((std::string(lang) + (sentences ? "@ss=standard" : "")).c_str());
    iterator_.reset(sentences ? icu::BreakIterator::createSentenceInstance(locale, status)
                              : icu::BreakIterator::createWordInstance(locale, status));
    text_ = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    if (U_FAILURE(status) || !iterator_) {
      iterator_.reset();
      return;
    }
    iterator_->setText(text_, status);
    if (U_FAILURE(status)) iterator_.reset();
  }
  ~Breaks() { utext_close(text_); }
  Breaks(const Breaks&) = delete;
  Breaks& operator=(const Breaks&) = delete;

  icu::BreakIterator* get() { return iterator_.get(); }

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  UText* text_ = nullptr;
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

}  // namespace

std::vector<Span> sentence_spans(std::string_view text, std::string_view lang) {
  std::vector<Span> out;
  Breaks breaks(text, lang, /*sentences=*/true);
  icu::BreakIterator* it = breaks.get();
  if (!it) return out;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    std::size_t b = static_cast<std::size_t>(start), e = static_cast<std::size_t>(end);
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    if (e > b) out.push_back({b, e});
  }
  return out;
}

std::vector<Span> word_spans(std::string_view text, std::string_view lang) {
  std::vector<Span> out;
  Breaks breaks(text, lang, /*sentences=*/false);
  icu::BreakIterator* it = breaks.get();
  if (!it) return out;
  int32_t start = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; start = end, end = it->next()) {
    // UBRK_WORD_NONE covers spaces and punctuation; every other status is a word.
    if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      out.push_back({static_cast<std::size_t>(start), static_cast<std::size_t>(end)});
    }
  }
  return out;
}

}  // namespace kidwiki::i18n
