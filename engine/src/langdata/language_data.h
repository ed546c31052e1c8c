// Per-language data compiled into the program (i18n/<kind>/<lang>.txt: password words, nicknames,
// writing help), parsed once per language on first use. A regional tag reads its language's file
// ("pt-BR" -> pt.txt); a language without a file reads the fallback's, or gets an empty T.
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace kidwiki::engine {

using EmbeddedFiles = std::map<std::string_view, std::string_view>;

template <typename T>
class LanguageData {
 public:
  using Parse = T (*)(std::string_view text);

  // `fallback` empty: a language without a file gets T{}.
  LanguageData(const EmbeddedFiles& files, Parse parse, std::string fallback = "")
      : files_(files), parse_(parse), fallback_(std::move(fallback)) {}

  // Thread-safe; the reference stays valid for the object's life.
  const T& of(std::string_view lang) {
    const std::string base(lang.substr(0, lang.find('-')));
    std::lock_guard lock(mutex_);
    if (auto found = parsed_.find(base); found != parsed_.end()) return found->second;
    auto file = files_.find(base + ".txt");
    if (file == files_.end() && !fallback_.empty()) file = files_.find(fallback_ + ".txt");
    return parsed_.emplace(base, file == files_.end() ? T{} : parse_(file->second)).first->second;
  }

 private:
  const EmbeddedFiles& files_;
  Parse parse_;
  std::string fallback_;
  std::mutex mutex_;
  std::map<std::string, T, std::less<>> parsed_;
};

}  // namespace kidwiki::engine
