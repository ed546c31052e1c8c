// `kidwiki reindex`: rebuilds search indexes from SQLite, with a progress bar (progress.h).
#include <memory>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "search/search.h"

namespace kidwiki::cli {
namespace {

struct ReindexArgs {
  std::string data_dir = kDefaultDataDir;
  std::string lang;  // empty: every edition
};

}  // namespace

int rebuild_search(const engine::Options& options, const std::string& lang) {
  auto wiki = engine::Wiki::open(options);
  if (!wiki) return print_error(wiki.error()), 1;
  search::SearchOptions search_options;
  search_options.data_dir = options.data_dir;
  auto search = search::Search::open(*wiki.value(), search_options);
  if (!search) return print_error(search.error()), 1;
  if (!lang.empty() && !wiki.value()->edition(lang)) {
    print_error(engine::make_error(engine::ErrorCode::not_found, "search-error-no-edition",
                                   {{"lang", lang}}));
    return 1;
  }
  for (const auto& edition : wiki.value()->editions()) {
    if (!lang.empty() && edition.lang != lang) continue;
    Progress bar(text("search-reindex-label", {{"lang", edition.lang}}), 0);
    auto progress = [&](std::size_t done, std::size_t total) {
      bar.set_total(total);
      bar.set_done(done);
    };
    auto status = search.value()->reindex(edition.lang, progress);
    if (!status) return print_error(status.error()), 1;
    bar.finish();
    auto total = static_cast<std::int64_t>(wiki.value()->page_ids(edition).size());
    say(text("search-reindex-done", {{"lang", edition.lang}, {"total", total}}));
  }
  return 0;
}

Command add_reindex(CLI::App& app) {
  auto args = std::make_shared<ReindexArgs>();
  CLI::App* command = app.add_subcommand("reindex", text("search-reindex-help"));
  command->add_option("--data", args->data_dir, text("api-cli-option-data"))->capture_default_str();
  command->add_option("--lang", args->lang, text("search-reindex-option-lang"));
  return {command, [args] { return rebuild_search(engine_options(args->data_dir), args->lang); }};
}

}  // namespace kidwiki::cli
