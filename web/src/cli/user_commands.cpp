// `kidwiki user ...`: accounts from the server's console. `create` makes an account of any role
// (its password read from standard input, never from the command line, where other users of the
// machine could read it); `list`, `disable`, `enable`, `set-role` and `reset-password` manage
// staff accounts, so that a stolen moderator account can be switched off even when no admin can
// log in. The engine decides (the last active admin stays) and writes the audit log.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/cli_common.h"
#include "cli/commands.h"

namespace kidwiki::cli {
namespace {

struct UserArgs {
  std::string data_dir = kDefaultDataDir;
  std::string name;
  std::string role;
};

std::optional<engine::Role> parse_role(const std::string& name) {
  auto role = engine::role_from_name(name);
  if (!role) std::fprintf(stderr, "%s\n", text("login-cli-bad-role", {{"role", name}}).c_str());
  return role;
}

// Runs `act` on the wiki and the account named args.name, as the console.
template <class Act>
int with_account(const UserArgs& args, Act act) {
  auto wiki = open_wiki(engine_options(args.data_dir));
  if (!wiki) return 1;
  const engine::Actor console = engine::Actor::console();
  auto user = wiki.value()->accounts().user_by_name(console, args.name);
  if (!user) {
    std::fprintf(stderr, "%s\n", text("accounts-cli-no-user", {{"name", args.name}}).c_str());
    return 1;
  }
  return act(wiki.value()->accounts(), console, *user);
}

int user_create(const UserArgs& args) {
  const auto role = parse_role(args.role);
  if (!role) return 1;
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  if (password.empty()) {
    std::fprintf(stderr, "%s\n", text("login-cli-no-password").c_str());
    return 1;
  }
  auto wiki = open_wiki(engine_options(args.data_dir));
  if (!wiki) return 1;
  auto user = wiki.value()->accounts().create_user(engine::Actor::console(), args.name, password,
                                                   *role);
  if (!user) return print_error(user.error()), 1;
  say(text("login-cli-created",
           {{"name", user->name}, {"role", std::string(engine::role_name(user->role))}}));
  return 0;
}

int user_list(const UserArgs& args) {
  auto wiki = open_wiki(engine_options(args.data_dir));
  if (!wiki) return 1;
  auto staff = wiki.value()->accounts().list_staff(engine::Actor::console());
  if (!staff) return print_error(staff.error()), 1;
  for (const auto& u : staff.value()) {
    say(text(u.disabled ? "accounts-cli-list-disabled" : "accounts-cli-list-item",
             {{"name", u.name}, {"role", std::string(engine::role_name(u.role))}}));
  }
  return 0;
}

int user_set_disabled(const UserArgs& args, bool disabled) {
  return with_account(args, [&](engine::Accounts& accounts, const engine::Actor& console,
                                const engine::User& user) {
    auto done = accounts.set_staff_disabled(console, user.id, disabled);
    if (!done) return print_error(done.error()), 1;
    say(text(disabled ? "accounts-cli-disabled" : "accounts-cli-enabled", {{"name", user.name}}));
    return 0;
  });
}

int user_set_role(const UserArgs& args) {
  const auto role = parse_role(args.role);
  if (!role) return 1;
  return with_account(args, [&](engine::Accounts& accounts, const engine::Actor& console,
                                const engine::User& user) {
    auto done = accounts.set_staff_role(console, user.id, *role);
    if (!done) return print_error(done.error()), 1;
    say(text("accounts-cli-role-set", {{"name", user.name}, {"role", args.role}}));
    return 0;
  });
}

int user_reset_password(const UserArgs& args) {
  return with_account(args, [&](engine::Accounts& accounts, const engine::Actor& console,
                                const engine::User& user) {
    auto reset = accounts.reset_staff_password(console, user.id);
    if (!reset) return print_error(reset.error()), 1;
    say(text("accounts-cli-password-reset", {{"name", user.name}, {"password", reset->password}}));
    return 0;
  });
}

CLI::App* subcommand(CLI::App& user, const char* name, const char* help_id, UserArgs& args,
                     bool takes_name) {
  CLI::App* command = user.add_subcommand(name, text(help_id));
  if (takes_name) {
    command->add_option("name", args.name, text("login-cli-option-name"))->required();
  }
  command->add_option("--data", args.data_dir, text("api-cli-option-data"))->capture_default_str();
  return command;
}

}  // namespace

std::vector<Command> add_user_commands(CLI::App& app) {
  auto args = std::make_shared<UserArgs>();
  CLI::App* user = app.add_subcommand("user", text("login-cli-user"));
  user->require_subcommand(1);
  std::vector<Command> commands;
  CLI::App* create = subcommand(*user, "create", "login-cli-user-create", *args, true);
  create->add_option("--role", args->role, text("login-cli-option-role"))->required();
  commands.push_back({create, [args] { return user_create(*args); }});
  commands.push_back({subcommand(*user, "list", "accounts-cli-list", *args, false),
                      [args] { return user_list(*args); }});
  commands.push_back({subcommand(*user, "disable", "accounts-cli-disable", *args, true),
                      [args] { return user_set_disabled(*args, true); }});
  commands.push_back({subcommand(*user, "enable", "accounts-cli-enable", *args, true),
                      [args] { return user_set_disabled(*args, false); }});
  CLI::App* set_role = subcommand(*user, "set-role", "accounts-cli-set-role", *args, true);
  set_role->add_option("role", args->role, text("login-cli-option-role"))->required();
  commands.push_back({set_role, [args] { return user_set_role(*args); }});
  commands.push_back({subcommand(*user, "reset-password", "accounts-cli-reset-password", *args, true),
                      [args] { return user_reset_password(*args); }});
  return commands;
}

}  // namespace kidwiki::cli
