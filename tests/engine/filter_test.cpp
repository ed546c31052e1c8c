#include "engine/filter.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>

#include "i18n/messages.h"

using namespace kidwiki::engine;

namespace {

constexpr int kYear = 2025;

const ContentFilter& french() {
  static const ContentFilter filter = ContentFilter::for_edition("fr", kYear);
  return filter;
}

const ContentFilter& english() {
  static const ContentFilter filter = ContentFilter::for_edition("en", kYear);
  return filter;
}

const ContentFilter& filter_for(std::string_view lang) {
  if (lang == "fr") return french();
  if (lang == "en") return english();
  static const ContentFilter russian = ContentFilter::for_edition("ru", kYear);
  static const ContentFilter arabic = ContentFilter::for_edition("ar", kYear);
  return lang == "ru" ? russian : arabic;
}

// "rule:action" of each match, joined by spaces: one string per row keeps the tables readable.
std::string summary_of(const FilterResult& result) {
  std::string out;
  for (const FilterMatch& m : result.matches) {
    out += (out.empty() ? "" : " ") + m.rule +
           (m.action == FilterAction::refuse ? ":refuse" : ":hold");
  }
  return out;
}

// The matched bytes, joined by '|'.
std::string matched_text(std::string_view text, const FilterResult& result) {
  std::string out;
  for (const FilterMatch& m : result.matches) {
    out += (out.empty() ? "" : "|") + std::string(text.substr(m.offset, m.length));
  }
  return out;
}

struct Row {
  std::string_view lang, text, expected;  // expected: summary_of, or "" for no match
};

void check_rows(const Row* begin, const Row* end) {
  for (const Row* row = begin; row != end; ++row) {
    CAPTURE(row->text);
    CHECK(summary_of(filter_for(row->lang).check_text(row->text)) == row->expected);
  }
}

}  // namespace

TEST_CASE("filter: listed words match whatever the disguise") {
  const Row rows[] = {
      {"fr", "quel connard", "word:refuse"},
      {"fr", "CONNARD", "word:refuse"},
      {"fr", "c o n n a r d", "word:refuse"},
      {"fr", "c.o.n.n.a.r.d", "word:refuse"},
      {"fr", "c-o-n-n-a-r-d !", "word:refuse"},
      {"fr", "c0nn4rd", "word:refuse"},
      {"fr", "t'es un con", "word:hold"},
      {"fr", "C0N", "word:hold"},
      {"fr", "c0n", "word:hold"},
      {"fr", "c o n", "word:hold"},
      {"fr", "c.o.n", "word:hold"},
      {"fr", "c-o-n", "word:hold"},
      {"fr", "connnnn", "word:hold"},
      {"fr", "\u0441\u043en", "word:hold"},       // Cyrillic с and о
      {"fr", "\uFF43\uFF4F\uFF4E", "word:hold"},  // full-width letters
      {"fr", "co\u200Bn", "word:hold"},           // zero-width space inside
      {"fr", "ENCULÉ", "word:refuse"},
      {"fr", "encule", "word:refuse"},
      {"fr", "enculé", "word:refuse"},
      {"fr", "ta gueule", "word:refuse"},
      {"fr", "TA   GUEULE", "word:refuse"},
      {"fr", "fils de pute", "word:refuse word:refuse"},  // the phrase and "pute"
      {"fr", "Merde !", "word:hold"},
      {"fr", "merdeeeee", "word:hold"},
      {"fr", "débile", "word:hold"},
      {"fr", "DEBILE", "word:hold"},
      {"en", "what the fuck", "word:refuse"},
      {"en", "f u c k", "word:refuse"},
      {"en", "fuuuuck", "word:refuse"},
      {"en", "F*U*C*K", "word:refuse"},
      {"en", "sh1t", "word:hold"},
      {"en", "$hit happens", ""},  // '$' is not a letter: the known limit of whole-word matching
      {"en", "you ass", "word:hold"},
      {"en", "asssss", "word:hold"},
      // Spaced letters whose key is not one ASCII byte: "m" reads as "rn", Cyrillic is two bytes.
      {"fr", "m e r d e", "word:hold"},
      {"fr", "M.E.R.D.E", "word:hold"},
      {"ru", "с у к а", "word:refuse"},
      {"ru", "сууука", "word:refuse"},
      {"ru", "СУКА", "word:refuse"},
      {"ar", "شرموطة", "word:refuse"},
      {"ar", "شرمــوطة", "word:refuse"},  // stretched with tatweel
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("filter: letters that look alike are still different letters") {
  const Row rows[] = {
      // ش is not س: "check mate" in chess is not the listed كس.
      {"ar", "كش ملك في الشطرنج", ""},
      {"ar", "سرموطة", ""},
      {"ru", "Сук и ветка дерева.", ""},  // a knot in wood, not the listed word
      {"ru", "сукно", ""},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("filter: words that only contain a listed word pass") {
  const Row rows[] = {
      {"fr", "Le conseil municipal se réunit.", ""},
      {"fr", "Il aime raconter des histoires.", ""},
      {"fr", "La constitution de 1958.", ""},
      {"fr", "Mâcon est une ville de Bourgogne.", ""},
      {"fr", "Saint-Pierre-et-Miquelon est un archipel.", ""},
      {"fr", "Le cône du volcan.", ""},
      {"fr", "Les Conn, une famille.", ""},  // doubled, not stretched: another word
      {"fr", "Le bordelais produit du vin.", ""},
      {"fr", "Elle est contente de son concert.", ""},
      {"fr", "Un lapin et un cochon.", ""},
      {"fr", "Il a une couille", ""},  // singular is not listed; the plural is
      {"en", "Scunthorpe is a town in England.", ""},
      {"en", "Essex and Sussex", ""},
      {"en", "a cocktail party", ""},
      {"en", "The class assembled to pass the assessment.", ""},
      {"en", "An assassin in the embassy.", ""},
      {"en", "Shitake mushrooms", ""},
      {"en", "Dickens wrote novels.", ""},
      {"en", "Cockburn and Hancock", ""},
      {"en", "as a matter of fact", ""},
      {"en", "a b c d e", ""},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("filter: personal information is found in its usual formats") {
  const Row rows[] = {
      {"fr", "écris-moi à lea.martin@example.fr !", "email:refuse"},
      {"en", "mail me: tom_2@mail.co.uk.", "email:refuse"},
      {"fr", "appelle le 06 12 34 56 78", "phone:refuse"},
      {"fr", "appelle le 06.12.34.56.78", "phone:refuse"},
      {"fr", "appelle le 06-12-34-56-78", "phone:refuse"},
      {"fr", "appelle le 0612345678", "phone:refuse"},
      {"fr", "appelle le +33 6 12 34 56 78", "phone:refuse"},
      {"fr", "appelle le +33 (0)6 12 34 56 78", "phone:refuse"},
      {"fr", "appelle le +33612345678", "phone:refuse"},
      {"fr", "appelle le 0033 6 12 34 56 78", "phone:refuse"},
      {"fr", "tél. 01\u00A042\u00A034\u00A056\u00A078", "phone:refuse"},
      {"en", "call +44 20 7946 0958", "phone:refuse"},
      {"en", "call +1 (555) 123-4567", "phone:refuse"},
      {"en", "call (555) 123-4567", "phone:refuse"},
      {"en", "call 555-123-4567", "phone:refuse"},
      {"fr", "j'habite au 12 rue des Lilas", "address:hold"},
      {"fr", "au 3 bis avenue Victor Hugo", "address:hold"},
      {"fr", "12, boulevard de la Liberté", "address:hold"},
      {"fr", "5 impasse du Moulin", "address:hold"},
      {"fr", "1 place Bellecour", "address:hold"},
      {"fr", "8 chemin des Vignes", "address:hold"},
      {"fr", "4 allée des Pins", "address:hold"},
      {"en", "I live at 221B Baker Street", "address:hold"},
      {"en", "10 Downing St", "address:hold"},
      {"en", "42 Old Kent Road", "address:hold"},
      {"en", "7 Penny Lane", "address:hold"},
      {"en", "15 Elm avenue", "address:hold"},
      {"fr", "mon insta c'est @lea_2014", "social:hold"},
      {"fr", "instagram.com/lea.martin", "social:hold"},
      {"fr", "https://www.tiktok.com/@lea_danse", "social:hold"},
      {"en", "https://youtube.com/@MyChannel", "social:hold"},
      {"en", "youtube.com/channel/UC123abc", "social:hold"},
      {"en", "snapchat.com/add/lea2012", "social:refuse"},
      {"en", "join discord.gg/abcDEF", "social:refuse"},
      {"en", "https://discord.com/invite/abcDEF", "social:refuse"},
      {"fr", "je suis né le 3 mars 2014", "birth-date:refuse"},
      {"fr", "Je suis née à Lyon en 2015.", "birth-date:refuse"},
      {"fr", "ma date de naissance : 12/03/2014", "birth-date:refuse"},
      {"fr", "mon anniversaire c'est le 5 mai", "birth-date:refuse"},
      {"en", "I was born on 3 March 2014", "birth-date:refuse"},
      {"en", "my birthday is on May 5", "birth-date:refuse"},
      {"fr", "Léa, née le 4 juin 2013", "birth-date:hold"},
      {"en", "Tom, born in 2012", "birth-date:hold"},
      {"fr", "Léa 12/03/2014", "birth-date:hold"},
      {"fr", "Léa 2014-03-12", "birth-date:hold"},
      {"fr", "Léa, 5.6.2016", "birth-date:hold"},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("filter: numbers of history, prices, times and scores are not personal") {
  const Row rows[] = {
      {"fr", "La Révolution commence en 1789.", ""},
      {"fr", "La guerre éclate en 1914.", ""},
      {"fr", "La prise de la Bastille, le 14 juillet 1789.", ""},
      {"fr", "Victor Hugo, né le 26 février 1802 à Besançon", ""},
      {"fr", "Il est né en 1769 en Corse.", ""},
      {"fr", "14/07/1789", ""},
      {"fr", "14.07.1789", ""},
      {"fr", "consulté le 04/10/2018", ""},
      {"fr", "https://example.org/2018/04/22/page", ""},
      {"fr", "Il ne le dit pas en 2014.", ""},
      {"fr", "1914-1918", ""},
      {"fr", "| 1914 | 1918 | 1939 | 1945 |", ""},
      {"fr", "1914 1918 1939 1945 1962", ""},
      {"fr", "01 02 1789", ""},
      {"fr", "La France compte 68 000 000 habitants.", ""},
      {"fr", "un prix de 12,50 €", ""},
      {"fr", "à 10:30 ou 10 h 30", ""},
      {"fr", "score final 3-2", ""},
      {"fr", "2 + 2 = 4", ""},
      {"fr", "il fait +15 °C", ""},
      {"fr", "ISBN 978-2-07-036822-8", ""},
      {"fr", "ISBN 0-19-852663-6", ""},
      {"en", "ISBN 0719066948", ""},
      {"en", "ISBN-10: 0719066948, isbn:0719066948", ""},
      {"fr", "ISBN\u00a00719066948", ""},
      {"fr", "Appelle le 0719066948", "phone:refuse"},
      {"fr", "pi vaut 3,14159265358979", ""},
      {"fr", "0,5 litre", ""},
      {"fr", "Les 12 rues de la ville", ""},
      {"fr", "Il finit à la 2e place du classement.", ""},
      {"fr", "Il y a 3 places libres.", ""},
      {"fr", "En 1715 Louis XV devient roi.", ""},
      {"en", "In 1066 William conquered England.", ""},
      {"en", "The 42nd Street", ""},
      {"en", "the 1812 Overture", ""},
      {"en", "born on the 4th of July 1776", ""},
      {"en", "Her e-mail said hello @ noon", ""},
      {"en", "An airplane A380-800", ""},
      {"en", "box.com/files", ""},
  };
  check_rows(std::begin(rows), std::end(rows));
}

TEST_CASE("filter: matches point at the bytes the writer typed") {
  struct OffsetRow {
    std::string_view lang, text, matched;
  };
  const OffsetRow rows[] = {
      {"fr", "Élan : quel c o n ! Et puis", "c o n"},
      {"fr", "Les élèves ENCULÉS", ""},  // plural: another word
      {"fr", "Là, ENCULÉ.", "ENCULÉ"},
      {"fr", "« ta   gueule » dit-il", "ta   gueule"},
      {"fr", "été : 06 12 34 56 78.", "06 12 34 56 78"},
      {"fr", "écris à lea@example.fr.", "lea@example.fr"},
      {"fr", "j'habite au 12 rue des Lilas, à Lyon", "12 rue des Lilas"},
      {"en", "Hi @tom_b. See you", "@tom_b"},
      {"fr", "Moi ? Je suis né le 3 mars 2014 !", "Je suis né le 3 mars 2014"},
      {"en", "at 221B Baker Street, London", "221B Baker Street"},
  };
  for (const OffsetRow& row : rows) {
    CAPTURE(row.text);
    CHECK(matched_text(row.text, filter_for(row.lang).check_text(row.text)) == row.matched);
  }
}

TEST_CASE("filter: usernames") {
  struct NameRow {
    std::string_view lang, name, expected;
  };
  const NameRow rows[] = {
      {"fr", "lea", ""},
      {"fr", "Lucas", ""},
      {"fr", "lea2014", "birth-year:refuse"},
      {"fr", "2013_tom", "birth-year:refuse"},
      {"fr", "tom1789", ""},  // not a child's year
      {"fr", "tom12", ""},
      {"fr", "Lucas_06_12_34_56_78", "phone:refuse"},
      {"fr", "lucas0612345678", "phone:refuse"},
      {"fr", "lea@example.fr", "email:refuse"},
      {"fr", "Connard", "word:refuse"},
      {"fr", "MerdeMan", ""},              // one word: whole-word matching, as in text
      {"fr", "merde_man", "word:refuse"},  // every match refuses a name
      {"en", "c0nstable", ""},
      {"en", "fuck_you", "word:refuse"},
      {"en", "Scunthorpe_fan", ""},
  };
  for (const NameRow& row : rows) {
    CAPTURE(row.name);
    CHECK(summary_of(filter_for(row.lang).check_username(row.name)) == row.expected);
  }
}

TEST_CASE("filter: results tell refusals from holds") {
  const FilterResult refused = french().check_text("c o n et 06 12 34 56 78");
  CHECK(refused.refused());
  CHECK_FALSE(refused.held());
  const FilterResult held = french().check_text("quel con");
  CHECK(held.held());
  CHECK_FALSE(held.refused());
  const FilterResult clean = french().check_text("Le chat dort.");
  CHECK_FALSE(clean.held());
  CHECK_FALSE(clean.refused());
  CHECK(french().check_summary("appelle-moi au 0612345678").refused());
}

TEST_CASE("filter: word lists parse from their text format") {
  const auto rules = ContentFilter::parse_word_list(
      "# comment\n\nzut hold\n  sapristi\trefuse # old-fashioned\nnot an action here\n"
      "saperlipopette maybe\nmille sabords   refuse\r\n");
  REQUIRE(rules.size() == 3);
  CHECK(rules[0].words == "zut");
  CHECK(rules[0].action == FilterAction::hold);
  CHECK(rules[1].words == "sapristi");
  CHECK(rules[1].action == FilterAction::refuse);
  CHECK(rules[2].words == "mille sabords");
  const ContentFilter custom(rules, kYear);
  CHECK(summary_of(custom.check_text("Mille  Sabords ! Zut.")) == "word:refuse word:hold");
  CHECK(ContentFilter::for_edition("xx", kYear).check_text("connard").matches.empty());
  CHECK(ContentFilter::for_edition("xx", kYear).check_text("0612345678").refused());
}

TEST_CASE("filter: every message id has a text in English and French") {
  const auto& messages = kidwiki::i18n::Messages::builtin();
  const char* samples[] = {"quel connard",   "quel con",           "lea@a.fr",
                           "0612345678",     "12 rue des Lilas",   "@lea_b",
                           "discord.gg/abc", "je suis né en 2014", "née le 3 mai 2014"};
  std::vector<std::string> ids;
  for (const char* text : samples) {
    for (const FilterMatch& m : french().check_text(text).matches) ids.push_back(m.message_id);
  }
  for (const char* name : {"connard", "a@b.fr", "lea2014", "l_0612345678"}) {
    for (const FilterMatch& m : french().check_username(name).matches) ids.push_back(m.message_id);
  }
  CHECK(ids.size() >= 13);
  for (const std::string& id : ids) {
    CAPTURE(id);
    CHECK_FALSE(messages.pattern("en", id).empty());
    CHECK_FALSE(messages.pattern("fr", id).empty());
  }
}

TEST_CASE("filter: 1 MB of adversarial text is checked in linear time" * doctest::timeout(60)) {
  const std::string pieces[] = {
      "c o n ", "0",      "06 ",    "@", "a@",          "@b.",          "+3",
      "(5",     "1 rue ", "né le ", "é", "\u0441",      "connnnnnnnnn", "instagram.com/",
      "12/03/", "x.com/", "-",      ".", "je suis né ", "\u200B",
  };
  for (const std::string& piece : pieces) {
    std::string text;
    while (text.size() < (1 << 20)) text += piece;
    CAPTURE(piece);
    const FilterResult result = french().check_text(text);
    CHECK(result.matches.size() <= text.size());
    CHECK(french().check_username(text).matches.size() <= text.size());
  }
}

TEST_CASE("filter: random text never breaks the filter" * doctest::timeout(30)) {
  std::mt19937 random(20250101);
  const std::string alphabet[] = {"a",   "c",      "o",      "n",    "0",    "6",  " ",
                                  ".",   "-",      "@",      "+",    "(",    ")",  "/",
                                  "é",   "\u0441", "\u200B", "\xC3", "\xFF", "\n", "rue ",
                                  "né ", "le ",    "2014",   "_",    "fuck"};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int length = static_cast<int>(random() % 80);
    for (int i = 0; i < length; ++i) text += alphabet[random() % std::size(alphabet)];
    for (const FilterResult& result :
         {french().check_text(text), english().check_text(text), french().check_username(text)}) {
      for (const FilterMatch& m : result.matches) {
        CAPTURE(text);
        REQUIRE(m.length > 0);
        REQUIRE(m.offset + m.length <= text.size());
      }
    }
  }
}

TEST_CASE("filter: the Vikidia corpus passes the French filter" * doctest::timeout(120)) {
  const std::filesystem::path corpus = KIDWIKI_CORPUS_DIR;
  REQUIRE(std::filesystem::is_directory(corpus));
  int articles = 0, refusals = 0;
  std::vector<std::string> holds;
  for (const auto& entry : std::filesystem::directory_iterator(corpus)) {
    if (entry.path().extension() != ".md") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    ++articles;
    for (const FilterMatch& m : french().check_text(text).matches) {
      const std::string where = entry.path().filename().string() + ": " + m.rule + " «" +
                                text.substr(m.offset, m.length) + "»";
      if (m.action == FilterAction::refuse) {
        ++refusals;
        MESSAGE("refused: " << where);
      } else {
        holds.push_back(where);
      }
    }
  }
  for (const std::string& hold : holds) MESSAGE("held: " << hold);
  CHECK(articles > 100);
  CHECK(refusals == 0);
  CHECK(holds.size() <= 10);
}
