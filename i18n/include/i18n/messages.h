// The interface's translated strings. Every user-visible string is a message id looked up here.
// Catalogs live in i18n/messages/<lang>/<area>.json (qqq/ documents each id for translators) and are
// compiled into the binary. Patterns use ICU MessageFormat with named arguments, so plurals read
// "{count, plural, one {# page} other {# pages}}".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kidwiki::i18n {

using MessageArg = std::pair<std::string, std::variant<std::string, std::int64_t>>;
using MessageArgs = std::vector<MessageArg>;

// The pseudo-language that shows every message as "(id)", so a hard-coded string stands out.
inline constexpr std::string_view kPseudoLanguage = "qqx";

class Messages {
 public:
  // The compiled-in catalogs; loaded once, immutable, thread-safe.
  static const Messages& builtin();

  // Languages that have a catalog (not "qqq" or "qqx").
  const std::vector<std::string>& languages() const;
  bool has_language(std::string_view lang) const;

  // The message `id` in `lang`, formatted with `args`. Falls back to English when `lang` lacks
  // the id; an id missing everywhere gives "⧼id⧽" so the gap is visible rather than fatal.
  // In kPseudoLanguage the result is "(id)". Never throws.
  std::string format(std::string_view lang, std::string_view id, const MessageArgs& args = {}) const;

  // Every id of the English catalog (tests check the other catalogs against it).
  std::vector<std::string> ids(std::string_view lang) const;

  // The raw pattern of `id` in `lang`, or empty when the catalog lacks it.
  std::string pattern(std::string_view lang, std::string_view id) const;

 private:
  Messages();
  struct Catalogs;
  const Catalogs* catalogs_;
};

}  // namespace kidwiki::i18n
