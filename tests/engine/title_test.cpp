#include "engine/title.h"

#include <doctest/doctest.h>

#include <random>
#include <string>

using namespace kidwiki::engine;

namespace {

const NamespaceNames kEnglish{};
const NamespaceNames kFrench{"Discussion", "Catégorie"};

// Rows name the namespace by letter so the tables stay one line each.
Namespace ns_of(char letter) {
  return letter == 't' ? Namespace::talk : letter == 'c' ? Namespace::category : Namespace::article;
}

}  // namespace

TEST_CASE("parse_title normalises what people type") {
  struct Row {
    std::string_view raw, lang;
    const NamespaceNames& names;
    char ns;  // 'a'rticle, 't'alk, 'c'ategory
    std::string_view text;
  };
  const Row rows[] = {
      {"hello", "en", kEnglish, 'a', "Hello"},
      {"  hello__world  ", "en", kEnglish, 'a', "Hello world"},
      {"hello_ _\t\n world", "en", kEnglish, 'a', "Hello world"},
      {"a\u00A0b\u3000c\u2003d", "en", kEnglish, 'a', "A b c d"},  // Unicode white space
      {"a\u2028b", "en", kEnglish, 'a', "A b"},                    // line separator
      {"e\u0301cole", "fr", kFrench, 'a', "École"},                // NFC first
      {"élan", "fr", kFrench, 'a', "Élan"},
      {"istanbul", "tr", kEnglish, 'a', "İstanbul"},
      {"istanbul", "en", kEnglish, 'a', "Istanbul"},
      {"ß", "de", kEnglish, 'a', "ß"},
      {"iPod", "en", kEnglish, 'a', "IPod"},
      {"the rest KEEPS its case", "en", kEnglish, 'a', "The rest KEEPS its case"},
      {"Talk:dogs", "en", kEnglish, 't', "Dogs"},
      {"talk:dogs", "en", kEnglish, 't', "Dogs"},
      {"TALK : dogs", "en", kEnglish, 't', "Dogs"},
      {"Talk_:_dogs", "en", kEnglish, 't', "Dogs"},
      {"Category:Animals", "en", kEnglish, 'c', "Animals"},
      {"category:animals", "en", kEnglish, 'c', "Animals"},
      {":Category:Animals", "en", kEnglish, 'c', "Animals"},
      {": Category:Animals", "en", kEnglish, 'c', "Animals"},
      {":dogs", "en", kEnglish, 'a', "Dogs"},
      {"catégorie: animaux", "fr", kFrench, 'c', "Animaux"},
      {"CATÉGORIE:Animaux", "fr", kFrench, 'c', "Animaux"},
      {"Catégorie:Animaux", "en", kEnglish, 'a', "Catégorie:Animaux"},  // not a name in en
      {"Category:Animaux", "fr", kFrench, 'c', "Animaux"},              // English always works
      {"Discussion:Chats", "fr", kFrench, 't', "Chats"},
      {"Di\u017Fcussion:Chats", "fr", kFrench, 't', "Chats"},  // long s folds to an ASCII name
      {"discussion:Chats", "fr", kFrench, 't', "Chats"},
      {"Talk:X", "fr", kFrench, 't', "X"},
      {"Talk:Category:Animals", "en", kEnglish, 't', "Category:Animals"},
      {"Dogs: a history", "en", kEnglish, 'a', "Dogs: a history"},
      {"Talkative:x", "en", kEnglish, 'a', "Talkative:x"},
      {"100%", "en", kEnglish, 'a', "100%"},
      {"50% off", "en", kEnglish, 'a', "50% off"},
      {"%zz", "en", kEnglish, 'a', "%zz"},
      {"AC/DC", "en", kEnglish, 'a', "AC/DC"},
      {"...", "en", kEnglish, 'a', "..."},
      {".hidden", "en", kEnglish, 'a', ".hidden"},
      {"a..b", "en", kEnglish, 'a', "A..b"},
      {"x/.y", "en", kEnglish, 'a', "X/.y"},
      {"Rock 'n' roll; really?", "en", kEnglish, 'a', "Rock 'n' roll; really?"},
      {"🐘 elephant", "en", kEnglish, 'a', "🐘 elephant"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.raw);
    CAPTURE(row.lang);
    auto title = parse_title(row.raw, row.lang, row.names);
    REQUIRE_MESSAGE(title.ok(), title.error().message_id);
    CHECK(title->ns == ns_of(row.ns));
    CHECK(title->text == row.text);
  }
}

TEST_CASE("parse_title refuses what cannot be a title, saying why") {
  struct Row {
    std::string raw;
    std::string_view id, arg;  // arg: the first argument's value, if any
  };
  const Row rows[] = {
      {"", "error-title-empty", ""},
      {"   ", "error-title-empty", ""},
      {"__", "error-title-empty", ""},
      {":", "error-title-empty", ""},
      {"Category:", "error-title-empty", ""},
      {"Category:  ", "error-title-empty", ""},
      {"Talk:_", "error-title-empty", ""},
      {"::dogs", "error-title-leading-colon", ""},
      {"Talk::dogs", "error-title-leading-colon", ""},
      {std::string(256, 'a'), "error-title-too-long", "255"},
      {std::string(128, '\xC3') + "", "error-title-invalid-utf8", ""},
      {"caf\xC3", "error-title-invalid-utf8", ""},
      {"\xC0\xAF", "error-title-invalid-utf8", ""},
      {"\xED\xA0\x80", "error-title-invalid-utf8", ""},
      {"\xF4\x90\x80\x80", "error-title-invalid-utf8", ""},
      {"a\x01"
       "b",
       "error-title-control-char", "U+0001"},
      {std::string("a\0b", 3), "error-title-control-char", "U+0000"},
      {"a\x7F", "error-title-control-char", "U+007F"},
      {"a\u0085b\u0080", "error-title-control-char", "U+0080"},  // U+0085 is white space
      {"a\u200Bb", "error-title-invisible-char", "U+200B"},
      {"a\u200Eb", "error-title-invisible-char", "U+200E"},
      {"a\u202Eb", "error-title-invisible-char", "U+202E"},
      {"a\u2066b", "error-title-invisible-char", "U+2066"},
      {"\uFEFFa", "error-title-invisible-char", "U+FEFF"},
      {"co\u00ADop", "error-title-invisible-char", "U+00AD"},
      {"a#b", "error-title-forbidden-char", "#"},
      {"a<b", "error-title-forbidden-char", "<"},
      {"a>b", "error-title-forbidden-char", ">"},
      {"[[a]]", "error-title-forbidden-char", "["},
      {"a]", "error-title-forbidden-char", "]"},
      {"a|b", "error-title-forbidden-char", "|"},
      {"{a", "error-title-forbidden-char", "{"},
      {"a}", "error-title-forbidden-char", "}"},
      {"Talk:#", "error-title-forbidden-char", "#"},
      {".", "error-title-relative-path", ""},
      {"..", "error-title-relative-path", ""},
      {"./x", "error-title-relative-path", ""},
      {"../x", "error-title-relative-path", ""},
      {"x/./y", "error-title-relative-path", ""},
      {"x/../y", "error-title-relative-path", ""},
      {"a/../b", "error-title-relative-path", ""},
      {"x/.", "error-title-relative-path", ""},
      {"x/..", "error-title-relative-path", ""},
      {"Talk:..", "error-title-relative-path", ""},
      {" .. ", "error-title-relative-path", ""},
      {"%41", "error-title-percent", "%41"},
      {"a%2Fb", "error-title-percent", "%2F"},
      {"100%ff", "error-title-percent", "%ff"},
      {"%%41", "error-title-percent", "%41"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.raw);
    auto title = parse_title(row.raw, "en", kEnglish);
    REQUIRE_FALSE(title.ok());
    CHECK(title.error().code == ErrorCode::invalid_title);
    CHECK(title.error().message_id == row.id);
    if (!row.arg.empty()) {
      REQUIRE(title.error().args.size() >= 1);
      const auto& value = title.error().args[0].second;
      std::string text = std::holds_alternative<std::string>(value)
                             ? std::get<std::string>(value)
                             : std::to_string(std::get<std::int64_t>(value));
      CHECK(text == row.arg);
    }
  }
}

TEST_CASE("the 255-byte limit counts bytes of the normalised name, without its namespace") {
  CHECK(parse_title(std::string(255, 'a'), "en", kEnglish).ok());
  CHECK(parse_title("Category:" + std::string(255, 'a'), "en", kEnglish).ok());
  CHECK(parse_title(std::string(200, ' ') + std::string(255, 'a'), "en", kEnglish).ok());
  std::string decomposed;  // 128 × "e" + U+0301 is 384 bytes, 256 once composed
  for (int i = 0; i < 127; ++i) decomposed += "e\u0301";
  CHECK(parse_title(decomposed, "en", kEnglish).ok());
  CHECK(parse_title(decomposed + "e\u0301", "en", kEnglish).error().message_id ==
        "error-title-too-long");
}

TEST_CASE("full_title and title_to_url") {
  struct Row {
    char ns;
    std::string_view text;
    const NamespaceNames& names;
    std::string_view full, url;
  };
  const Row rows[] = {
      {'a', "Dogs", kEnglish, "Dogs", "Dogs"},
      {'a', "Hello world", kEnglish, "Hello world", "Hello_world"},
      {'t', "Dogs", kEnglish, "Talk:Dogs", "Talk:Dogs"},
      {'c', "Animaux d'Afrique", kFrench, "Catégorie:Animaux d'Afrique",
       "Cat%C3%A9gorie:Animaux_d%27Afrique"},
      {'t', "Chats", kFrench, "Discussion:Chats", "Discussion:Chats"},
      {'a', "AC/DC", kEnglish, "AC/DC", "AC/DC"},
      {'a', "100%", kEnglish, "100%", "100%25"},
      {'a', "Q&A = fun? $5 +1; \"x\"", kEnglish, "Q&A = fun? $5 +1; \"x\"",
       "Q%26A_%3D_fun%3F_%245_%2B1%3B_%22x%22"},
      {'a', "Rock (band), yes! *@~-.", kEnglish, "Rock (band), yes! *@~-.",
       "Rock_(band),_yes!_*@~-."},
      {'a', "Back\\slash `tick` ^caret^", kEnglish, "Back\\slash `tick` ^caret^",
       "Back%5Cslash_%60tick%60_%5Ecaret%5E"},
      {'a', "🐘", kEnglish, "🐘", "%F0%9F%90%98"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.text);
    Title title{ns_of(row.ns), std::string(row.text)};
    CHECK(full_title(title, row.names) == row.full);
    CHECK(title_to_url(title, row.names) == row.url);
  }
}

TEST_CASE("talk_page_of and subject_page_of") {
  const Title article{Namespace::article, "Dogs"};
  const Title talk{Namespace::talk, "Dogs"};
  const Title category{Namespace::category, "Animals"};
  CHECK(talk_page_of(article) == talk);
  CHECK(subject_page_of(talk) == article);
  CHECK(talk_page_of(talk) == talk);
  CHECK(subject_page_of(article) == article);
  CHECK(talk_page_of(category) == category);
  CHECK(subject_page_of(category) == category);
}

TEST_CASE("a megabyte title is refused in linear time" * doctest::timeout(60)) {
  std::string spaces(1 << 20, ' ');
  CHECK(parse_title(std::string(1 << 20, 'a'), "en", kEnglish).error().message_id ==
        "error-title-too-long");
  CHECK(parse_title(spaces + "x" + spaces, "en", kEnglish)->text == "X");
  CHECK(parse_title(std::string(1 << 20, '_'), "en", kEnglish).error().message_id ==
        "error-title-empty");
  CHECK(parse_title(std::string(1 << 20, '%'), "en", kEnglish).error().message_id ==
        "error-title-too-long");
  CHECK(parse_title(std::string(1 << 20, 'a') + ":x", "en", kEnglish).error().message_id ==
        "error-title-too-long");
  std::string marks = "e";
  while (marks.size() < (1 << 20)) marks += "\u0301\u0323";
  CHECK(parse_title(marks, "en", kEnglish).error().message_id == "error-title-too-long");
}

// Every accepted title must come back the same when its full form is parsed again: otherwise a
// page could be saved under one name and looked up under another.
TEST_CASE("random bytes never crash parse_title, and accepted titles are stable" *
          doctest::timeout(60)) {
  std::mt19937 random(1129);
  const std::string pieces[] = {"a",      "Z",      " ",      "_",    ":",    "/",
                                ".",      "%",      "4",      "#",    "é",    "e\u0301",
                                "ı",      "i",      "\u0307", "ß",    "Talk", "catégorie",
                                "\u00A0", "\u200B", "\xC3",   "\xFF", "\t",   "🐘"};
  std::uniform_int_distribution<size_t> piece(0, std::size(pieces) - 1), length(0, 12);
  std::uniform_int_distribution<int> byte(0, 255);
  int accepted = 0;
  for (int i = 0; i < 4000; ++i) {
    std::string raw;
    for (size_t n = length(random); n > 0; --n) {
      raw += i % 2 ? pieces[piece(random)] : std::string(1, static_cast<char>(byte(random)));
    }
    const auto& names = i % 3 ? kFrench : kEnglish;
    auto title = parse_title(raw, i % 4 ? "fr" : "tr", names);
    if (!title.ok()) continue;
    ++accepted;
    CAPTURE(raw);
    auto again = parse_title(full_title(title.value(), names), i % 4 ? "fr" : "tr", names);
    REQUIRE(again.ok());
    CHECK(again.value() == title.value());
  }
  CHECK(accepted > 500);
}

// Plain titles (NFC Latin text, single spaces, no namespace) take a quick path. A trailing
// underscore changes nothing in the result but sends a title down the full path, so the two
// paths are compared on random text made of what the quick path accepts and its near misses.
TEST_CASE("the quick path for plain titles agrees with the full path" * doctest::timeout(60)) {
  std::mt19937 random(2024);
  const std::string pieces[] = {"a", "Q", " ",  "  ", "é",  "É", "ı",        "i",      "ǆ",
                                "ɐ", "ß", "ÿ",  "œ",  ".",  "/", "..",       "./",     "-",
                                "'", "’", "\t", "%",  ":",  "_", "\u0301",   "\u00A0", "\u00AD",
                                "#", "1", "~",  "ſ",  "ʼn", "ǰ", "\xC3\x28", "\xCB",   "🐘"};
  std::uniform_int_distribution<size_t> piece(0, std::size(pieces) - 1), length(0, 10);
  const char* languages[] = {"fr", "en", "tr", "lt", "nl"};
  for (int i = 0; i < 6000; ++i) {
    std::string raw;
    for (size_t n = length(random); n > 0; --n) raw += pieces[piece(random)];
    const char* lang = languages[i % std::size(languages)];
    CAPTURE(raw);
    CAPTURE(lang);
    auto quick = parse_title(raw, lang, kFrench);
    auto full = parse_title(raw + "_", lang, kFrench);
    REQUIRE(quick.ok() == full.ok());
    if (quick.ok()) {
      CHECK(quick.value() == full.value());
    } else {
      CHECK(quick.error().message_id == full.error().message_id);
    }
  }
}
