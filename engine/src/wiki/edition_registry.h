// The editions the wiki serves, as the database holds them: read by every request, changed when
// an admin creates an edition or switches a setting, without a restart.
//
// Thread-safety: every method may be called from many threads at once. Readers get copies, so
// an edition created meanwhile never moves one a request is using.
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <string_view>
#include <vector>

#include "engine/wiki.h"

namespace kidwiki::engine {

class EditionRegistry {
 public:
  void reset(std::vector<Edition> editions);
  // Every edition, in the order of their ids.
  std::vector<Edition> all() const;
  std::vector<std::string> languages() const;
  std::optional<Edition> by_lang(std::string_view lang) const;
  std::optional<Edition> by_id(std::int64_t id) const;
  bool empty() const;
  // Appends an edition just committed (its id is the largest).
  void add(Edition edition);
  // False when there is no such edition.
  bool set_anonymous_editing(std::int64_t id, bool on);

 private:
  mutable std::shared_mutex mutex_;
  std::vector<Edition> editions_;
};

}  // namespace kidwiki::engine
