// Formatting of one ICU MessageFormat pattern, apart from the catalogs so that it can be tested
// with patterns no catalog holds (malformed ones in particular).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "i18n/messages.h"

namespace kidwiki::i18n {

// `pattern` formatted with the named `args` under the plural and number rules of `lang`;
// nullopt when the pattern is malformed or ICU refuses the arguments. Safe from any thread.
std::optional<std::string> format_pattern(std::string_view pattern, std::string_view lang,
                                          const MessageArgs& args);

// The names of the arguments `pattern` uses ({count, plural, ...} and {name} give "count" and
// "name"), at any depth; nullopt when the pattern is malformed. Translations must use the same.
std::optional<std::set<std::string>> argument_names(std::string_view pattern);

// The kPseudoLanguage form of a message: "(id)", or "(id: value1, value2)" with the arguments'
// values in the order given.
std::string pseudo_message(std::string_view id, const MessageArgs& args);

}  // namespace kidwiki::i18n
