#include "real_words.h"

#include <algorithm>
#include <mutex>
#include <system_error>
#include <vector>

#include <hunspell.hxx>

#include "i18n/locale_facts.h"
#include "i18n/text.h"

namespace kidwiki::search {
namespace {

// Longer words are not words: hunspell's checker is not meant for them.
constexpr std::size_t kMaxWordBytes = 100;

// Most specific first; empty for a tag that is not BCP 47 (no file name is ever made of one).
std::vector<std::string> candidate_names(std::string_view lang) {
  const auto facts = i18n::locale_facts(lang);
  if (!facts) return {};
  std::vector<std::string> names;
  if (facts->tag.find('-') != std::string::npos) {
    std::string exact = facts->tag;  // "de-CH" -> "de_CH"
    std::replace(exact.begin(), exact.end(), '-', '_');
    names.push_back(exact);
  }
  if (!facts->region.empty()) names.push_back(facts->language + "_" + facts->region);
  names.push_back(facts->language);
  return names;
}

std::filesystem::path find_dictionary(const std::filesystem::path& dir, std::string_view lang) {
  const std::vector<std::string> names = candidate_names(lang);
  if (names.empty()) return {};
  std::error_code ec;
  for (const std::string& name : names) {
    const auto dic = dir / (name + ".dic");
    if (std::filesystem::exists(dic, ec) && std::filesystem::exists(dir / (name + ".aff"), ec)) {
      return dic;
    }
  }
  // Any regional dictionary of the language, the same one every time.
  const std::string prefix = names.back() + "_";
  std::vector<std::filesystem::path> regional;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string file = entry.path().filename().string();
    if (file.starts_with(prefix) && entry.path().extension() == ".dic") {
      regional.push_back(entry.path());
    }
  }
  if (regional.empty()) return {};
  return *std::min_element(regional.begin(), regional.end());
}

}  // namespace

struct RealWords::Checker {
  Checker(const std::filesystem::path& aff, const std::filesystem::path& dic)
      : hunspell(aff.c_str(), dic.c_str()) {}
  std::mutex mutex;
  Hunspell hunspell;
};

RealWords::RealWords(std::unique_ptr<Checker> checker, std::filesystem::path dic, std::string lang)
    : checker_(std::move(checker)), dic_(std::move(dic)), lang_(std::move(lang)) {}

RealWords::~RealWords() = default;

std::unique_ptr<RealWords> RealWords::load(const std::filesystem::path& dir,
                                           std::string_view lang) {
  const std::filesystem::path dic = find_dictionary(dir, lang);
  if (dic.empty()) return nullptr;
  auto aff = dic;
  aff.replace_extension(".aff");
  auto checker = std::make_unique<Checker>(aff, dic);
  // Every dictionary kidwiki's languages use in Debian 12 is UTF-8; another encoding would need
  // each word converted, and a dictionary that cannot be read is no better than none.
  if (checker->hunspell.get_dict_encoding() != "UTF-8") return nullptr;
  return std::unique_ptr<RealWords>(new RealWords(std::move(checker), dic, std::string(lang)));
}

bool RealWords::knows(std::string_view word) const {
  if (word.empty() || word.size() > kMaxWordBytes || !i18n::is_valid_utf8(word)) return false;
  const std::string typed(word);
  const std::string capital = i18n::upper_first(word, lang_);
  std::lock_guard lock(checker_->mutex);
  return checker_->hunspell.spell(typed) || (capital != typed && checker_->hunspell.spell(capital));
}

}  // namespace kidwiki::search
