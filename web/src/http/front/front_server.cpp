#include "http/front/front_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include "http/front/buffered_stream.h"

namespace kidwiki::web {

FrontServer::FrontServer(FrontOptions options, std::size_t workers, int write_timeout_seconds,
                         ConnectionReactor::RefusalBody refusal_body)
    : write_timeout_seconds_(write_timeout_seconds),
      workers_(std::make_unique<httplib::ThreadPool>(workers)) {
  reactor_ = std::make_unique<ConnectionReactor>(
      std::move(options),
      [this](HeldConnection held, std::string request, bool last) {
        // shared_ptr: httplib's task queue takes a copyable function.
        auto work = std::make_shared<std::pair<HeldConnection, std::string>>(std::move(held),
                                                                             std::move(request));
        workers_->enqueue([this, work, last] { answer(std::move(work->first), work->second, last); });
      },
      std::move(refusal_body));
  // httplib's own pool only runs process_and_close_socket, which returns at once.
  new_task_queue = [] { return new httplib::ThreadPool(1); };
}

FrontServer::~FrontServer() { stop_front(); }

void FrontServer::stop_front() {
  if (reactor_) reactor_->stop();
  if (workers_) workers_->shutdown();  // waits for the answers under way; their sockets close
  workers_.reset();
}

bool FrontServer::process_and_close_socket(socket_t sock) {
  reactor_->adopt(sock);
  return true;
}

void FrontServer::answer(HeldConnection held, const std::string& request, bool last) {
  BufferedStream stream(held.sock, request, write_timeout_seconds_);
  bool closed_by_client = false;
  const bool written = process_request(stream, last, closed_by_client, nullptr);
  if (written && !closed_by_client && !last) {
    reactor_->resume(std::move(held));
    return;
  }
  ::shutdown(held.sock, SHUT_RDWR);
  ::close(held.sock);
}

}  // namespace kidwiki::web
