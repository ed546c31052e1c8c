// A per-render index from string views to numbers: open addressing in one array.
//
// Why not std::unordered_map: a render looks up thousands of distinct link texts, and a node-based
// map allocates and later frees one node for each. Here a lookup hashes once and probes a flat
// array; growing is the only allocation. The bytes behind the keys belong to the caller (a
// TextArena) and must outlive the table.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

class ViewTable {
 public:
  static constexpr std::uint32_t kAbsent = UINT32_MAX;

  static std::size_t hash(std::string_view key) { return std::hash<std::string_view>{}(key); }

  // The value stored for `key` (whose hash is `key_hash`), or kAbsent.
  std::uint32_t find(std::string_view key, std::size_t key_hash) const {
    if (slots_.empty()) return kAbsent;
    for (std::size_t i = key_hash & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.value == kAbsent) return kAbsent;
      if (slot.hash == key_hash && slot.key == key) return slot.value;
    }
  }

  // Precondition: `key` is absent and `value` is not kAbsent.
  void insert(std::string_view key, std::size_t key_hash, std::uint32_t value) {
    if (2 * (size_ + 1) > slots_.size()) grow();
    place(Slot{key, key_hash, value});
    ++size_;
  }

 private:
  struct Slot {
    std::string_view key;
    std::size_t hash = 0;
    std::uint32_t value = kAbsent;
  };

  std::size_t mask() const { return slots_.size() - 1; }

  void place(const Slot& entry) {
    std::size_t i = entry.hash & mask();
    while (slots_[i].value != kAbsent) i = (i + 1) & mask();
    slots_[i] = entry;
  }

  // At most half full, so that probes stay short; sizes are powers of two.
  void grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 1024 : 2 * old.size(), Slot{});
    for (const Slot& entry : old) {
      if (entry.value != kAbsent) place(entry);
    }
  }

  std::vector<Slot> slots_;
  std::size_t size_ = 0;
};

}  // namespace kidwiki::engine
