// The kidwiki program's subcommands, one file each. Each `add_*` registers its subcommand (and
// its options) on the program's parser and returns a function that runs it once parsed; they run
// as the console (engine::Actor::console()): whoever runs the program on the server owns the wiki.
#pragma once

#include <functional>
#include <string>

#include <CLI/CLI.hpp>

#include "engine/options.h"

namespace kidwiki::cli {

using Run = std::function<int()>;

// A subcommand and what runs it.
struct Command {
  CLI::App* app = nullptr;
  Run run;
};

// serve_command.cpp: `kidwiki serve`.
Command add_serve(CLI::App& app);
// serve_command.cpp: `kidwiki render-worker` (hidden), the sandboxed renderer the server starts.
Command add_render_worker(CLI::App& app);
// reindex_command.cpp: `kidwiki reindex`.
Command add_reindex(CLI::App& app);
// reindex_command.cpp: rebuilds the search index of `lang` (every edition when empty) with a
// progress bar; 0 when done, 1 after printing why not. Also run after a restore.
int rebuild_search(const engine::Options& options, const std::string& lang);
// backup_commands.cpp: `kidwiki backup` and `kidwiki restore`.
Command add_backup(CLI::App& app);
Command add_restore(CLI::App& app);
// user_commands.cpp: `kidwiki user create|list|disable|enable|set-role|reset-password`.
std::vector<Command> add_user_commands(CLI::App& app);
// import_commands.cpp: `kidwiki import mediawiki|markdown`.
std::vector<Command> add_import_commands(CLI::App& app);
// edition_commands.cpp: `kidwiki edition create|set`.
std::vector<Command> add_edition_commands(CLI::App& app);
// export_commands.cpp: `kidwiki export zim|html`.
std::vector<Command> add_export_commands(CLI::App& app);

}  // namespace kidwiki::cli
