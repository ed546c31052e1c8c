// `kidwiki backup OUT` and `kidwiki restore ARCHIVE --data DIR` (engine/backup.h), with a progress
// bar per phase and Ctrl-C stopping at the next step with nothing left behind.
#include <memory>
#include <optional>

#include "cli/cli_common.h"
#include "cli/commands.h"
#include "cli/progress.h"
#include "engine/backup.h"

namespace kidwiki::cli {
namespace {

struct BackupArgs {
  std::string out;
  std::string data_dir = kDefaultDataDir;
};

struct RestoreArgs {
  std::string archive;
  std::string data_dir;
  bool force = false;
};

// One bar per phase of the job ("database", "files", "restore"), made when the phase starts.
class PhaseBars {
 public:
  engine::BackupProgress progress() {
    return {[this](std::string_view phase, std::uint64_t done, std::uint64_t total) {
              show(phase, done, total);
            },
            [] { return interrupted(); }};
  }
  void finish() {
    if (bar_) bar_->finish();
  }

 private:
  void show(std::string_view phase, std::uint64_t done, std::uint64_t total) {
    if (phase != phase_) {
      finish();
      bar_.reset();
      phase_ = std::string(phase);
      bar_.emplace(text("backup-progress-" + phase_), total);
    }
    bar_->set_total(total);
    bar_->set_done(done);
  }

  std::string phase_;
  std::optional<Progress> bar_;
};

i18n::MessageArgs counts(const engine::BackupSummary& s, const std::string& path) {
  return {{"path", path},
          {"pages", s.pages},
          {"revisions", s.revisions},
          {"files", s.files},
          {"megabytes", static_cast<std::int64_t>((s.bytes + 512 * 1024) / (1024 * 1024))}};
}

int backup(const BackupArgs& args) {
  watch_interrupts();
  PhaseBars bars;
  const engine::Options options = engine_options(args.data_dir);
  auto done = engine::write_backup(options.data_dir, args.out, kVersion, bars.progress());
  bars.finish();
  if (!done) return print_error(done.error()), 1;
  say(text("backup-done", counts(done.value(), args.out)));
  return 0;
}

int restore(const RestoreArgs& args) {
  watch_interrupts();
  PhaseBars bars;
  const engine::Options options = engine_options(args.data_dir);
  auto done = engine::restore_backup(args.archive, options.data_dir, args.force, bars.progress());
  bars.finish();
  if (!done) return print_error(done.error()), 1;
  say(text("restore-done", counts(done.value(), options.data_dir.lexically_normal().string())));
  // The indexes were left out of the archive: they are made again from the restored database.
  return rebuild_search(options, "");
}

}  // namespace

Command add_backup(CLI::App& app) {
  auto args = std::make_shared<BackupArgs>();
  CLI::App* command = app.add_subcommand("backup", text("backup-help"));
  command->add_option("OUT", args->out, text("backup-option-out"))->required();
  command->add_option("--data", args->data_dir, text("api-cli-option-data"))->capture_default_str();
  return {command, [args] { return backup(*args); }};
}

Command add_restore(CLI::App& app) {
  auto args = std::make_shared<RestoreArgs>();
  CLI::App* command = app.add_subcommand("restore", text("restore-help"));
  command->add_option("ARCHIVE", args->archive, text("restore-option-archive"))->required();
  command->add_option("--data", args->data_dir, text("restore-option-data"))->required();
  command->add_flag("--force", args->force, text("restore-option-force"));
  return {command, [args] { return restore(*args); }};
}

}  // namespace kidwiki::cli
