// `kidwiki export zim --lang fr OUT.zim` and `kidwiki export html --lang fr DIR`: an edition's
// offline copies (offline/export.h), with a progress bar; Ctrl-C stops at the next page and
// leaves nothing behind. The copies hold what anonymous readers see, whoever runs the command.
#include <memory>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "offline/export.h"

namespace kidwiki::cli {
namespace {

enum class Format { zim, html };

struct ExportArgs {
  std::string data_dir = kDefaultDataDir;
  std::string lang;
  std::string out;
};

offline::ExportProgress progress_on(Progress& bar) {
  offline::ExportProgress progress;
  progress.started = [&bar](std::size_t total) { bar.set_total(total); };
  progress.advanced = [&bar] { bar.advance(); };
  progress.stop = [] { return interrupted(); };
  return progress;
}

int run_export(Format format, const ExportArgs& args) {
  auto wiki = open_wiki(engine_options(args.data_dir));
  if (!wiki) return 1;
  auto edition = wiki.value()->edition(args.lang);
  if (!edition) {
    print_error(engine::make_error(engine::ErrorCode::not_found, "api-error-no-edition",
                                   {{"lang", args.lang}}));
    return 1;
  }
  watch_interrupts();
  Progress bar(text("offline-cli-label", {{"lang", args.lang}}), 0);
  const auto selection = offline::whole_edition(*edition);
  auto done = format == Format::zim
                  ? offline::export_zim(*wiki.value(), *edition, selection, args.out, progress_on(bar))
                  : offline::export_html(*wiki.value(), *edition, selection, args.out, progress_on(bar));
  bar.finish();
  if (!done) return print_error(done.error()), 1;
  if (done->stopped) return say(text("offline-cli-stopped")), 130;
  say(text("offline-cli-done", {{"path", args.out},
                                {"pages", static_cast<std::int64_t>(done->pages)},
                                {"redirects", static_cast<std::int64_t>(done->redirects)},
                                {"pictures", static_cast<std::int64_t>(done->pictures)}}));
  return 0;
}

Command add_export(CLI::App& group, Format format) {
  auto args = std::make_shared<ExportArgs>();
  const bool zim = format == Format::zim;
  CLI::App* command = group.add_subcommand(zim ? "zim" : "html",
                                           text(zim ? "offline-cli-zim" : "offline-cli-html"));
  command->add_option("--lang", args->lang, text("offline-cli-option-lang"))->required();
  command->add_option("out", args->out, text(zim ? "offline-cli-option-zim" : "offline-cli-option-html"))
      ->required();
  command->add_option("--data", args->data_dir, text("api-cli-option-data"))->capture_default_str();
  return {command, [args, format] { return run_export(format, *args); }};
}

}  // namespace

std::vector<Command> add_export_commands(CLI::App& app) {
  CLI::App* group = app.add_subcommand("export", text("offline-cli-export"));
  group->require_subcommand(1);
  return {add_export(*group, Format::zim), add_export(*group, Format::html)};
}

}  // namespace kidwiki::cli
