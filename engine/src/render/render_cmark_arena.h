// Memory for one render's cmark tree: cmark's allocations bump a pointer through a few large
// blocks, released together when the render ends.
//
// Why: a render is short-lived and its tree dies whole. On the 1 MB benchmark file cmark's nodes
// and strings touched about 2,600 fresh 4 KiB pages, and the first touch of a page (a page fault)
// cost about 19 µs on the benchmark machine: most of the render's time. The blocks ask the kernel
// for transparent huge pages (madvise), so that such a tree costs a few faults of 2 MiB each.
// Freeing inside a block is a no-op: the garbage of a render (grown buffers, replaced nodes) dies
// with the arena, a few milliseconds later. That garbage is why the arena is only worthwhile with
// huge pages and a large text (worthwhile()); otherwise cmark's own allocator, which reuses freed
// memory, touches fewer pages.
//
// Threads: an arena belongs to the thread that made it and is used by cmark only through
// cmark_memory(), the allocator of the innermost arena alive on the calling thread. Arenas nest
// like scopes. Every tree made with an arena's allocator must be freed (or dropped) before it.
// Out of memory: the process aborts, as cmark's own allocator does.
#pragma once

#include <cmark-gfm.h>

#include <cstddef>
#include <vector>

namespace kidwiki::engine {

class CmarkArena {
 public:
  // Whether an arena beats cmark's own allocator for a Markdown text of `source_size` bytes: the
  // text is long enough to fill a huge page (about 100 KB) and the kernel gives huge pages.
  static bool worthwhile(std::size_t source_size);

  // Blocks are sized from `source_size`, the Markdown's length in bytes.
  explicit CmarkArena(std::size_t source_size);
  ~CmarkArena();
  CmarkArena(const CmarkArena&) = delete;
  CmarkArena& operator=(const CmarkArena&) = delete;

  // Bytes handed out so far (for tests and measurements).
  std::size_t bytes_used() const { return bytes_used_; }

 private:
  friend struct CmarkArenaAccess;

  struct Block {
    char* base;
    std::size_t size;
  };

  void* allocate(std::size_t size);
  void* reallocate(void* old, std::size_t size);
  void release(void* pointer);
  void add_block(std::size_t at_least);

  std::size_t block_bytes_;
  std::vector<Block> blocks_;
  char* next_ = nullptr;  // invariant: every byte from here to the block's end is zero
  std::size_t left_ = 0;
  void* last_ = nullptr;  // the latest allocation: the one that can grow in place
  std::size_t bytes_used_ = 0;
  CmarkArena* outer_;
};

// The allocator cmark must use on this thread: the innermost live CmarkArena's, or cmark's default
// allocator when there is none.
cmark_mem* cmark_memory();

}  // namespace kidwiki::engine
