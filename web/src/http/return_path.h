// Where a login form sends the user back to: only ever a path of this site.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kidwiki::web {

// `raw` as a path of this site ("/fr/wiki/Chat?action=edit"), with bytes outside printable ASCII
// and spaces percent-encoded; empty when it could lead elsewhere or is not a path: not starting
// with one '/', "//host", any backslash (browsers read "/\host" as "//host"), control
// characters, or longer than kMaxReturnPathBytes.
std::optional<std::string> safe_return_path(std::string_view raw);

inline constexpr std::size_t kMaxReturnPathBytes = 2048;

}  // namespace kidwiki::web
