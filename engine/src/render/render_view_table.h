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
    auto tag = static_cast<std::uint32_t>(key_hash);
    for (std::size_t i = key_hash & mask();; i = (i + 1) & mask()) {
      const Slot& slot = slots_[i];
      if (slot.value == kAbsent) return kAbsent;
      if (slot.hash == tag && slot.key() == key) return slot.value;
    }
  }

  // Precondition: `key` is absent and `value` is not kAbsent.
  // Precondition: `key` is shorter than 4 GiB.
  void insert(std::string_view key, std::size_t key_hash, std::uint32_t value) {
    if (4 * (size_ + 1) > 3 * slots_.size()) grow();
    place(Slot{key.data(), static_cast<std::uint32_t>(key.size()),
               static_cast<std::uint32_t>(key_hash), value});
    ++size_;
  }

 private:
  // 24 bytes: the table of a long article stays a few hundred kilobytes, pages the process touches.
  struct Slot {
    const char* data = nullptr;
    std::uint32_t size = 0;
    std::uint32_t hash = 0;  // the low bits of the key's hash: they also choose the slot
    std::uint32_t value = kAbsent;
    std::string_view key() const { return {data, size}; }
  };

  std::size_t mask() const { return slots_.size() - 1; }

  void place(const Slot& entry) {
    std::size_t i = entry.hash & mask();
    while (slots_[i].value != kAbsent) i = (i + 1) & mask();
    slots_[i] = entry;
  }

  // At most three quarters full, so that probes stay short; sizes are powers of two (at most
  // 2^32 slots, so the 32 bits kept of each hash are enough to place it again).
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
