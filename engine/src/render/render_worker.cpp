// The render worker: requests in, answers out, one at a time, until the server closes its stdin.
// It runs under the limits the server sets from outside (worker_process.cpp: memory, and a hard
// CPU limit for its whole life); nothing here needs to defend against slow input. Each request's
// CPU budget it sets on itself, before rendering: from the server that took a read of
// /proc/<pid>/stat and two prlimit calls per render, a tenth of a typical preview. A worker that
// a hostile text took over could raise its own soft limit again, up to the hard one; the
// server's wall-clock deadline still ends it (render_workers.cpp).
#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <string>

#include "engine/render.h"
#include "render/render_protocol.h"

namespace kidwiki::engine {
namespace {

// The largest Markdown the wiki accepts (Options::max_markdown_bytes, 2 MiB) with room to spare;
// a larger request still works, by growing.
constexpr std::size_t kRequestBytesReserved = 4 << 20;
// Far above any request the server sends: a length beyond it means the stream is garbage.
constexpr std::size_t kMaxRequestBytes = 256u << 20;

enum class Read { message, end, broken };

// Reads into `buffer` until it holds one whole request; `end` on a clean end of input between
// two requests.
Read read_request(int fd, std::string& buffer, std::size_t& size) {
  char chunk[65536];
  for (;;) {
    MessageSize m = message_size(buffer, kRequestParts, kMaxRequestBytes);
    if (m.state == MessageSize::complete) {
      size = m.bytes;
      return Read::message;
    }
    if (m.state == MessageSize::too_large) return Read::broken;
    ssize_t n = read(fd, chunk, sizeof chunk);
    if (n == 0) return buffer.empty() ? Read::end : Read::broken;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Read::broken;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

// SIGXCPU (the worker's end, which the server reads as "too complex") once this request has used
// `seconds` of CPU time, give or take the second that RLIMIT_CPU counts in.
bool set_cpu_budget(int seconds) {
  if (seconds <= 0) return true;
  rusage usage{};
  rlimit cpu{};
  if (getrusage(RUSAGE_SELF, &usage) != 0 || getrlimit(RLIMIT_CPU, &cpu) != 0) return false;
  const double used = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                      static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  const auto wanted = static_cast<rlim_t>(std::ceil(used + seconds));
  cpu.rlim_cur = cpu.rlim_max == RLIM_INFINITY ? wanted : std::min(cpu.rlim_max, wanted);
  return setrlimit(RLIMIT_CPU, &cpu) == 0;
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

int run_render_worker(int in_fd, int out_fd) {
  std::string buffer;
  // Room for the largest request at once: a string grown by doubling copies itself and touches
  // twice the pages, and pages reserved but never written cost nothing.
  buffer.reserve(kRequestBytesReserved);
  for (;;) {
    std::size_t size = 0;
    switch (read_request(in_fd, buffer, size)) {
      case Read::end:
        return 0;
      case Read::broken:
        return 2;
      case Read::message:
        break;
    }
    std::optional<RenderRequest> request = decode_request(std::string_view(buffer).substr(0, size));
    if (!request || !set_cpu_budget(request->cpu_seconds)) return 2;
    buffer.erase(0, size);
    if (!write_all(out_fd, encode_answer(render_markdown(request->markdown, request->context)))) {
      return 3;
    }
  }
}

}  // namespace kidwiki::engine
