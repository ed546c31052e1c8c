#include "web/server.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>

#include <sys/resource.h>
#include <sys/socket.h>

#include <httplib.h>

#include "http/error_status.h"
#include "http/front/front_server.h"
#include "i18n/messages.h"
#include "http/request_language.h"
#include "http/request_log.h"
#include "routes.h"
#include "http/session_cookie.h"
#include "http/web_context.h"

namespace kidwiki::web {

namespace {

httplib::Headers security_headers() {
  return {
      {"Content-Security-Policy",
       "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; "
       "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "same-origin"},
      {"X-Frame-Options", "DENY"},
  };
}

std::string describe(std::exception_ptr ep) {
  try {
    std::rethrow_exception(ep);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "an exception not derived from std::exception";
  }
}

// The one catch-all: a handler threw, which is a bug. Log it and answer a plain 500.
void answer_exception(const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
  std::fprintf(stderr, "kidwiki: exception while handling %s %s: %s\n", req.method.c_str(),
               loggable_path(req).c_str(), describe(ep).c_str());
  std::string lang = interface_language(req, nullptr);
  std::string message = i18n::Messages::builtin().format(lang, "api-error-internal");
  res.headers.clear();
  for (const auto& header : security_headers()) res.headers.insert(header);
  if (is_api_path(req.target)) {
    send_json_error(res, 500, "internal", message);
  } else {
    res.status = 500;
    res.set_content(message, "text/plain; charset=utf-8");
  }
}

// Gives a body to errors httplib raises itself, so that API clients always get a JSON error
// object. (Sizes are never among them: the front refuses a request over a limit before httplib
// sees it.)
httplib::Server::HandlerResponse answer_bare_error(const httplib::Request& req,
                                                   httplib::Response& res) {
  if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
  std::string lang = interface_language(req, nullptr);
  engine::Error error{engine::ErrorCode::invalid_input, "api-error-bad-request"};
  int status = res.status;
  if (is_api_path(req.target)) {
    send_json_error(res, error, lang);
  } else {
    send_text_error(res, error, lang);
  }
  res.status = status;
  return httplib::Server::HandlerResponse::Handled;
}

// An answer to a request with a session may hold pupils' names or text waiting for review, so no
// cache (a shared proxy, the browser's disk) may keep it unless its handler chose otherwise.
void keep_private_answers_private(const httplib::Request& req, httplib::Response& res) {
  if (!session_token(req).empty() && !res.has_header("Cache-Control")) {
    res.set_header("Cache-Control", "no-store");
  }
}

// An error's words may come from Accept-Language (interface_language), unlike a page's, whose
// language is in its address: a cache must not give a German reader an error kept in French.
void vary_errors_on_language(httplib::Response& res) {
  if (res.status >= 400 && !res.has_header("Vary")) res.set_header("Vary", "Accept-Language");
}

FrontOptions front_options(const ServerOptions& options) {
  FrontOptions front;
  front.framing.max_target_bytes = options.max_target_bytes;
  front.framing.max_header_count = options.max_header_count;
  front.framing.max_header_bytes = options.max_header_bytes;
  front.framing.max_body_bytes = options.payload_max_bytes;
  front.head_timeout_seconds = options.read_timeout_seconds;
  front.body_timeout_seconds = options.body_timeout_seconds;
  front.idle_timeout_seconds = options.keep_alive_timeout_seconds;
  front.max_requests_per_connection = options.keep_alive_max_count;
  front.max_connections = options.max_connections;
  front.buffer_budget_bytes = options.buffer_budget_bytes;
  return front;
}

// The front answers before any request is parsed, so it knows no language: English, the
// language of the protocol.
std::string refusal_text(int status) {
  const char* id = "api-error-bad-request";
  switch (status) {
    case 408: id = "api-error-request-timeout"; break;
    case 413: id = "api-error-payload-too-large"; break;
    case 414: id = "api-error-uri-too-long"; break;
    case 431: id = "api-error-headers-too-large"; break;
    case 503: id = "api-error-too-many-connections"; break;
  }
  return i18n::Messages::builtin().format("en", id) + "\n";
}

// Each connection is a file descriptor: let the server hold as many as the system allows.
void raise_open_file_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);
  }
}

}  // namespace

struct Server::Impl {
  Impl(engine::Wiki& wiki, ServerOptions server_options, search::Search* search)
      : options(std::move(server_options)),
        context{wiki, options, search},
        http(front_options(options), static_cast<std::size_t>(std::max(1, options.threads)),
             options.write_timeout_seconds, refusal_text) {}

  void configure();

  ServerOptions options;
  WebContext context;  // refers to `options`, declared before it
  RequestLog log;      // outlives `http`, whose workers write to it
  FrontServer http;
  int port = -1;
  std::mutex mutex;
  std::condition_variable listen_ended;
  bool stop_requested = false;
  bool listening = false;
};

void Server::Impl::configure() {
  http.set_tcp_nodelay(true);
  // Why not httplib's default options: they add SO_REUSEPORT, with which a second kidwiki binds
  // the same port without error and the two share the traffic. SO_REUSEADDR alone still allows a
  // quick restart while old connections linger in TIME_WAIT.
  http.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  // Limits and timeouts are the front's (front_options); httplib sees only complete requests.
  http.set_keep_alive_max_count(options.keep_alive_max_count);
  http.set_keep_alive_timeout(options.keep_alive_timeout_seconds);
  http.set_default_headers(security_headers());
  http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    stamp_request_start();
    return httplib::Server::HandlerResponse::Unhandled;
  });
  http.set_post_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    keep_private_answers_private(req, res);
    vary_errors_on_language(res);
  });
  http.set_exception_handler(answer_exception);
  http.set_error_handler(httplib::Server::HandlerWithResponse(answer_bare_error));
  http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
    log.add(req, res);
  });
  register_routes(http, context);
}

Server::Server(engine::Wiki& wiki, ServerOptions options, search::Search* search)
    : impl_(std::make_unique<Impl>(wiki, std::move(options), search)) {
  impl_->configure();
}

Server::~Server() { stop(); }

int Server::bind() {
  const ServerOptions& options = impl_->options;
  raise_open_file_limit();
  if (options.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(options.bind);
  } else if (impl_->http.bind_to_port(options.bind, options.port)) {
    impl_->port = options.port;
  } else {
    impl_->port = -1;
  }
  if (impl_->port < 0) impl_->port = -1;
  return impl_->port;
}

void Server::listen() {
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stop_requested) return;
    impl_->listening = true;
  }
  impl_->http.listen_after_bind();
  impl_->http.stop_front();
  impl_->log.flush();
  {
    std::lock_guard lock(impl_->mutex);
    impl_->listening = false;
  }
  impl_->listen_ended.notify_all();
}

void Server::stop() {
  std::unique_lock lock(impl_->mutex);
  impl_->stop_requested = true;
  // Invariant: httplib's stop() is a no-op until its listen loop has started, so keep asking
  // until listen() has returned.
  while (impl_->listening) {
    impl_->http.stop();
    impl_->listen_ended.wait_for(lock, std::chrono::milliseconds(10));
  }
}

int Server::port() const { return impl_->port; }

}  // namespace kidwiki::web
