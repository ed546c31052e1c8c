// The connections of the server, read by one thread with epoll until a whole request has arrived:
// a slow or idle client holds a few bytes of memory here, never a worker thread. Each complete
// request (read and checked by RequestFraming) goes to `dispatch`, which answers it on a worker
// and hands the connection back with resume() when it may carry another request.
//
// What the reactor answers itself, and closes: a framing refusal (400, 413, 414, 431), a request
// that takes too long to arrive (408), and 503 when the bytes held for all connections would pass
// the budget. After such an answer the connection lingers for a moment, its input read and thrown
// away, so that the client reads the answer rather than a reset.
//
// Thread-safety: adopt(), resume() and stop() may be called from any thread.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "http/front/request_framing.h"

namespace kidwiki::web {

struct FrontOptions {
  FramingLimits framing;
  int head_timeout_seconds = 10;  // from a request's first byte to the end of its head
  int body_timeout_seconds = 60;  // for its body, once the head has arrived
  int idle_timeout_seconds = 5;   // a kept-alive connection with no request
  std::size_t max_requests_per_connection = 100;
  std::size_t max_connections = 1000;
  // All the bytes held for requests not complete yet, over every connection.
  std::size_t buffer_budget_bytes = 24 * 1024 * 1024;
};

// A connection between two requests, owned by whoever holds this.
struct HeldConnection {
  int sock = -1;
  std::size_t served = 0;  // requests read from it so far
  std::string carried;     // bytes read past the last request: the next one's beginning
};

class ConnectionReactor {
 public:
  // `held` is the connection (its ownership goes with the call: resume() it or close it),
  // `request` the normalized request (RequestFraming::normalized), `last` true when the
  // connection must close after the answer. Called on the reactor's thread: hand the work on.
  using Dispatch = std::function<void(HeldConnection held, std::string request, bool last)>;
  // The text of a refusal the reactor answers itself (400, 408, 413, 414, 431, 503).
  using RefusalBody = std::function<std::string(int status)>;

  ConnectionReactor(FrontOptions options, Dispatch dispatch, RefusalBody refusal_body);
  ~ConnectionReactor();  // stop()
  ConnectionReactor(const ConnectionReactor&) = delete;
  ConnectionReactor& operator=(const ConnectionReactor&) = delete;

  // A new connection (the reactor owns and closes it).
  void adopt(int sock);
  // A connection handed out by dispatch, answered and kept alive: its next request.
  void resume(HeldConnection held);
  // Closes every connection and ends the thread. Connections handed out stay the dispatcher's.
  void stop();

  // Connections the reactor holds now (not those being answered): for tests and logs.
  std::size_t connection_count() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kidwiki::web
