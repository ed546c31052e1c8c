// Bytes that live as long as one render, kept in a few large blocks.
//
// Why: a render keeps thousands of short strings (each distinct link text and its HTML) until it
// ends. One heap allocation and one free for each costs more than parsing the link; copying them
// into blocks of 64 KiB costs a memcpy, and the views it hands out never move.
#pragma once

#include <cstring>
#include <memory>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

class TextArena {
 public:
  // A copy of `text` that stays valid, unchanged, as long as the arena.
  std::string_view keep(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > left_) add_block(text.size());
    char* copy = next_;
    std::memcpy(copy, text.data(), text.size());
    next_ += text.size();
    left_ -= text.size();
    return {copy, text.size()};
  }

 private:
  static constexpr std::size_t kBlockBytes = 64 * 1024;

  void add_block(std::size_t at_least) {
    std::size_t size = at_least > kBlockBytes ? at_least : kBlockBytes;
    blocks_.push_back(std::make_unique_for_overwrite<char[]>(size));
    next_ = blocks_.back().get();
    left_ = size;
  }

  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  std::size_t left_ = 0;
};

}  // namespace kidwiki::engine
