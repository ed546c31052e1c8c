// The review states' names: the one place the strings 'approved', 'pending' and 'rejected' are
// written. The database stores them (revision.review_state), the queries bind them, and the API
// sends them.
#include <array>

#include "engine/wiki.h"

namespace kidwiki::engine {
namespace {

constexpr std::array<std::string_view, 3> kNames = {"approved", "pending", "rejected"};

}  // namespace

std::string_view review_state_name(ReviewState state) {
  return kNames[static_cast<std::size_t>(state)];
}

std::optional<ReviewState> review_state_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<ReviewState>(i);
  }
  return std::nullopt;
}

}  // namespace kidwiki::engine
