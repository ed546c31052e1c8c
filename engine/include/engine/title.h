// Page titles: namespaces, normalisation, validation and URL form.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/result.h"

namespace kidwiki::engine {

// Numbers as in MediaWiki, so exported data reads the same.
enum class Namespace : int { article = 0, talk = 1, file = 6, category = 14 };

// The names a namespace answers to in one edition. The localised name is what the wiki shows;
// the English canonical names ("Talk", "Category", "File", and MediaWiki's older "Image") are
// always understood as well.
struct NamespaceNames {
  std::string talk = "Talk";
  std::string category = "Category";
  std::string file = "File";  // a picture's page: its image, description, author and licence
};

struct Title {
  Namespace ns = Namespace::article;
  std::string text;  // normalised, without the namespace prefix, spaces (not underscores)

  friend bool operator==(const Title&, const Title&) = default;
  friend auto operator<=>(const Title&, const Title&) = default;
};

// Normalises and validates a title typed by a person or found in a link:
// NFC; underscores and runs of white space become one space; trimmed; a known namespace prefix
// is split off; the first letter is upper-cased with `lang`'s rules; the rest is kept as is.
// Refused (invalid_title, with a message saying why): empty, over 255 bytes, invalid UTF-8,
// control, bidirectional or invisible characters, any of # < > [ ] | { }, and relative paths.
// One leading ':' is dropped (":Category:X" is the category itself); a name still starting with
// ':' is refused, and so is "%" followed by two hex digits. docs/titles.md has every rule.
// `raw` is taken as already percent-decoded: callers decode exactly once.
Result<Title> parse_title(std::string_view raw, std::string_view lang, const NamespaceNames& names);

// "Catégorie:Animaux" for {category, "Animaux"} in an edition that calls it "Catégorie".
std::string full_title(const Title& title, const NamespaceNames& names);

// The path segment of a title: full title, spaces as underscores, percent-encoded
// ("Catégorie:Animaux_d'Afrique" -> "Cat%C3%A9gorie:Animaux_d%27Afrique").
std::string title_to_url(const Title& title, const NamespaceNames& names);

// The talk page of an article, and back; a category's talk page is not modelled. A title of
// another namespace comes back unchanged (talk_page_of a talk page is that page).
Title talk_page_of(const Title& article);
Title subject_page_of(const Title& talk);

}  // namespace kidwiki::engine
