// The httplib::Stream a worker answers through: the request comes from memory (read whole by
// the front), the answer goes to the client's socket, which is non-blocking, with a deadline on
// each wait for the client to read.
#pragma once

#include <httplib.h>

#include <string>

namespace kidwiki::web {

class BufferedStream : public httplib::Stream {
 public:
  BufferedStream(int sock, const std::string& request, int write_timeout_seconds)
      : sock_(sock), request_(request), write_timeout_ms_(write_timeout_seconds * 1000) {}

  bool is_readable() const override { return read_ < request_.size(); }
  bool is_writable() const override;
  ssize_t read(char* ptr, size_t size) override;
  ssize_t write(const char* ptr, size_t size) override;
  void get_remote_ip_and_port(std::string& ip, int& port) const override;
  void get_local_ip_and_port(std::string& ip, int& port) const override;
  socket_t socket() const override { return sock_; }

 private:
  int sock_;
  const std::string& request_;
  std::size_t read_ = 0;
  int write_timeout_ms_;
};

}  // namespace kidwiki::web
