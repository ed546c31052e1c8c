// The addresses of the HTML interface, built in one place:
//   /{lang}/wiki/{Title}[?query]   a page and its actions
//   /{lang}/special/{name}[/{Title}]
//   /{lang}/special/contributions/{account name}
//   /static/{file}
// Every address keeps the reader's ?uselang= so the interface stays in the language they chose.
#pragma once

#include <string>
#include <string_view>

#include "engine/wiki.h"

namespace kidwiki::web {

class Urls {
 public:
  Urls(const engine::Edition& edition, std::string uselang);

  // `query` is "key=value&..." already encoded, or empty.
  std::string page(const engine::Title& title, std::string_view query = "") const;
  std::string page(const engine::Title& title, std::string_view key, std::int64_t value) const;
  std::string main_page() const;
  // `title_arg` is an encoded title segment ("Chat") or empty.
  std::string special(std::string_view name, std::string_view query = "",
                      std::string_view title_arg = "") const;
  // An account's Special:Contributions; `query` as for special().
  std::string contributions(std::string_view account_name, std::string_view query = "") const;

 private:
  std::string finish(std::string path, std::string_view query) const;

  const engine::Edition& edition_;
  std::string uselang_;
};


// `path` with `query` (encoded) and the uselang appended.
std::string with_query(std::string path, std::string_view query, std::string_view uselang);

}  // namespace kidwiki::web
