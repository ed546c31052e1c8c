#include "render/render_cmark_arena.h"

#include <sys/mman.h>
#include <sys/prctl.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace kidwiki::engine {
namespace {

constexpr std::size_t kAlignment = 16;      // what malloc guarantees, and cmark assumes
constexpr std::size_t kHeaderBytes = 16;    // each allocation's capacity, kept for realloc
constexpr std::size_t kHugePage = 2 << 20;  // x86-64's transparent huge page
// A render hands out 16 to 20 times the Markdown's bytes (nodes, literals, the garbage of growing
// buffers, the HTML): 18.9 MB for the 1 MB benchmark file, 65 KB for a 3 KB article. One block
// then usually holds a whole render; pages of it never touched cost nothing.
constexpr std::size_t kBytesPerSourceByte = 20;

// Whether the kernel gives this process transparent huge pages when asked (madvise): the mode in
// /sys/kernel/mm/transparent_hugepage/enabled is "always" or "madvise", and the process has not
// opted out (prctl). Without them the arena's garbage would cost more faults than malloc's reuse.
bool huge_pages_available() {
  if (prctl(PR_GET_THP_DISABLE, 0, 0, 0, 0) == 1) return false;
  std::FILE* file = std::fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
  if (file == nullptr) return false;
  char mode[128] = {};
  bool read = std::fgets(mode, sizeof mode, file) != nullptr;
  std::fclose(file);
  return read &&
         (std::strstr(mode, "[always]") != nullptr || std::strstr(mode, "[madvise]") != nullptr);
}

thread_local CmarkArena* innermost = nullptr;

std::size_t round_up(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

[[noreturn]] void out_of_memory() {
  std::fputs("[kidwiki] render arena: out of memory, aborting\n", stderr);
  std::abort();
}

std::size_t capacity_of(void* pointer) {
  std::size_t capacity;
  std::memcpy(&capacity, static_cast<char*>(pointer) - kHeaderBytes, sizeof capacity);
  return capacity;
}

void set_capacity(void* pointer, std::size_t capacity) {
  std::memcpy(static_cast<char*>(pointer) - kHeaderBytes, &capacity, sizeof capacity);
}

// A fresh mapping of `size` bytes (a multiple of kHugePage) aligned on a huge page, so that the
// kernel can back all of it with huge pages. Its bytes are zero.
char* map_huge_block(std::size_t size) {
  void* mapped = mmap(nullptr, size + kHugePage, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (mapped == MAP_FAILED) out_of_memory();
  auto start = reinterpret_cast<std::uintptr_t>(mapped);
  std::uintptr_t aligned = round_up(start, kHugePage);
  if (aligned > start) munmap(mapped, aligned - start);
  std::size_t tail = start + kHugePage - aligned;
  if (tail > 0) munmap(reinterpret_cast<char*>(aligned + size), tail);
  // Advice, not a requirement: without huge pages the block works the same, with 4 KiB faults.
  madvise(reinterpret_cast<void*>(aligned), size, MADV_HUGEPAGE);
  return reinterpret_cast<char*>(aligned);
}

}  // namespace

struct CmarkArenaAccess {
  static void* calloc(std::size_t count, std::size_t size) {
    if (size != 0 && count > SIZE_MAX / size) out_of_memory();
    return innermost->allocate(count * size);
  }
  static void* realloc(void* pointer, std::size_t size) {
    return innermost->reallocate(pointer, size);
  }
  static void free(void* pointer) { innermost->release(pointer); }
};

namespace {
cmark_mem arena_mem = {CmarkArenaAccess::calloc, CmarkArenaAccess::realloc, CmarkArenaAccess::free};
}  // namespace

bool CmarkArena::worthwhile(std::size_t source_size) {
  static const bool available = huge_pages_available();
  return source_size * kBytesPerSourceByte >= kHugePage && available;
}

CmarkArena::CmarkArena(std::size_t source_size)
    : block_bytes_(round_up(std::max(kHugePage, source_size * kBytesPerSourceByte), kHugePage)),
      outer_(innermost) {
  innermost = this;
}

CmarkArena::~CmarkArena() {
  innermost = outer_;
  for (const Block& block : blocks_) munmap(block.base, block.size);
}

// Memory handed out is zero, as cmark's calloc wants: blocks come zero from the kernel and no
// byte is handed out twice.
void CmarkArena::add_block(std::size_t at_least) {
  std::size_t size = round_up(std::max(block_bytes_, at_least), kHugePage);
  blocks_.push_back({map_huge_block(size), size});
  next_ = blocks_.back().base;
  left_ = size;
}

void* CmarkArena::allocate(std::size_t size) {
  std::size_t capacity = round_up(size == 0 ? 1 : size, kAlignment);
  std::size_t need = kHeaderBytes + capacity;
  if (need > left_) add_block(need);
  void* pointer = next_ + kHeaderBytes;
  next_ += need;
  left_ -= need;
  bytes_used_ += need;
  set_capacity(pointer, capacity);
  last_ = pointer;
  return pointer;
}

// cmark grows its buffers by half again each time; the buffer written last (the HTML output, a
// block's text) usually sits at the end of its block and grows in place.
void* CmarkArena::reallocate(void* old, std::size_t size) {
  if (old == nullptr) return allocate(size);
  std::size_t capacity = capacity_of(old);
  if (size <= capacity) return old;
  std::size_t extra = round_up(size, kAlignment) - capacity;
  if (old == last_ && extra <= left_) {
    next_ += extra;
    left_ -= extra;
    bytes_used_ += extra;
    set_capacity(old, capacity + extra);
    return old;
  }
  void* fresh = allocate(size);
  std::memcpy(fresh, old, capacity);
  return fresh;
}

// Nothing to do: the blocks go when the arena does. A render's garbage (buffers that grew,
// delimiters, nodes the wiki's passes replace) is small beside its tree.
void CmarkArena::release(void* /*pointer*/) {}

cmark_mem* cmark_memory() {
  return innermost != nullptr ? &arena_mem : cmark_get_default_mem_allocator();
}

}  // namespace kidwiki::engine
