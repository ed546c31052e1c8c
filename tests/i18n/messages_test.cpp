#include "i18n/messages.h"
#include "i18n/relative_time.h"
#include "i18n/time_zone.h"

#include <doctest/doctest.h>

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

// The module's own tests may see its private parts; no other target can.
#include "../../i18n/src/catalog_loader.h"
#include "../../i18n/src/message_pattern.h"

using namespace kidwiki::i18n;

namespace {
const Messages& messages() { return Messages::builtin(); }
}  // namespace

TEST_CASE("format looks messages up, formats them and falls back") {
  struct Row {
    std::string_view name, lang, id;
    MessageArgs args;
    std::string expected;
  };
  const Row rows[] = {
      {"plain", "en", "kidwiki-name", {}, "Kidwiki"},
      {"string argument", "en", "kidwiki-welcome", {{"site", "Kidwiki"}}, "Welcome to Kidwiki!"},
      {"french", "fr", "kidwiki-welcome", {{"site", "Kidwiki"}}, "Bienvenue sur Kidwiki\u00A0!"},
      {"en plural one", "en", "kidwiki-page-count", {{"count", std::int64_t{1}}}, "1 page"},
      {"en plural zero", "en", "kidwiki-page-count", {{"count", std::int64_t{0}}}, "0 pages"},
      {"en plural many",
       "en",
       "kidwiki-page-count",
       {{"count", std::int64_t{1234}}},
       "1,234 pages"},
      {"fr plural zero is one", "fr", "kidwiki-page-count", {{"count", std::int64_t{0}}}, "0 page"},
      {"fr plural one", "fr", "kidwiki-page-count", {{"count", std::int64_t{1}}}, "1 page"},
      {"fr plural many", "fr", "kidwiki-page-count", {{"count", std::int64_t{2}}}, "2 pages"},
      {"fr digits grouping",
       "fr",
       "kidwiki-page-count",
       {{"count", std::int64_t{1234}}},
       "1\u202F234 pages"},
      {"unknown language falls back to en",
       "ja",
       "kidwiki-tagline",
       {},
       "The encyclopedia for children"},
      {"region tag is not a catalog", "fr-CH", "kidwiki-language-name", {}, "English"},
      {"notes are never shown", "qqq", "kidwiki-name", {}, "Kidwiki"},
      {"missing everywhere", "fr", "no-such-message", {}, "⧼no-such-message⧽"},
      {"missing argument stays visible", "en", "kidwiki-welcome", {}, "Welcome to {site}!"},
      {"unused argument is ignored", "en", "kidwiki-name", {{"x", "y"}}, "Kidwiki"},
      {"qqx", "qqx", "kidwiki-name", {}, "(kidwiki-name)"},
      {"qqx with arguments",
       "qqx",
       "kidwiki-page-count",
       {{"count", std::int64_t{3}}, {"where", "Animaux"}},
       "(kidwiki-page-count: 3, Animaux)"},
      {"qqx of a missing id", "qqx", "no-such-message", {}, "(no-such-message)"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(messages().format(row.lang, row.id, row.args) == row.expected);
  }
}

TEST_CASE("format_pattern survives bad patterns and odd arguments") {
  struct Row {
    std::string_view name, pattern, lang;
    MessageArgs args;
    std::optional<std::string> expected;
  };
  const Row rows[] = {
      {"unclosed brace",
       "{count, plural, one {# page}",
       "en",
       {{"count", std::int64_t{1}}},
       std::nullopt},
      {"plural without other",
       "{n, plural, one {x}}",
       "en",
       {{"n", std::int64_t{1}}},
       std::nullopt},
      {"unknown format type", "{n, nosuchtype}", "en", {{"n", std::int64_t{1}}}, std::nullopt},
      {"doubled apostrophe", "l''{name}", "fr", {{"name", "arbre"}}, "l'arbre"},
      {"typographic apostrophe", "l’{name}", "fr", {{"name", "arbre"}}, "l’arbre"},
      {"braces in a value are text", "{v}", "en", {{"v", "{x}"}}, "{x}"},
      {"negative number", "{n, number}", "en", {{"n", std::int64_t{-5}}}, "-5"},
      {"unknown locale",
       "{n, plural, one {# a} other {# b}}",
       "zz!",
       {{"n", std::int64_t{2}}},
       "2 b"},
      {"select", "{g, select, female {elle} other {il}}", "fr", {{"g", "female"}}, "elle"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(format_pattern(row.pattern, row.lang, row.args) == row.expected);
  }
}

TEST_CASE("catalog strings are read with every JSON escape") {
  const std::string_view text =
      R"( { "a" : "plain" , "b": "\"q\" \\ \/ \b\f\n\r\t", "c": "\u00e9\u20AC\ud83d\ude18",)"
      "\n\t\"d\": \"\xC3\xA9t\xC3\xA9\", \"\": \"\"}\r\n";
  CatalogSet merged = merge_catalog_files({{"fr/a.json", text}, {"en/a.json", "{}"}});
  CHECK(merged.at("fr") == Catalog{{"a", "plain"},
                                   {"b", "\"q\" \\ / \b\f\n\r\t"},
                                   {"c", "\u00E9\u20AC\U0001F618"},
                                   {"d", "\u00E9t\u00E9"},
                                   {"", ""}});
  CHECK(merged.at("en").empty());
}

TEST_CASE("catalogs are merged per language and a duplicate id stops the load") {
  using Files = std::map<std::string_view, std::string_view>;
  CatalogSet merged = merge_catalog_files({{"en/a.json", R"({"x": "X"})"},
                                           {"en/b.json", R"({"y": "Y"})"},
                                           {"fr/a.json", R"({"x": "X fr"})"}});
  CHECK(merged.at("en") == Catalog{{"x", "X"}, {"y", "Y"}});
  CHECK(merged.at("fr") == Catalog{{"x", "X fr"}});

  struct Row {
    std::string_view name;
    Files files;
    std::string_view reason;
  };
  const Row rows[] = {
      {"duplicate across areas",
       {{"en/a.json", R"({"x": "1"})"}, {"en/b.json", R"({"x": "2"})"}},
       "en/b.json: id \"x\" is already defined"},
      {"duplicate in one file",
       {{"en/a.json", R"({"x": "1", "x": "2"})"}},
       "en/a.json: id \"x\" is defined twice"},
      {"not json", {{"en/a.json", "{"}}, "not valid JSON"},
      {"not an object", {{"en/a.json", "[]"}}, "expected a JSON object"},
      {"nested value", {{"en/a.json", R"({"x": {"y": "z"}})"}}, "is not a string"},
      {"number value", {{"en/a.json", R"({"x": 1})"}}, "is not a string"},
      {"no folder", {{"a.json", "{}"}}, "<lang>/<area>.json"},
      {"nested folder", {{"en/x/a.json", "{}"}}, "<lang>/<area>.json"},
      {"not a json file", {{"en/a.txt", "{}"}}, "<lang>/<area>.json"},
      {"empty file", {{"en/a.json", ""}}, "not valid JSON"},
      {"trailing comma", {{"en/a.json", R"({"x": "1",})"}}, "not valid JSON"},
      {"text after the object", {{"en/a.json", R"({"x": "1"} x)"}}, "not valid JSON"},
      {"unclosed string", {{"en/a.json", R"({"x": "1)"}}, "not valid JSON"},
      {"unknown escape", {{"en/a.json", R"({"x": "\q"})"}}, "not valid JSON"},
      {"short \\u escape", {{"en/a.json", R"({"x": "\u12"})"}}, "not valid JSON"},
      {"lone surrogate", {{"en/a.json", R"({"x": "\ud83d"})"}}, "not valid JSON"},
      {"reversed surrogates", {{"en/a.json", R"({"x": "\ude18\ud83d"})"}}, "not valid JSON"},
      {"raw control character", {{"en/a.json", "{\"x\": \"a\tb\"}"}}, "not valid JSON"},
      {"ill-formed UTF-8", {{"en/a.json", "{\"x\": \"\xC3\"}"}}, "not valid JSON"},
      {"missing colon", {{"en/a.json", R"({"x" "1"})"}}, "not valid JSON"},
      {"unquoted id", {{"en/a.json", R"({x: "1"})"}}, "not valid JSON"},
      {"string at the top", {{"en/a.json", R"("x")"}}, "expected a JSON object"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    try {
      (void)merge_catalog_files(row.files);
      FAIL("loaded a broken catalog");
    } catch (const std::logic_error& error) {
      CHECK(std::string(error.what()).find(row.reason) != std::string::npos);
    }
  }
}

TEST_CASE("languages are the catalog folders without the translators' notes") {
  const auto& languages = messages().languages();
  CHECK(std::set<std::string>(languages.begin(), languages.end()).count("en") == 1);
  CHECK(std::set<std::string>(languages.begin(), languages.end()).count("fr") == 1);
  CHECK(std::find(languages.begin(), languages.end(), "qqq") == languages.end());
  CHECK(messages().has_language("fr"));
  CHECK_FALSE(messages().has_language("qqq"));
  CHECK_FALSE(messages().has_language("qqx"));
  CHECK_FALSE(messages().has_language("ja"));
  CHECK(messages().pattern("qqq", "kidwiki-name").find("name of the software") !=
        std::string::npos);
  CHECK(messages().pattern("fr", "no-such-message").empty());
  CHECK(messages().ids("xx").empty());
}

// The catalogs of every area, not only this module's: a gap or a broken pattern in any of them
// fails here, whoever wrote it.
TEST_CASE("every catalog has every English id, a translator's note for each, and valid patterns") {
  const auto english = messages().ids("en");
  const auto notes = messages().ids("qqq");
  CHECK(notes == english);
  for (const auto& lang : messages().languages()) {
    CAPTURE(lang);
    CHECK(messages().ids(lang) == english);
    for (const auto& id : messages().ids(lang)) {
      CAPTURE(id);
      const std::string pattern = messages().pattern(lang, id);
      CHECK_FALSE(pattern.empty());
      CHECK(format_pattern(pattern, lang, {}).has_value());
      // ICU reads "'{" as the start of quoted text, which would hide the argument.
      CHECK(pattern.find("'{") == std::string::npos);
      CHECK(pattern.find("'}") == std::string::npos);
    }
  }
}

// A translation that drops or renames an argument would show "{count}" or lose a name: every
// catalog uses exactly the arguments of the English pattern (a plural may replace a plain number
// where the language's grammar needs it: the name stays the same).
TEST_CASE("every translation uses the arguments of its English original, and no other") {
  REQUIRE(messages().languages().size() >= 9);  // en, fr and at least es, it, de, pt, ar, ru, ca
  for (const char* lang : {"fr", "es", "it", "de", "pt", "ar", "ru", "ca"}) {
    CAPTURE(std::string(lang));
    CHECK(messages().has_language(lang));
  }
  for (const auto& id : messages().ids("en")) {
    CAPTURE(id);
    const auto english = argument_names(messages().pattern("en", id));
    REQUIRE(english.has_value());
    for (const auto& lang : messages().languages()) {
      CAPTURE(lang);
      CHECK(argument_names(messages().pattern(lang, id)) == english);
    }
    // The pseudo-language still shows the id, never a translation.
    CHECK(messages().format(std::string(kPseudoLanguage), id).starts_with("(" + id));
  }
}

TEST_CASE("argument names are read at any depth of a pattern") {
  CHECK(argument_names("plain") == std::set<std::string>{});
  CHECK(argument_names("{a} and {b, number}") == std::set<std::string>{"a", "b"});
  CHECK(argument_names("{n, plural, one {# {x}} other {{y}}}") ==
        std::set<std::string>{"n", "x", "y"});
  CHECK(argument_names("{g, select, female {{who}} other {{who}}}") ==
        std::set<std::string>{"g", "who"});
  CHECK_FALSE(argument_names("{unclosed").has_value());
}

TEST_CASE("format may be called from many threads at once" * doctest::timeout(60)) {
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::int64_t i = 0; i < 500; ++i) {
        std::string expected = std::to_string(i) + (i == 1 ? " page" : " pages");
        if (messages().format("en", "kidwiki-page-count", {{"count", i}}) != expected)
          ++failures[t];
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(failures == std::vector<int>(4, 0));
}

TEST_CASE("a date argument shows a timestamp in the language and the wiki's time zone") {
  const std::string before = display_time_zone();
  REQUIRE(set_display_time_zone("Europe/Paris"));
  CHECK(display_time_zone() == "Europe/Paris");
  struct Row {
    std::string_view name, pattern, lang, time;
    std::string expected;
  };
  const Row rows[] = {
      {"French, winter: UTC+1", "{t, date, ::yMMMMdjmm}", "fr", "2026-12-03T17:27:00Z",
       "3 décembre 2026 à 18:27"},
      {"French, summer: UTC+2", "{t, date, ::yMMMMd}", "fr", "2026-07-14T23:30:00Z",
       "15 juillet 2026"},
      {"English, date only", "{t, date, ::yMMMMd}", "en", "2026-12-03T17:27:00Z",
       "December 3, 2026"},
      {"a plain argument stays text", "{t}", "fr", "2026-12-03T17:27:00Z",
       "2026-12-03T17:27:00Z"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(format_pattern(row.pattern, row.lang, {{"t", std::string(row.time)}}) == row.expected);
  }
  // What is no timestamp cannot be shown as a date: the message is not formatted (and Messages
  // shows its id), never a wrong date.
  for (std::string_view odd : {"hier", "2026-12-03 17:27:00Z", "2026-13-45T99:99:99Z"}) {
    CAPTURE(odd);
    CHECK(format_pattern("{t, date, ::yMMMMd}", "fr", {{"t", std::string(odd)}}) == std::nullopt);
  }
  // The catalog's own format for lists.
  CHECK(messages().format("fr", "web-time", {{"time", "2026-12-03T17:27:00Z"}}) ==
        "3 décembre 2026 à 18:27");
  CHECK_FALSE(set_display_time_zone("Europe/Nowhere"));
  CHECK(display_time_zone() == "Europe/Paris");
  REQUIRE(set_display_time_zone(before));
}

TEST_CASE("a recent time reads as people say it; an older one is left to the date") {
  const std::time_t now = 1796318820;  // 2026-12-03T17:27:00Z
  struct Row {
    const char* name;
    const char* lang;
    const char* time;
    std::optional<std::string> expected;
  };
  const Row rows[] = {
      {"seconds ago: now", "fr", "2026-12-03T17:26:30Z", "maintenant"},
      {"minutes", "fr", "2026-12-03T17:22:00Z", "il y a 5 minutes"},
      {"one minute", "en", "2026-12-03T17:26:00Z", "1 minute ago"},
      {"hours", "en", "2026-12-03T14:27:00Z", "3 hours ago"},
      {"a day or more: the date", "fr", "2026-12-02T17:27:00Z", std::nullopt},
      {"in the future: the date", "fr", "2026-12-03T17:28:00Z", std::nullopt},
      {"not a timestamp", "fr", "hier", std::nullopt},
  };
  for (const auto& row : rows) {
    CAPTURE(row.name);
    CHECK(relative_time(row.lang, row.time, now) == row.expected);
  }
}
