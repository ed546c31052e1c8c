#include "cli/cli_common.h"

#include "web/server.h"

#include <cstdio>
#include <system_error>

namespace kidwiki::cli {

std::string text(std::string_view id, const i18n::MessageArgs& args) {
  return i18n::Messages::builtin().format("en", id, args);
}

void say(const std::string& line) {
  std::fputs((line + "\n").c_str(), stdout);
  std::fflush(stdout);
}

void print_error(const engine::Error& error) {
  std::fprintf(stderr, "%s\n", text(error.message_id, error.args).c_str());
}

engine::Options engine_options(const std::string& data_dir) {
  engine::Options options;
  options.data_dir = std::filesystem::absolute(data_dir);
  options.render_limits.worker_argv = {"/proc/self/exe", "render-worker"};
  options.page_address = web::page_address;
  options.media_address = web::media_address;
  return options;
}

engine::Result<std::unique_ptr<engine::Wiki>> open_wiki(const engine::Options& options) {
  std::error_code ignored;  // open() reports an unusable directory itself
  std::filesystem::create_directories(options.data_dir, ignored);
  auto wiki = engine::Wiki::open(options);
  if (!wiki) {
    const auto& error = wiki.error();
    std::fprintf(stderr, "%s\n",
                 text("api-cli-open-failed", {{"path", options.data_dir.string()},
                                              {"reason", text(error.message_id, error.args)}})
                     .c_str());
  }
  return wiki;
}

}  // namespace kidwiki::cli
