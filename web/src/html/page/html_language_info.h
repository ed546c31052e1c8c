// Facts about languages the interface needs: how a language names itself and which way it runs.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::web {

// "Français" for "fr"; the code itself for a language not in the table.
std::string autonym(std::string_view lang);

// "rtl" for right-to-left scripts (Arabic, Hebrew, Persian, Urdu, ...), otherwise "ltr".
std::string text_direction(std::string_view lang);

}  // namespace kidwiki::web
