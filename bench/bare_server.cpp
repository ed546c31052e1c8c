// The comparator of issue 11's view target: a bare cpp-httplib server (the library kidwiki's
// routes use, with its own connection handling) that answers every GET with the bytes of one
// file, as fast as the library can: TCP no-delay (without it each answer waits for a delayed
// ACK, 40 ms) and as many threads as kidwiki's default --threads, 32, since cpp-httplib gives each
// keep-alive connection a thread. kidwiki's cached article views are
// measured against it side by side (bench/http.sh).
// Usage: bare_server PORT FILE
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <httplib.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: bare_server PORT FILE\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  const std::string body = bytes.str();
  httplib::Server server;
  server.set_tcp_nodelay(true);
  server.new_task_queue = [] { return new httplib::ThreadPool(32); };
  server.Get(".*", [&body](const httplib::Request&, httplib::Response& res) {
    res.set_content(body, "text/html; charset=utf-8");
  });
  return server.listen("127.0.0.1", std::atoi(argv[1])) ? 0 : 1;
}
