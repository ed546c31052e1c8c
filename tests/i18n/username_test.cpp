// Usernames: what is refused, and when two names count as the same person.
#include <doctest/doctest.h>

#include <random>

#include "i18n/username.h"

using kidwiki::i18n::check_username;

TEST_CASE("usernames are normalised and refused for clear reasons") {
  struct Row {
    const char* raw;
    const char* name;
    const char* problem;
  };
  const Row rows[] = {
      {"Léa", "Léa", ""},
      {"  Lucas   Martin ", "Lucas Martin", ""},
      {"Le\xCC\x81o", "Léo", ""},  // combining accent composed (NFC)
      {"Zoé_06", "Zoé_06", ""},
      {"Jean-Baptiste", "Jean-Baptiste", ""},
      {"Мария", "Мария", ""},  // one script, not Latin: fine
      {"x", "x", "error-username-length"},
      {"", "", "error-username-length"},
      {"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
       "error-username-length"},
      {"Em\xE2\x80\x8Bma", "Em\xE2\x80\x8Bma", "error-username-invisible"},  // zero-width space
      {"\xE2\x80\xAE" "amme", "\xE2\x80\xAE" "amme", "error-username-invisible"},  // RLO
      {"So\xC2\xADphie", "So\xC2\xADphie", "error-username-invisible"},  // soft hyphen
      {"a<b>", "a<b>", "error-username-characters"},
      {"tom@home", "tom@home", "error-username-characters"},
      {"L\xD1\x83" "cas", "L\xD1\x83" "cas", "error-username-mixed-scripts"},  // Cyrillic у
      {"bad\xFF", "", "error-username-invalid"},
  };
  for (const auto& row : rows) {
    CAPTURE(row.raw);
    auto check = check_username(row.raw);
    CHECK(check.problem == row.problem);
    if (std::string(row.problem) != "error-username-invalid") CHECK(check.name == row.name);
  }
}

TEST_CASE("names that differ only by case or look-alike letters share a key or a skeleton") {
  CHECK(check_username("LÉA").key == check_username("léa").key);
  // Cyrillic с (U+0441) looks like c; the mixed name is refused anyway, and an all-Cyrillic
  // look-alike ("аое" for "aoe") would share the skeleton of its Latin twin.
  CHECK(check_username("Lucas").skeleton == check_username("Lu\xD1\x81" "as").skeleton);
  CHECK(check_username("aoe").skeleton == check_username("\xD0\xB0\xD0\xBE\xD0\xB5").skeleton);
  CHECK(check_username("\xD0\xB0\xD0\xBE\xD0\xB5").problem.empty());
  CHECK(check_username("Lucas").skeleton == check_username("LUCAS").skeleton);
  CHECK(check_username("Emma").skeleton != check_username("Emmy").skeleton);
  CHECK(check_username("Léa").key != check_username("Lea").key);
}

TEST_CASE("username checks accept random bytes without crashing" * doctest::timeout(60)) {
  std::mt19937 random(29112026);
  std::uniform_int_distribution<int> byte(0, 255), length(0, 60);
  for (int i = 0; i < 2000; ++i) {
    std::string input;
    for (int n = length(random); n > 0; --n) input.push_back(static_cast<char>(byte(random)));
    auto check = check_username(input);
    if (check.problem.empty()) CHECK(check_username(check.name).name == check.name);
  }
  CHECK(check_username(std::string(1 << 20, 'a')).problem == "error-username-length");
}
