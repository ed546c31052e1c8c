#include "wiki/edition_registry.h"

#include <mutex>

namespace kidwiki::engine {

void EditionRegistry::reset(std::vector<Edition> editions) {
  std::unique_lock lock(mutex_);
  editions_ = std::move(editions);
}

std::vector<Edition> EditionRegistry::all() const {
  std::shared_lock lock(mutex_);
  return editions_;
}

std::vector<std::string> EditionRegistry::languages() const {
  std::shared_lock lock(mutex_);
  std::vector<std::string> out;
  for (const auto& e : editions_) out.push_back(e.lang);
  return out;
}

std::optional<Edition> EditionRegistry::by_lang(std::string_view lang) const {
  std::shared_lock lock(mutex_);
  for (const auto& e : editions_) {
    if (e.lang == lang) return e;
  }
  return std::nullopt;
}

std::optional<Edition> EditionRegistry::by_id(std::int64_t id) const {
  std::shared_lock lock(mutex_);
  for (const auto& e : editions_) {
    if (e.id == id) return e;
  }
  return std::nullopt;
}

bool EditionRegistry::empty() const {
  std::shared_lock lock(mutex_);
  return editions_.empty();
}

void EditionRegistry::add(Edition edition) {
  std::unique_lock lock(mutex_);
  editions_.push_back(std::move(edition));
}

bool EditionRegistry::set_anonymous_editing(std::int64_t id, bool on) {
  std::unique_lock lock(mutex_);
  for (auto& e : editions_) {
    if (e.id != id) continue;
    e.anonymous_editing = on;
    return true;
  }
  return false;
}

}  // namespace kidwiki::engine
