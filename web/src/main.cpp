// The kidwiki program: `kidwiki serve` runs the wiki; `kidwiki render-worker` (hidden) is the
// sandboxed Markdown renderer that the server starts as a child process of itself.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <string>
#include <system_error>
#include <thread>

#include <CLI/CLI.hpp>
#include <pthread.h>
#include <unistd.h>

#include "engine/wiki.h"
#include "i18n/messages.h"
#include "web/server.h"

namespace {

using kidwiki::i18n::MessageArgs;
namespace engine = kidwiki::engine;
namespace web = kidwiki::web;

constexpr const char* kVersion = "0.1.0";

// The program's own lines are in English: it runs before any reader or edition is known.
std::string text(std::string_view id, const MessageArgs& args = {}) {
  return kidwiki::i18n::Messages::builtin().format("en", id, args);
}

void say(const std::string& line) {
  std::fputs((line + "\n").c_str(), stdout);
  std::fflush(stdout);  // tests and supervisors read these lines as they come
}

struct ServeArgs {
  std::string data_dir = "./kidwiki-data";
  web::ServerOptions server;
};

std::string edition_list(engine::Wiki& wiki) {
  std::string list;
  for (const auto& edition : wiki.editions()) {
    if (!list.empty()) list += ", ";
    list += edition.lang + " (" + edition.name + ")";
  }
  return list;
}

sigset_t stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  return set;
}

// Serves until SIGINT or SIGTERM. Why sigwait on a thread: stop() takes a lock, which a signal
// handler may not; the signals stay blocked everywhere else, including the server's workers.
void serve_until_signalled(web::Server& server) {
  sigset_t set = stop_signals();
  std::atomic<bool> signalled = false;
  std::thread waiter([&] {
    int signal_number = 0;
    sigwait(&set, &signal_number);
    signalled = true;
    server.stop();
  });
  server.listen();
  if (!signalled) kill(getpid(), SIGTERM);  // wakes the waiter; the signal is blocked here
  waiter.join();
}

engine::Options engine_options(const ServeArgs& args) {
  engine::Options options;
  options.data_dir = std::filesystem::absolute(args.data_dir);
  options.render_limits.worker_argv = {"/proc/self/exe", "render-worker"};
  return options;
}

int serve(const ServeArgs& args) {
  engine::Options options = engine_options(args);
  std::error_code ignored;  // open() reports an unusable directory itself
  std::filesystem::create_directories(options.data_dir, ignored);
  auto wiki = engine::Wiki::open(options);
  if (!wiki) {
    const auto& error = wiki.error();
    std::fprintf(stderr, "%s\n",
                 text("api-cli-open-failed",
                      {{"path", options.data_dir.string()},
                       {"reason", kidwiki::i18n::Messages::builtin().format("en", error.message_id,
                                                                           error.args)}})
                     .c_str());
    return 1;
  }
  say(text("api-cli-version", {{"version", std::string(kVersion)}}));
  say(text("api-cli-data-dir", {{"path", options.data_dir.string()}}));
  say(text("api-cli-editions", {{"list", edition_list(*wiki.value())}}));
  web::Server server(*wiki.value(), args.server);
  int port = server.bind();
  std::string address = args.server.bind + ":" + std::to_string(args.server.port);
  if (port < 0) {
    std::fprintf(stderr, "%s\n", text("api-cli-bind-failed", {{"address", address}}).c_str());
    return 1;
  }
  say(text("api-cli-listening",
           {{"url", "http://" + args.server.bind + ":" + std::to_string(port)}}));
  serve_until_signalled(server);
  say(text("api-cli-stopped"));
  return 0;
}

int render_worker() {
  // A worker inherits the server's signal settings across exec; give it the defaults back.
  sigset_t set = stop_signals();
  pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_DFL);
  return engine::run_render_worker(STDIN_FILENO, STDOUT_FILENO);
}

void add_serve_options(CLI::App& serve, ServeArgs& args) {
  serve.add_option("--data", args.data_dir, text("api-cli-option-data"))->capture_default_str();
  serve.add_option("--bind", args.server.bind, text("api-cli-option-bind"))->capture_default_str();
  serve.add_option("--port", args.server.port, text("api-cli-option-port"))
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve.add_option("--threads", args.server.threads, text("api-cli-option-threads"))
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{text("api-cli-description"), "kidwiki"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("kidwiki ") + kVersion);
  ServeArgs args;
  CLI::App* serve_command = app.add_subcommand("serve", text("api-cli-serve"));
  add_serve_options(*serve_command, args);
  CLI::App* worker_command = app.add_subcommand("render-worker", "")->group("");
  CLI11_PARSE(app, argc, argv);
  if (worker_command->parsed()) return render_worker();
  // Before any thread starts, so that every thread inherits it.
  sigset_t set = stop_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the server
  return serve(args);
}
