// The HTTP server: the wiki's pages and its JSON API on one address and port.
//
// Lifecycle: construct, bind() once, then listen() on one thread while any thread may call stop().
// stop() may come before, during or after listen(); once it has been called listen() returns (or
// never starts). The destructor stops the server and waits for listen() to return, so the Wiki
// must outlive the Server.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "engine/wiki.h"

namespace kidwiki::search {
class Search;
}

namespace kidwiki::web {

// Saves accepted in a short time (see web/src/edit_rate_limit.h). A whole class saving shares
// nothing but the class limit: there is no per-address limit on accounts.
struct EditLimits {
  std::size_t pupil_saves = 10;  // per pupil account, per minute
  std::size_t staff_saves = 60;  // per teacher, moderator or admin account, per minute
  std::size_t class_saves = 300;  // per class, per 10 minutes (30 pupils saving every minute)
  std::size_t reader_saves = 5;  // per address, per 10 minutes, for readers' edits
};

// Where a page's links point in the HTML interface: "/fr/wiki/%C3%89l%C3%A9phant" for a page that
// exists, its creation form ("?action=edit&redlink=1") for one that does not. The engine builds
// no URL: a program that serves the wiki passes this as engine::Options::page_address.
std::string page_address(const engine::Edition& edition, const engine::Title& title, bool exists);
// Where a picture's bytes are served (/media/{sha256}/{220,440,880}.webp or /media/{sha256}/full.{ext}):
// passed as engine::Options::media_address.
std::string media_address(const engine::FileInfo& file, int width);

struct ServerOptions {
  // Loopback by default: kidwiki is meant to sit behind a reverse proxy (docs/deploy.md).
  std::string bind = "127.0.0.1";
  // 0 = any free port (tests); port() tells which one was taken.
  int port = 8080;
  // Threads answering complete requests. Connections are read by one thread of their own
  // (web/src/http/front), so a slow or idle client holds no worker.
  int threads = 32;
  // Connections held at once; one more is answered 503. Each is a few hundred bytes while idle.
  std::size_t max_connections = 1000;
  // Requests per kept-alive connection.
  std::size_t keep_alive_max_count = 100;
  // Idle seconds before a kept-alive connection is closed.
  int keep_alive_timeout_seconds = 5;
  // Seconds a client may take to send a request's line and headers (408 after), and then its
  // body, against slow clients.
  int read_timeout_seconds = 10;
  int body_timeout_seconds = 60;
  // Seconds a client may take to read each part of a response, for the same reason.
  int write_timeout_seconds = 10;
  // Largest request body: a 2 MiB text percent-encoded in a form is up to 6 MiB, plus the other
  // fields. Over it the answer is 413, from the headers alone when the length is declared, as soon
  // as the limit is passed for a chunked body. The engine itself answers 413 above 2 MiB of text
  // and 10 MiB of picture (a picture's upload, with its form around it, fits in 11 MiB).
  std::size_t payload_max_bytes = 11 * 1024 * 1024;
  // The request line's target (414 above), the number of headers and their bytes (431 above).
  std::size_t max_target_bytes = 8192;
  std::size_t max_header_count = 100;
  std::size_t max_header_bytes = 32 * 1024;
  // The bytes of unfinished requests over all connections (503 above).
  std::size_t buffer_budget_bytes = 24 * 1024 * 1024;
  EditLimits edit_limits;
  // Empty by default. Behind a reverse proxy on the same machine (docs/deploy.md) every request
  // comes from loopback, so per-address limits (failed logins, readers' reports and edits) would
  // join all clients together; naming a header here ("X-Real-IP") takes the client's address from
  // it, but only for requests whose TCP peer is loopback. Never set it without such a proxy: any
  // client could then choose its address.
  std::string trust_proxy_header;
  // Where `/` sends a browser whose Accept-Language matches no edition: the first of these
  // languages that has an edition, else the wiki's oldest edition (docs/i18n.md).
  std::vector<std::string> fallback_languages = {"en"};
};

class Server {
 public:
  // `search`, when given, must outlive the Server too.
  Server(engine::Wiki& wiki, ServerOptions options, search::Search* search = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds options.bind:options.port. Returns the port bound (0..65535), or -1 when the address
  // cannot be bound (in use, not local, bad address).
  int bind();
  // Serves until stop(). Precondition: bind() succeeded.
  void listen();
  // Thread-safe; returns once listen() has returned or will not start.
  void stop();
  // The port bound, or -1 before a successful bind().
  int port() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace kidwiki::web
