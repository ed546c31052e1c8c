#include "http/front/buffered_stream.h"

#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace kidwiki::web {
namespace {

bool wait_writable(int sock, int timeout_ms) {
  pollfd fd{sock, POLLOUT, 0};
  int ready;
  do {
    ready = ::poll(&fd, 1, timeout_ms);
  } while (ready < 0 && errno == EINTR);
  return ready > 0 && (fd.revents & (POLLERR | POLLHUP | POLLNVAL)) == 0;
}

void describe(const sockaddr_storage& address, socklen_t length, std::string& ip, int& port) {
  char host[NI_MAXHOST] = {};
  char service[NI_MAXSERV] = {};
  if (::getnameinfo(reinterpret_cast<const sockaddr*>(&address), length, host, sizeof host,
                    service, sizeof service, NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    ip = host;
    port = std::atoi(service);
  }
}

}  // namespace

bool BufferedStream::is_writable() const { return wait_writable(sock_, write_timeout_ms_); }

ssize_t BufferedStream::read(char* ptr, size_t size) {
  const std::size_t n = std::min(size, request_.size() - read_);
  std::memcpy(ptr, request_.data() + read_, n);
  read_ += n;
  return static_cast<ssize_t>(n);
}

ssize_t BufferedStream::write(const char* ptr, size_t size) {
  std::size_t written = 0;
  while (written < size) {
    const ssize_t sent = ::send(sock_, ptr + written, size - written, MSG_NOSIGNAL);
    if (sent > 0) {
      written += static_cast<std::size_t>(sent);
    } else if (sent < 0 && errno == EINTR) {
      continue;
    } else if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (!wait_writable(sock_, write_timeout_ms_)) return -1;  // a client that stopped reading
    } else {
      return -1;
    }
  }
  return static_cast<ssize_t>(written);
}

void BufferedStream::get_remote_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getpeername(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    describe(address, length, ip, port);
  }
}

void BufferedStream::get_local_ip_and_port(std::string& ip, int& port) const {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  if (::getsockname(sock_, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    describe(address, length, ip, port);
  }
}

}  // namespace kidwiki::web
