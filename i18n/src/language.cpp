#include "i18n/language.h"

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <unicode/localematcher.h>
#include <unicode/locid.h>

#include "accept_language_header.h"
#include "i18n/messages.h"

namespace kidwiki::i18n {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return ascii_lower(x) == ascii_lower(y);
         });
}

std::optional<icu::Locale> to_locale(std::string_view tag) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(icu::StringPiece(tag.data(), tag.size()), status);
  if (U_FAILURE(status) || locale.isBogus()) return std::nullopt;
  return locale;
}

// Why ICU's LocaleMatcher rather than RFC 4647 lookup: it knows CLDR's distances between
// languages, so "pt-PT" finds "pt" (Brazilian by default), "es-419" finds "es", while
// "zh-Hant-TW" is not sent to Simplified Chinese.
std::optional<std::size_t> best_match(const std::vector<std::string>& wanted,
                                      const std::vector<std::string>& available,
                                      const std::vector<std::string>& refused = {}) {
  UErrorCode status = U_ZERO_ERROR;
  icu::LocaleMatcher::Builder builder;
  std::vector<std::size_t> index;  // supported locale -> entry of `available`
  for (std::size_t i = 0; i < available.size(); ++i) {
    const bool is_refused = std::any_of(refused.begin(), refused.end(),
                                        [&](const auto& r) { return iequals(r, available[i]); });
    auto locale = is_refused ? std::nullopt : to_locale(available[i]);
    if (!locale) continue;
    builder.addSupportedLocale(*locale);
    index.push_back(i);
  }
  std::vector<icu::Locale> desired;
  for (const auto& tag : wanted) {
    if (auto locale = to_locale(tag)) desired.push_back(*locale);
  }
  if (index.empty() || desired.empty()) return std::nullopt;
  const icu::LocaleMatcher matcher = builder.setNoDefaultLocale().build(status);
  if (U_FAILURE(status)) return std::nullopt;
  icu::Locale::RangeIterator<std::vector<icu::Locale>::const_iterator> iterator(desired.begin(),
                                                                                desired.end());
  const auto result = matcher.getBestMatchResult(iterator, status);
  if (U_FAILURE(status) || result.getSupportedIndex() < 0) return std::nullopt;
  return index[static_cast<std::size_t>(result.getSupportedIndex())];
}

}  // namespace

std::optional<std::string> best_language(const std::vector<std::string>& wanted,
                                         const std::vector<std::string>& available) {
  const auto found = best_match(wanted, available);
  if (!found) return std::nullopt;
  return available[*found];
}

std::optional<std::string> best_accept_language(std::string_view header,
                                                const std::vector<std::string>& available) {
  const WantedLanguages wanted = wanted_languages(header, available);
  const auto found = best_match(wanted.tags, available, wanted.refused);
  if (!found) return std::nullopt;
  return available[*found];
}

std::string choose_interface_language(const LanguageChoice& choice) {
  const auto& available = Messages::builtin().languages();
  if (choice.uselang && iequals(*choice.uselang, kPseudoLanguage)) {
    return std::string(kPseudoLanguage);
  }
  for (const auto& tag : {choice.uselang, choice.preference}) {
    if (!tag) continue;
    if (auto found = best_language({*tag}, available)) return *found;
  }
  if (auto accepted = best_accept_language(choice.accept_language, available)) return *accepted;
  if (auto edition = best_language({choice.edition_lang}, available)) return *edition;
  return "en";
}

}  // namespace kidwiki::i18n
