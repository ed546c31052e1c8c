// The render worker: one request in, one answer out, then the process ends. It runs under the
// limits render_sandboxed sets from outside; nothing here needs to defend against slow input.
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <string>

#include "engine/render.h"
#include "render/render_protocol.h"

namespace kidwiki::engine {
namespace {

// The largest Markdown the wiki accepts (Options::max_markdown_bytes, 2 MiB) with room for JSON's
// escapes; a larger request still works, by growing.
constexpr std::size_t kRequestBytesReserved = 4 << 20;

std::optional<std::string> read_all(int fd) {
  std::string data;
  // Room for the largest request at once: a string grown by doubling copies itself and touches
  // twice the pages, and pages reserved but never written cost nothing.
  data.reserve(kRequestBytesReserved);
  char buffer[65536];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n == 0) return data;
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return std::nullopt;
    data.append(buffer, static_cast<std::size_t>(n));
  }
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
  std::optional<std::string> input = read_all(in_fd);
  if (!input) return 2;
  std::optional<RenderRequest> request = decode_request(*input);
  if (!request) return 2;
  std::string answer = encode_answer(render_markdown(request->markdown, request->context));
  return write_all(out_fd, answer) ? 0 : 3;
}

}  // namespace kidwiki::engine
