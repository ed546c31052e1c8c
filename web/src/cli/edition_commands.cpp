// `kidwiki edition create LANG [--name ...] [--main-page ...]` and
// `kidwiki edition set LANG --anonymous-editing on|off`. A running server sees a new edition
// within a second, but keeps its own copy of a setting until it restarts; the admin pages change
// both at once.
#include <cstdio>
#include <memory>

#include "cli/cli_common.h"
#include "cli/commands.h"

namespace kidwiki::cli {
namespace {

struct EditionSetArgs {
  std::string data_dir = kDefaultDataDir;
  std::string lang;
  std::string anonymous_editing;  // "on" or "off"
};

int edition_set(const EditionSetArgs& args) {
  auto wiki = open_wiki(engine_options(args.data_dir));
  if (!wiki) return 1;
  auto edition = wiki.value()->edition(args.lang);
  if (!edition) {
    std::fprintf(stderr, "%s\n", text("api-error-no-edition", {{"lang", args.lang}}).c_str());
    return 1;
  }
  const bool on = args.anonymous_editing == "on";
  auto set = wiki.value()->set_anonymous_editing(engine::Actor::console(), *edition, on);
  if (!set) return print_error(set.error()), 1;
  say(text(on ? "access-cli-anonymous-on" : "access-cli-anonymous-off", {{"lang", args.lang}}));
  return 0;
}

struct EditionCreateArgs {
  std::string data_dir = kDefaultDataDir;
  engine::NewEdition request;
};

int edition_create(const EditionCreateArgs& args) {
  auto wiki = open_wiki(engine_options(args.data_dir));
  if (!wiki) return 1;
  auto created = wiki.value()->create_edition(engine::Actor::console(), args.request);
  if (!created) return print_error(created.error()), 1;
  say(text("edition-cli-created", {{"name", created->name},
                                   {"lang", created->lang},
                                   {"dir", created->dir},
                                   {"main_page", created->main_page}}));
  return 0;
}

Command add_edition_create(CLI::App& edition) {
  auto args = std::make_shared<EditionCreateArgs>();
  CLI::App* create = edition.add_subcommand("create", text("edition-cli-create"));
  create->add_option("lang", args->request.lang, text("access-cli-option-lang"))->required();
  create->add_option("--name", args->request.name, text("edition-cli-option-name"));
  create->add_option("--main-page", args->request.main_page, text("edition-cli-option-main-page"));
  create->add_option("--data", args->data_dir, text("api-cli-option-data"))->capture_default_str();
  return {create, [args] { return edition_create(*args); }};
}

Command add_edition_set(CLI::App& edition) {
  auto args = std::make_shared<EditionSetArgs>();
  CLI::App* set = edition.add_subcommand("set", text("access-cli-edition-set"));
  set->add_option("lang", args->lang, text("access-cli-option-lang"))->required();
  set->add_option("--anonymous-editing", args->anonymous_editing,
                  text("access-cli-option-anonymous-editing"))
      ->required()
      ->check(CLI::IsMember({"on", "off"}));
  set->add_option("--data", args->data_dir, text("api-cli-option-data"))->capture_default_str();
  return {set, [args] { return edition_set(*args); }};
}

}  // namespace

std::vector<Command> add_edition_commands(CLI::App& app) {
  CLI::App* edition = app.add_subcommand("edition", text("access-cli-edition"));
  edition->require_subcommand(1);
  return {add_edition_create(*edition), add_edition_set(*edition)};
}

}  // namespace kidwiki::cli
