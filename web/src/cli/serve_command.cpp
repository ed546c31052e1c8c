// `kidwiki serve`: opens the wiki and its search indexes, makes the first admin on a new wiki, and
// serves HTTP until SIGINT or SIGTERM.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <memory>
#include <thread>

#include <pthread.h>
#include <unistd.h>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "i18n/locale_facts.h"
#include "i18n/time_zone.h"
#include "search/search.h"
#include "web/server.h"

namespace kidwiki::cli {
namespace {

struct ServeArgs {
  std::string data_dir = kDefaultDataDir;
  web::ServerOptions server;
  std::string time_zone;  // empty: the host's
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

// The search index of every edition, caught up with the outbox (search/search.h).
engine::Result<std::unique_ptr<search::Search>> open_search(engine::Wiki& wiki,
                                                            const std::filesystem::path& data_dir) {
  search::SearchOptions options;
  options.data_dir = data_dir;
  auto opened = search::Search::open(wiki, options);
  if (!opened) print_error(opened.error());
  return opened;
}

// On a wiki with no account yet, creates `admin` with a generated password and prints it once:
// without it nobody could log in to create the other accounts.
bool create_first_admin(engine::Wiki& wiki) {
  if (wiki.accounts().user_count() > 0) return true;
  const std::string password = engine::generate_password();
  auto admin = wiki.accounts().create_user(engine::Actor::console(), "admin", password,
                                           engine::Role::admin);
  if (!admin) return print_error(admin.error()), false;
  say(text("login-cli-admin-created", {{"name", admin->name}, {"password", password}}));
  return true;
}

int serve(const ServeArgs& args) {
  // Before any thread starts, so that every thread inherits it.
  sigset_t set = stop_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the server
  if (!args.time_zone.empty() && !i18n::set_display_time_zone(args.time_zone)) {
    std::fprintf(stderr, "%s\n", text("api-cli-bad-time-zone", {{"zone", args.time_zone}}).c_str());
    return 1;
  }
  const engine::Options options = engine_options(args.data_dir);
  auto wiki = open_wiki(options);
  if (!wiki) return 1;
  say(text("api-cli-version", {{"version", std::string(kVersion)}}));
  say(text("api-cli-data-dir", {{"path", options.data_dir.string()}}));
  say(text("api-cli-time-zone", {{"zone", i18n::display_time_zone()}}));
  say(text("api-cli-editions", {{"list", edition_list(*wiki.value())}}));
  if (!create_first_admin(*wiki.value())) return 1;
  auto search = open_search(*wiki.value(), options.data_dir);
  if (!search) return 1;
  search.value()->start_draining();
  web::Server server(*wiki.value(), args.server, search.value().get());
  const int port = server.bind();
  if (port < 0) {
    const std::string address = args.server.bind + ":" + std::to_string(args.server.port);
    std::fprintf(stderr, "%s\n", text("api-cli-bind-failed", {{"address", address}}).c_str());
    return 1;
  }
  say(text("api-cli-listening", {{"url", "http://" + args.server.bind + ":" + std::to_string(port)}}));
  serve_until_signalled(server);
  say(text("api-cli-stopped"));
  return 0;
}

}  // namespace

Command add_serve(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* serve_app = app.add_subcommand("serve", text("api-cli-serve"));
  serve_app->add_option("--data", args->data_dir, text("api-cli-option-data"))->capture_default_str();
  serve_app->add_option("--bind", args->server.bind, text("api-cli-option-bind"))->capture_default_str();
  serve_app->add_option("--port", args->server.port, text("api-cli-option-port"))
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  serve_app->add_option("--threads", args->server.threads, text("api-cli-option-threads"))
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  serve_app->add_option("--trust-proxy", args->server.trust_proxy_header,
                        text("api-cli-option-trust-proxy"));
  serve_app->add_option("--time-zone", args->time_zone, text("api-cli-option-time-zone"));
  serve_app
      ->add_option("--fallback-language", args->server.fallback_languages,
                   text("api-cli-option-fallback-language"))
      ->delimiter(',')
      ->check([](const std::string& tag) {
        return i18n::locale_facts(tag) ? std::string() : text("edition-error-lang", {{"lang", tag}});
      })
      ->capture_default_str();
  return {serve_app, [args] { return serve(*args); }};
}

Command add_render_worker(CLI::App& app) {
  CLI::App* worker = app.add_subcommand("render-worker", "")->group("");
  return {worker, [] {
            // A worker inherits the server's signal settings across exec; give it the defaults.
            sigset_t set = stop_signals();
            pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
            std::signal(SIGPIPE, SIG_DFL);
            return engine::run_render_worker(STDIN_FILENO, STDOUT_FILENO);
          }};
}

}  // namespace kidwiki::cli
