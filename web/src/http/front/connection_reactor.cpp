#include "http/front/connection_reactor.h"

#include <fcntl.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <chrono>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "http/front/refusal_answer.h"

namespace kidwiki::web {
namespace {

using Clock = std::chrono::steady_clock;

// After a refusal, how long the input is read and thrown away before the connection closes.
constexpr auto linger_time = std::chrono::seconds(2);

void set_nonblocking(int sock) { ::fcntl(sock, F_SETFL, ::fcntl(sock, F_GETFL) | O_NONBLOCK); }

void close_socket(int sock) {
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
}

}  // namespace

struct ConnectionReactor::Impl {
  enum class Phase { reading, answering, lingering };

  struct Connection {
    explicit Connection(const FramingLimits& limits) : framing(limits) {}
    RequestFraming framing;
    Phase phase = Phase::reading;
    std::string unsent;  // a refusal not written yet
    std::size_t held = 0;  // what this connection counts in held_total
    std::size_t served = 0;
    bool continue_sent = false;
    Clock::time_point deadline;
  };

  FrontOptions options;
  Dispatch dispatch;
  RefusalBody refusal_body;
  int epoll_fd = -1;
  int wake_fd = -1;
  std::thread thread;

  // Shared with other threads.
  mutable std::mutex mutex;
  std::vector<int> adopted;
  std::vector<HeldConnection> resumed;
  bool stopping = false;
  std::size_t held_count = 0;

  // The reactor thread's own.
  std::unordered_map<int, Connection> connections;
  std::size_t held_total = 0;

  Impl(FrontOptions o, Dispatch d, RefusalBody r)
      : options(std::move(o)), dispatch(std::move(d)), refusal_body(std::move(r)) {
    epoll_fd = ::epoll_create1(EPOLL_CLOEXEC);
    wake_fd = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.fd = wake_fd;
    ::epoll_ctl(epoll_fd, EPOLL_CTL_ADD, wake_fd, &event);
    thread = std::thread([this] { run(); });
  }

  ~Impl() {
    ::close(wake_fd);
    ::close(epoll_fd);
  }

  void wake() {
    const std::uint64_t one = 1;
    [[maybe_unused]] auto written = ::write(wake_fd, &one, sizeof one);
  }

  // Queues a connection for the reactor thread, or closes it once the reactor has stopped.
  template <typename Item>
  void hand_over(std::vector<Item>& queue, Item item, int sock) {
    {
      std::unique_lock lock(mutex);
      if (stopping) {
        lock.unlock();
        return close_socket(sock);
      }
      queue.push_back(std::move(item));
    }
    wake();
  }

  void watch(int sock, std::uint32_t events, int op) {
    epoll_event event{};
    event.events = events;
    event.data.fd = sock;
    ::epoll_ctl(epoll_fd, op, sock, &event);
  }

  void run() {
    std::array<epoll_event, 64> events{};
    for (;;) {
      const int ready = ::epoll_wait(epoll_fd, events.data(), events.size(), 200);
      if (!take_handed_over()) break;
      for (int i = 0; i < ready; ++i) {
        const int sock = events[i].data.fd;
        if (sock == wake_fd) {
          std::uint64_t count = 0;
          [[maybe_unused]] auto read = ::read(wake_fd, &count, sizeof count);
          continue;
        }
        if (events[i].events & EPOLLOUT) write_unsent(sock);
        if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) read_from(sock);
      }
      expire(Clock::now());
      publish_count();
    }
    for (auto& [sock, connection] : connections) close_socket(sock);
    connections.clear();
    publish_count();
  }

  // Returns false once stop() has been asked.
  bool take_handed_over() {
    std::vector<int> new_ones;
    std::vector<HeldConnection> old_ones;
    {
      std::lock_guard lock(mutex);
      if (stopping) return false;
      new_ones.swap(adopted);
      old_ones.swap(resumed);
    }
    for (int sock : new_ones) start(sock);
    for (auto& held : old_ones) restart(std::move(held));
    return true;
  }

  void start(int sock) {
    set_nonblocking(sock);
    if (connections.size() >= options.max_connections) {
      // Too many already: a clear 503 rather than a connection that hangs.
      auto [it, added] = connections.try_emplace(sock, options.framing);
      watch(sock, EPOLLIN, EPOLL_CTL_ADD);
      refuse(sock, it->second, 503);
      return;
    }
    auto [it, added] = connections.try_emplace(sock, options.framing);
    it->second.deadline = Clock::now() + std::chrono::seconds(options.head_timeout_seconds);
    watch(sock, EPOLLIN | EPOLLRDHUP, EPOLL_CTL_ADD);
  }

  void restart(HeldConnection held) {
    auto [it, added] = connections.try_emplace(held.sock, options.framing);
    Connection& connection = it->second;
    connection.served = held.served;
    connection.deadline = Clock::now() + std::chrono::seconds(options.idle_timeout_seconds);
    watch(held.sock, EPOLLIN | EPOLLRDHUP, EPOLL_CTL_ADD);
    // A pipelined request may already be here, whole.
    if (!held.carried.empty()) take(held.sock, connection, held.carried);
  }

  void read_from(int sock) {
    auto it = connections.find(sock);
    if (it == connections.end()) return;
    Connection& connection = it->second;
    std::array<char, 64 * 1024> buffer;
    for (;;) {
      const ssize_t got = ::recv(sock, buffer.data(), buffer.size(), 0);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
      if (got <= 0) return forget(sock);  // closed by the client, or reset
      if (connection.phase != Phase::reading) continue;  // lingering: thrown away
      if (!take(sock, connection, std::string_view(buffer.data(), static_cast<std::size_t>(got)))) {
        return;  // handed out, refused or closed
      }
    }
  }

  // Feeds bytes to the connection's request. Returns true while the connection keeps reading.
  bool take(int sock, Connection& connection, std::string_view bytes) {
    RequestFraming& framing = connection.framing;
    const bool was_idle = framing.idle();
    const std::size_t used = framing.feed(bytes);
    count_held(connection, framing.buffered_bytes());
    if (was_idle && !framing.idle()) {
      connection.deadline = Clock::now() + std::chrono::seconds(options.head_timeout_seconds);
    }
    if (framing.state() == RequestFraming::State::refused) {
      refuse(sock, connection, framing.refusal_status());
      return false;
    }
    if (held_total > options.buffer_budget_bytes) {
      refuse(sock, connection, 503);
      return false;
    }
    if (framing.state() == RequestFraming::State::complete) {
      hand_out(sock, connection, bytes.substr(used));
      return false;
    }
    if (framing.head_complete() && !connection.continue_sent) {
      connection.continue_sent = true;
      connection.deadline = Clock::now() + std::chrono::seconds(options.body_timeout_seconds);
      if (framing.expects_continue()) send_now(sock, "HTTP/1.1 100 Continue\r\n\r\n");
    }
    return true;
  }

  // The connection leaves the reactor with its request; resume() brings it back.
  void hand_out(int sock, Connection& connection, std::string_view rest) {
    HeldConnection held{sock, connection.served + 1, std::string(rest)};
    const bool last = !connection.framing.keep_alive() ||
                      held.served >= options.max_requests_per_connection;
    std::string request = connection.framing.normalized();
    count_held(connection, 0);
    watch(sock, 0, EPOLL_CTL_DEL);
    connections.erase(sock);
    dispatch(std::move(held), std::move(request), last);
  }

  void count_held(Connection& connection, std::size_t now) {
    held_total = held_total - connection.held + now;
    connection.held = now;
  }

  void refuse(int sock, Connection& connection, int status) {
    connection.framing.reset();
    count_held(connection, 0);
    connection.phase = Phase::answering;
    connection.unsent = refusal_answer(status, refusal_body(status));
    connection.deadline = Clock::now() + linger_time;
    write_unsent(sock);
  }

  void send_now(int sock, std::string_view bytes) {
    [[maybe_unused]] auto sent = ::send(sock, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  }

  void write_unsent(int sock) {
    auto it = connections.find(sock);
    if (it == connections.end()) return;
    Connection& connection = it->second;
    while (!connection.unsent.empty()) {
      const ssize_t sent =
          ::send(sock, connection.unsent.data(), connection.unsent.size(), MSG_NOSIGNAL);
      if (sent < 0 && errno == EINTR) continue;
      if (sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
        watch(sock, EPOLLIN | EPOLLOUT, EPOLL_CTL_MOD);
        return;
      }
      if (sent < 0) return forget(sock);
      connection.unsent.erase(0, static_cast<std::size_t>(sent));
    }
    if (connection.phase == Phase::answering) {
      // Answered: the client reads it while what it still sends is thrown away, so that its
      // socket does not see a reset before the answer.
      connection.phase = Phase::lingering;
      ::shutdown(sock, SHUT_WR);
      watch(sock, EPOLLIN, EPOLL_CTL_MOD);
    }
  }

  void expire(Clock::time_point now) {
    std::vector<int> late;
    // A refusal still unsent at its deadline goes too: a client that never reads must not keep
    // its place among max_connections.
    for (auto& [sock, connection] : connections) {
      if (connection.deadline <= now) late.push_back(sock);
    }
    for (int sock : late) {
      Connection& connection = connections.at(sock);
      if (connection.phase == Phase::reading && !connection.framing.idle()) {
        refuse(sock, connection, 408);  // a request begun and not finished in time
      } else {
        forget(sock);  // an idle connection, or a lingering one whose time is up
      }
    }
  }

  void forget(int sock) {
    auto it = connections.find(sock);
    if (it == connections.end()) return;
    count_held(it->second, 0);
    watch(sock, 0, EPOLL_CTL_DEL);
    connections.erase(it);
    close_socket(sock);
  }

  void publish_count() {
    std::lock_guard lock(mutex);
    held_count = connections.size();
  }
};

ConnectionReactor::ConnectionReactor(FrontOptions options, Dispatch dispatch,
                                     RefusalBody refusal_body)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(dispatch),
                                   std::move(refusal_body))) {}

ConnectionReactor::~ConnectionReactor() { stop(); }

void ConnectionReactor::adopt(int sock) { impl_->hand_over(impl_->adopted, sock, sock); }

void ConnectionReactor::resume(HeldConnection held) {
  const int sock = held.sock;
  impl_->hand_over(impl_->resumed, std::move(held), sock);
}

void ConnectionReactor::stop() {
  {
    std::lock_guard lock(impl_->mutex);
    impl_->stopping = true;
  }
  impl_->wake();
  if (impl_->thread.joinable()) impl_->thread.join();
  // Handed over after the thread's last look: still ours to close.
  std::lock_guard lock(impl_->mutex);
  for (int sock : impl_->adopted) close_socket(sock);
  for (const auto& held : impl_->resumed) close_socket(held.sock);
  impl_->adopted.clear();
  impl_->resumed.clear();
}

std::size_t ConnectionReactor::connection_count() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->held_count;
}

}  // namespace kidwiki::web
