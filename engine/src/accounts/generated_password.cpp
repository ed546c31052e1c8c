#include <sodium.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "engine/accounts.h"
#include "langdata/language_data.h"

namespace kidwiki::engine {

namespace password_word_lists {
const EmbeddedFiles& embedded_files();
}

namespace {

// Languages without a list of their own get English words.
constexpr std::string_view kFallbackLanguage = "en";

std::vector<std::string_view> parse_words(std::string_view text) {
  std::vector<std::string_view> words;
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    if (!line.empty() && line.front() != '#') words.push_back(line);
  }
  return words;
}

// The words of `lang`'s list (i18n/password-words/<lang>.txt), else of English's. The embedded
// files live as long as the program, so the views stay valid.
const std::vector<std::string_view>& words_for(std::string_view lang) {
  static LanguageData<std::vector<std::string_view>> lists(password_word_lists::embedded_files(),
                                                           parse_words, std::string(kFallbackLanguage));
  const auto& words = lists.of(lang);
  if (words.empty()) throw std::logic_error("no password words for " + std::string(lang));
  return words;
}

}  // namespace

std::vector<std::string> password_words(std::string_view lang) {
  const auto& words = words_for(lang);
  return {words.begin(), words.end()};
}

std::string generate_password(std::string_view lang) {
  if (sodium_init() < 0) throw std::logic_error("libsodium could not initialise");
  const auto& words = words_for(lang);
  const auto word = [&] { return words[randombytes_uniform(static_cast<uint32_t>(words.size()))]; };
  // Three words and a two-digit number: about 30 bits with 256 words, typed in seconds by a child.
  std::string out(word());
  out += '-';
  out += word();
  out += '-';
  out += std::to_string(10 + randombytes_uniform(90));
  out += '-';
  out += word();
  return out;
}

}  // namespace kidwiki::engine
