// What every subcommand of the kidwiki program shares: its messages (English: the program runs
// before any reader or edition is known), how it opens the wiki, how it reports an error.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "engine/wiki.h"
#include "i18n/messages.h"

namespace kidwiki::cli {

inline constexpr const char* kVersion = "0.1.0";
inline constexpr const char* kDefaultDataDir = "./kidwiki-data";

std::string text(std::string_view id, const i18n::MessageArgs& args = {});
// One line on standard output, flushed: tests and supervisors read these lines as they come.
void say(const std::string& line);
// An engine error's message on standard error.
void print_error(const engine::Error& error);

// The engine's settings for a data directory (the program is its own render worker).
engine::Options engine_options(const std::string& data_dir);
// Opens the wiki in options.data_dir (creating the directory), or says why it cannot.
engine::Result<std::unique_ptr<engine::Wiki>> open_wiki(const engine::Options& options);

}  // namespace kidwiki::cli
