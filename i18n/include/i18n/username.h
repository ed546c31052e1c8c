// What makes a pupil's or teacher's name acceptable, and when two names count as the same.
// Pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::i18n {

struct UsernameCheck {
  std::string name;      // as it will be shown: NFC, white space collapsed and trimmed
  std::string key;       // NFKC case folded: "Léa" and "LÉA" share it
  std::string skeleton;  // confusable skeleton of the key: "Lucas" and "Lуcas" (Cyrillic у) share it
  std::string problem;   // a message id when the name is refused, else empty
};

// Longest name, in code points: it must fit on a login card.
inline constexpr std::size_t kMaxUsernameLength = 40;

// Normalises `raw` and says whether it may be a username. Refused (problem set):
// invalid UTF-8 ("error-username-invalid"), empty or shorter than 2 or longer than
// kMaxUsernameLength code points ("error-username-length"), control, bidirectional or invisible
// characters ("error-username-invisible": ICU's checks let zero-width and bidi controls
// through), anything but letters, digits, spaces and - _ . ("error-username-characters"), and
// scripts mixed beyond ICU's highly restrictive level ("error-username-mixed-scripts").
UsernameCheck check_username(std::string_view raw);

}  // namespace kidwiki::i18n
