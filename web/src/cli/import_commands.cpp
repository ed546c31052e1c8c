// `kidwiki import mediawiki DUMP` and `kidwiki import markdown DIR`: content loaded by the
// operator, as the console (no save rate limit: that limit is the web layer's, for people), with
// a progress bar, Ctrl-C between pages, and a report file.
#include <ctime>
#include <memory>

#include "cli/cli_common.h"
#include "i18n/utc_timestamp.h"
#include "cli/commands.h"
#include "cli/import_report.h"
#include "cli/progress.h"
#include "import/importer.h"

namespace kidwiki::cli {
namespace {

struct ImportArgs {
  std::string data_dir = kDefaultDataDir;
  std::string lang;
  std::string source;  // the dump, or the folder
  std::string report;  // empty: <data>/import-reports/<time>-<kind>.txt
  std::string author;  // Markdown folder: empty for the folder's name
  bool latest = false;
  bool held = false;
};

std::filesystem::path report_path(const ImportArgs& args, const std::string& kind,
                                  const std::string& started) {
  if (!args.report.empty()) return args.report;
  std::string stamp = started;
  for (char& c : stamp) {
    if (c == ':') c = '-';
  }
  return std::filesystem::path(args.data_dir) / "import-reports" / (stamp + "-" + kind + ".txt");
}

int run_import(const ImportArgs& args, const std::string& kind) {
  const engine::Options options = engine_options(args.data_dir);
  auto wiki = open_wiki(options);
  if (!wiki) return print_error(wiki.error()), 1;
  auto edition = wiki.value()->edition(args.lang);
  if (!edition) {
    print_error(engine::make_error(engine::ErrorCode::not_found, "import-error-no-edition",
                                   {{"lang", args.lang}}));
    return 1;
  }
  const std::string started = i18n::utc_timestamp(std::time(nullptr));
  const auto path = report_path(args, kind, started);
  ImportReport report(
      path,
      text("import-report-header",
           {{"kind", kind}, {"source", args.source}, {"lang", args.lang}, {"time", started}}));
  if (!report.ok()) {
    print_error(engine::make_error(engine::ErrorCode::invalid_input, "import-error-report",
                                   {{"path", path.string()}}));
    return 1;
  }
  watch_interrupts();
  Progress bar(
      text("import-label", {{"source", std::filesystem::path(args.source).filename().string()}}),
      0);
  auto keep_going = [&](std::uint64_t done, std::uint64_t total) {
    bar.set_total(total);
    bar.set_done(done);
    return !interrupted();
  };
  auto on_page = [&](const import::PageOutcome& page) { report.page(page); };
  import::ImportSettings settings{
      .latest_only = args.latest, .hold = args.held, .author = args.author};
  if (settings.author.empty()) {
    settings.author = std::filesystem::path(args.source).lexically_normal().filename().string();
    if (settings.author.empty())
      settings.author = std::filesystem::path(args.source).parent_path().filename().string();
  }
  const engine::Actor console = engine::Actor::console();
  auto totals = kind == "mediawiki"
                    ? import::import_mediawiki(*wiki.value(), console, *edition, args.source,
                                               settings, on_page, keep_going)
                    : import::import_markdown_folder(*wiki.value(), console, *edition, args.source,
                                                     settings, on_page, keep_going);
  bar.finish();
  if (!totals) return print_error(totals.error()), 1;
  report.totals(totals.value());
  const auto& t = totals.value();
  say(text("import-done", {{"pages", t.pages},
                           {"published", t.published},
                           {"held", t.held},
                           {"already", t.already},
                           {"refused", t.refused},
                           {"skipped", t.skipped_pages},
                           {"report", path.string()}}));
  if (t.stopped) say(text("import-stopped"));
  return t.stopped ? 130 : 0;
}

CLI::App* import_subcommand(CLI::App& parent, const char* name, const char* help_id,
                            const char* source_id, ImportArgs& args) {
  CLI::App* command = parent.add_subcommand(name, text(help_id));
  command->add_option("source", args.source, text(source_id))->required();
  command->add_option("--lang", args.lang, text("import-option-lang"))->required();
  command->add_flag("--held", args.held, text("import-option-held"));
  command->add_option("--report", args.report, text("import-option-report"));
  command->add_option("--data", args.data_dir, text("api-cli-option-data"))->capture_default_str();
  return command;
}

}  // namespace

std::vector<Command> add_import_commands(CLI::App& app) {
  auto args = std::make_shared<ImportArgs>();
  CLI::App* import = app.add_subcommand("import", text("import-help"));
  import->require_subcommand(1);
  CLI::App* mediawiki =
      import_subcommand(*import, "mediawiki", "import-mediawiki-help", "import-option-dump", *args);
  mediawiki->add_flag("--latest", args->latest, text("import-option-latest"));
  CLI::App* markdown =
      import_subcommand(*import, "markdown", "import-markdown-help", "import-option-dir", *args);
  markdown->add_option("--author", args->author, text("import-option-author"));
  return {{mediawiki, [args] { return run_import(*args, "mediawiki"); }},
          {markdown, [args] { return run_import(*args, "markdown"); }}};
}

}  // namespace kidwiki::cli
