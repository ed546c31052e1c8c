// Creating an edition while the wiki runs (docs/i18n.md, "Editions"). What a language needs is
// data (edition_defaults.h); the rest (collation, search stemmer, filter list) is chosen by
// language code wherever it is used.
#include <algorithm>
#include <array>

#include "i18n/locale_facts.h"
#include "i18n/messages.h"
#include "i18n/text.h"
#include "policy/require.h"
#include "store/audit_log.h"
#include "store/edition_store.h"
#include "wiki/edition_defaults.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {
namespace {

constexpr std::size_t kMaxNameChars = 100;
constexpr std::size_t kMaxNamespaceChars = 40;

// A namespace name is a plain title (no colon, nothing a title refuses) and the three differ.
bool valid_namespaces(const Edition& ed) {
  const std::array names = {ed.names.talk, ed.names.category, ed.names.file};
  for (const std::string& name : names) {
    if (name.find(':') != std::string::npos) return false;
    if (i18n::code_point_count(name) > kMaxNamespaceChars) return false;
    auto title = parse_title(name, ed.lang, NamespaceNames{});
    if (!title || title->ns != Namespace::article) return false;
  }
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (std::size_t j = i + 1; j < names.size(); ++j) {
      if (i18n::fold_case(names[i]) == i18n::fold_case(names[j])) return false;
    }
  }
  return true;
}

}  // namespace

Result<Edition> WikiImpl::create_edition(const Actor& actor, const NewEdition& request) {
  if (auto refused = policy::require(actor, Action::configure_edition); !refused) {
    return refused.error();
  }
  const auto facts = i18n::locale_facts(request.lang);
  if (!facts) {
    return make_error(ErrorCode::invalid_input, "edition-error-lang", {{"lang", request.lang}});
  }
  Edition ed = edition_with_defaults(request, *facts);
  if (editions_.by_lang(ed.lang)) {
    return make_error(ErrorCode::exists, "edition-error-exists", {{"lang", ed.lang}});
  }
  const std::size_t name_chars = i18n::code_point_count(ed.name);
  if (name_chars == 0 || name_chars > kMaxNameChars || !i18n::is_valid_utf8(ed.name)) {
    return make_error(ErrorCode::invalid_input, "edition-error-name",
                      {{"max", static_cast<std::int64_t>(kMaxNameChars)}});
  }
  if (!valid_namespaces(ed)) return make_error(ErrorCode::invalid_input, "edition-error-namespaces");
  const auto main_page = parse_title(ed, ed.main_page);
  if (!main_page) return main_page.error();
  if (main_page->ns != Namespace::article) {
    return make_error(ErrorCode::invalid_title, "edition-error-main-page");
  }
  auto created = guard_storage([&]() -> Result<Edition> {
    std::lock_guard lock(writer_mutex_);
    const std::vector<Edition> stored = all_editions(*writer_);  // another process may add one
    if (std::any_of(stored.begin(), stored.end(), [&](const Edition& e) { return e.lang == ed.lang; })) {
      return make_error(ErrorCode::exists, "edition-error-exists", {{"lang", ed.lang}});
    }
    db::Transaction tx(*writer_);
    insert_edition(*writer_, ed);
    append_audit(*writer_, AuditEntry{.actor_id = actor.id(),
                                      .action = "create-edition",
                                      .target_type = "edition",
                                      .target_label = ed.lang});
    tx.commit();
    editions_.reset(all_editions(*writer_));
    return Result<Edition>(*editions_.by_lang(ed.lang));
  });
  if (!created) return created;
  accounts_->add_language(created->lang);
  write_first_main_page(actor, created.value(), main_page.value());
  return created;
}

// The new edition's front door, so that its first reader finds words rather than an empty
// page; protected like the demo's. A failure here leaves an edition without its main page
// (a red link an admin can follow), never a broken one.
void WikiImpl::write_first_main_page(const Actor& actor, const Edition& ed, const Title& title) {
  const auto& messages = i18n::Messages::builtin();
  SaveRequest request{messages.format(ed.lang, "edition-main-page-text", {{"name", ed.name}}),
                      messages.format(ed.lang, "edition-main-page-summary"), std::nullopt};
  auto saved = save_with(actor, ed, title, request, /*sandboxed=*/false);
  if (saved) protect_main_page(ed, title);
}

}  // namespace kidwiki::engine
