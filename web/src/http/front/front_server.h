// cpp-httplib's server with kidwiki's front in place of its connection handling. httplib 0.11
// reads requests with one thread per connection, a body of any size and headers without count
// (docs/deploy.md): here it only accepts connections and answers complete requests. Between the
// two, the ConnectionReactor reads every connection on one thread with strict framing and limits,
// and hands each complete request to a worker, which runs httplib's routing on it.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <memory>

#include "http/front/connection_reactor.h"

namespace kidwiki::web {

class FrontServer : public httplib::Server {
 public:
  // `workers` threads answer complete requests; `write_timeout_seconds` bounds a client that
  // does not read its answer.
  FrontServer(FrontOptions options, std::size_t workers, int write_timeout_seconds,
              ConnectionReactor::RefusalBody refusal_body);
  ~FrontServer() override;

  // After listen() has returned: closes the connections still open and ends the workers.
  void stop_front();

  // Connections the front is reading now (not those being answered).
  std::size_t open_connections() const { return reactor_->connection_count(); }

 private:
  bool process_and_close_socket(socket_t sock) override;
  void answer(HeldConnection held, const std::string& request, bool last);

  int write_timeout_seconds_;
  std::unique_ptr<httplib::ThreadPool> workers_;
  std::unique_ptr<ConnectionReactor> reactor_;
};

}  // namespace kidwiki::web
