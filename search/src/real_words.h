// Words a dictionary of the language knows, from Debian's hunspell dictionaries: a query word
// that is a real word is never replaced by a spelling correction, only offered one. The index
// alone cannot tell "tiger" (a real word no page uses yet) from "tigre" typed by an English child.
//
// Thread-safety: knows() may be called from many threads at once (hunspell's own checker keeps
// state between calls, so they take turns).
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace kidwiki::search {

class RealWords {
 public:
  // The dictionary of `lang` in `dir` (Debian: /usr/share/hunspell), found as <lang>_<REGION>
  // with the region CLDR finds likeliest ("en" -> en_US, "pt" -> pt_BR), then <lang>, then any
  // <lang>_*. Null when none is installed: then no word is known and corrections go on as before.
  static std::unique_ptr<RealWords> load(const std::filesystem::path& dir, std::string_view lang);
  ~RealWords();

  // True when the dictionary knows `word` (UTF-8) as typed, or with a capital first letter (a
  // child types "paris" for Paris).
  bool knows(std::string_view word) const;

  // The dictionary file used, for the logs and the docs.
  const std::filesystem::path& dictionary() const { return dic_; }

 private:
  struct Checker;
  RealWords(std::unique_ptr<Checker> checker, std::filesystem::path dic, std::string lang);
  std::unique_ptr<Checker> checker_;
  std::filesystem::path dic_;
  std::string lang_;
};

}  // namespace kidwiki::search
