// The kidwiki program: `kidwiki serve` runs the wiki; `kidwiki render-worker` (hidden) is the
// sandboxed Markdown renderer that the server starts as a child process of itself;
// `kidwiki user create` adds an account.
#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <system_error>
#include <thread>

#include <CLI/CLI.hpp>
#include <pthread.h>
#include <unistd.h>

#include "engine/wiki.h"
#include "i18n/messages.h"
#include "search/search.h"
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

void print_error(const engine::Error& error) {
  std::fprintf(stderr, "%s\n",
               kidwiki::i18n::Messages::builtin().format("en", error.message_id, error.args).c_str());
}

// The search index of every edition, caught up with the outbox (search/search.h).
engine::Result<std::unique_ptr<kidwiki::search::Search>> open_search(
    engine::Wiki& wiki, const std::filesystem::path& data_dir) {
  kidwiki::search::SearchOptions options;
  options.data_dir = data_dir;
  auto search = kidwiki::search::Search::open(wiki, options);
  if (!search) print_error(search.error());
  return search;
}

// Opens the wiki in options.data_dir (creating the directory), or says why it cannot.
engine::Result<std::unique_ptr<engine::Wiki>> open_wiki(const engine::Options& options) {
  std::error_code ignored;  // open() reports an unusable directory itself
  std::filesystem::create_directories(options.data_dir, ignored);
  auto wiki = engine::Wiki::open(options);
  if (!wiki) {
    const auto& error = wiki.error();
    std::string reason =
        kidwiki::i18n::Messages::builtin().format("en", error.message_id, error.args);
    std::fprintf(stderr, "%s\n",
                 text("api-cli-open-failed", {{"path", options.data_dir.string()},
                                              {"reason", reason}})
                     .c_str());
  }
  return wiki;
}

// On a wiki with no account yet, creates `admin` with a generated password and prints it once:
// without it nobody could log in to create the other accounts.
bool create_first_admin(engine::Wiki& wiki) {
  if (wiki.accounts().user_count() > 0) return true;
  const std::string password = engine::generate_password();
  auto admin = wiki.accounts().create_user("admin", password, engine::Role::admin, std::nullopt);
  if (!admin) return print_error(admin.error()), false;
  say(text("login-cli-admin-created", {{"name", admin->name}, {"password", password}}));
  return true;
}

int serve(const ServeArgs& args) {
  engine::Options options = engine_options(args);
  auto wiki = open_wiki(options);
  if (!wiki) return 1;
  say(text("api-cli-version", {{"version", std::string(kVersion)}}));
  say(text("api-cli-data-dir", {{"path", options.data_dir.string()}}));
  say(text("api-cli-editions", {{"list", edition_list(*wiki.value())}}));
  if (!create_first_admin(*wiki.value())) return 1;
  auto search = open_search(*wiki.value(), options.data_dir);
  if (!search) return 1;
  search.value()->start_draining();
  web::Server server(*wiki.value(), args.server, search.value().get());
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

struct ReindexArgs {
  std::string data_dir = "./kidwiki-data";
  std::string lang;  // empty: every edition
};

// `kidwiki reindex`: rebuilds search indexes from SQLite with a progress line per 1%.
int reindex(const ReindexArgs& args) {
  ServeArgs serve_args;
  serve_args.data_dir = args.data_dir;
  auto wiki = engine::Wiki::open(engine_options(serve_args));
  if (!wiki) return print_error(wiki.error()), 1;
  auto search = open_search(*wiki.value(), engine_options(serve_args).data_dir);
  if (!search) return 1;
  if (!args.lang.empty() && !wiki.value()->edition(args.lang)) {
    print_error(engine::make_error(engine::ErrorCode::not_found, "search-error-no-edition",
                                   {{"lang", args.lang}}));
    return 1;
  }
  for (const auto& edition : wiki.value()->editions()) {
    if (!args.lang.empty() && edition.lang != args.lang) continue;
    auto progress = [&](std::size_t done, std::size_t total) {
      if (done == total || done % std::max<std::size_t>(1, total / 100) == 0) {
        say(text("search-reindex-progress", {{"lang", edition.lang},
                                             {"done", static_cast<std::int64_t>(done)},
                                             {"total", static_cast<std::int64_t>(total)}}));
      }
    };
    auto status = search.value()->reindex(edition.lang, progress);
    if (!status) return print_error(status.error()), 1;
    auto total = static_cast<std::int64_t>(wiki.value()->page_ids(edition).size());
    say(text("search-reindex-done", {{"lang", edition.lang}, {"total", total}}));
  }
  return 0;
}

struct UserCreateArgs {
  std::string data_dir = "./kidwiki-data";
  std::string name;
  std::string role;
};

// `kidwiki user create NAME --role ROLE`: the password comes from standard input, never from
// the command line, where other users of the machine could read it.
int user_create(const UserCreateArgs& args) {
  const auto role = engine::role_from_name(args.role);
  if (!role) {
    std::fprintf(stderr, "%s\n", text("login-cli-bad-role", {{"role", args.role}}).c_str());
    return 1;
  }
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) {
    std::fprintf(stderr, "%s\n", text("login-cli-no-password").c_str());
    return 1;
  }
  ServeArgs serve_args;
  serve_args.data_dir = args.data_dir;
  auto wiki = open_wiki(engine_options(serve_args));
  if (!wiki) return 1;
  auto user = wiki.value()->accounts().create_user(args.name, password, *role, std::nullopt);
  if (!user) return print_error(user.error()), 1;
  say(text("login-cli-created",
           {{"name", user->name}, {"role", std::string(engine::role_name(user->role))}}));
  return 0;
}

struct EditionSetArgs {
  std::string data_dir = "./kidwiki-data";
  std::string lang;
  std::string anonymous_editing;  // "on" or "off"
};

// `kidwiki edition set LANG --anonymous-editing on|off`. A running server keeps its own copy of
// the setting until it restarts; the settings page changes both at once.
int edition_set(const EditionSetArgs& args) {
  ServeArgs serve_args;
  serve_args.data_dir = args.data_dir;
  auto wiki = open_wiki(engine_options(serve_args));
  if (!wiki) return 1;
  auto edition = wiki.value()->edition(args.lang);
  if (!edition) {
    std::fprintf(stderr, "%s\n", text("api-error-no-edition", {{"lang", args.lang}}).c_str());
    return 1;
  }
  const bool on = args.anonymous_editing == "on";
  auto set = wiki.value()->set_anonymous_editing(std::nullopt, *edition, on);
  if (!set) return print_error(set.error()), 1;
  say(text(on ? "access-cli-anonymous-on" : "access-cli-anonymous-off", {{"lang", args.lang}}));
  return 0;
}

// `kidwiki edition set`; returns the `set` subcommand.
CLI::App* add_edition_commands(CLI::App& app, EditionSetArgs& args) {
  CLI::App* edition = app.add_subcommand("edition", text("access-cli-edition"));
  edition->require_subcommand(1);
  CLI::App* set = edition->add_subcommand("set", text("access-cli-edition-set"));
  set->add_option("lang", args.lang, text("access-cli-option-lang"))->required();
  set->add_option("--anonymous-editing", args.anonymous_editing,
                  text("access-cli-option-anonymous-editing"))
      ->required()
      ->check(CLI::IsMember({"on", "off"}));
  set->add_option("--data", args.data_dir, text("api-cli-option-data"))->capture_default_str();
  return set;
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
  serve.add_option("--trust-proxy", args.server.trust_proxy_header,
                   text("api-cli-option-trust-proxy"));
}

// `kidwiki user create`; returns the `create` subcommand.
CLI::App* add_user_commands(CLI::App& app, UserCreateArgs& args) {
  CLI::App* user = app.add_subcommand("user", text("login-cli-user"));
  user->require_subcommand(1);
  CLI::App* create = user->add_subcommand("create", text("login-cli-user-create"));
  create->add_option("name", args.name, text("login-cli-option-name"))->required();
  create->add_option("--role", args.role, text("login-cli-option-role"))->required();
  create->add_option("--data", args.data_dir, text("api-cli-option-data"))->capture_default_str();
  return create;
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
  ReindexArgs reindex_args;
  CLI::App* reindex_command = app.add_subcommand("reindex", text("search-reindex-help"));
  reindex_command->add_option("--data", reindex_args.data_dir, text("api-cli-option-data"))
      ->capture_default_str();
  reindex_command->add_option("--lang", reindex_args.lang, text("search-reindex-option-lang"));
  UserCreateArgs user_args;
  CLI::App* create_command = add_user_commands(app, user_args);
  EditionSetArgs edition_args;
  CLI::App* edition_command = add_edition_commands(app, edition_args);
  CLI11_PARSE(app, argc, argv);
  if (edition_command->parsed()) return edition_set(edition_args);
  if (worker_command->parsed()) return render_worker();
  if (create_command->parsed()) return user_create(user_args);
  if (reindex_command->parsed()) return reindex(reindex_args);
  // Before any thread starts, so that every thread inherits it.
  sigset_t set = stop_signals();
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);  // a client that hangs up must not kill the server
  return serve(args);
}
