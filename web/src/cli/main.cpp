// The kidwiki program: `kidwiki serve` runs the wiki; the other subcommands (commands.h) manage
// it from the server's console; `kidwiki render-worker` (hidden) is the sandboxed Markdown
// renderer that the server starts as a child process of itself.
#include "cli/cli_common.h"
#include "cli/commands.h"

int main(int argc, char** argv) {
  using namespace kidwiki::cli;
  CLI::App app{text("api-cli-description"), "kidwiki"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("kidwiki ") + kVersion);
  std::vector<Command> commands = {add_serve(app), add_render_worker(app), add_reindex(app),
                                   add_backup(app), add_restore(app)};
  for (auto& command : add_edition_commands(app)) commands.push_back(std::move(command));
  for (auto& command : add_user_commands(app)) commands.push_back(std::move(command));
  for (auto& command : add_export_commands(app)) commands.push_back(std::move(command));
  for (auto& command : add_import_commands(app)) commands.push_back(std::move(command));
  CLI11_PARSE(app, argc, argv);
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  return 2;  // require_subcommand leaves no other way here
}
