#include "wiki/wiki_impl.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "store/audit_log.h"
#include "wiki/demo_content.h"
#include "i18n/messages.h"
#include "i18n/text.h"
#include "policy/require.h"
#include "store/edition_store.h"
#include "store/migrations.h"
#include "store/moderation_store.h"
#include "store/page_store.h"
#include "store/writer_connection.h"

namespace kidwiki::engine {
namespace {

std::filesystem::path database_file(const Options& o) { return o.data_dir / "kidwiki.sqlite3"; }

}  // namespace

Result<std::unique_ptr<Wiki>> Wiki::open(const Options& options) {
  std::error_code ec;
  std::filesystem::create_directories(options.data_dir, ec);
  if (ec) return make_error(ErrorCode::storage, "error-storage");
  return guard_storage([&]() -> Result<std::unique_ptr<Wiki>> {
    return std::unique_ptr<Wiki>(new WikiImpl(options));
  });
}

WikiImpl::WikiImpl(const Options& options) : options_(options) {
  writer_ = open_writer_connection(database_file(options_), options_.max_database_pages);
  apply_migrations(*writer_);
  commits_ = std::make_unique<GroupCommit>(writer_mutex_, *writer_);
  load_editions();
  if (editions_.empty()) {
    seed_demo_editions(*writer_);
    load_editions();
    if (options_.seed_demo) seed_demo();
  }
  readers_ = std::make_unique<ReaderPool>(database_file(options_), options_.reader_connections);
  accounts_ = std::make_unique<AccountsImpl>(options_, writer_mutex_, *writer_, *readers_,
                                             editions_.languages());
  classes_ = std::make_unique<ClassesImpl>(writer_mutex_, *writer_, *readers_, *accounts_, editions_,
                                           options_.clock);
  moderation_ = std::make_unique<ModerationImpl>(writer_mutex_, *writer_, *readers_, views_);
  notifications_ = std::make_unique<NotificationsImpl>(writer_mutex_, *writer_, *readers_);
}

std::vector<Edition> WikiImpl::editions() const {
  refresh_editions();
  return editions_.all();
}

// An edition created by another process (the command line beside a running server) appears
// within a second: the table has a row per language, so counting it costs next to nothing.
void WikiImpl::refresh_editions() const {
  const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now().time_since_epoch())
                               .count();
  std::int64_t last = editions_checked_ms_.load(std::memory_order_relaxed);
  if (now - last < 1000 || !editions_checked_ms_.compare_exchange_strong(last, now)) return;
  std::vector<Edition> stored;
  {
    auto reader = readers_->lease();
    stored = all_editions(*reader);
  }
  const std::vector<std::string> known = editions_.languages();
  if (stored.size() == known.size()) return;
  for (const auto& e : stored) {
    if (std::find(known.begin(), known.end(), e.lang) == known.end()) accounts_->add_language(e.lang);
  }
  editions_.reset(std::move(stored));
}

std::uint64_t WikiImpl::view_generation(const Edition& ed, const Title& title) const {
  notice_other_writers();
  return views_.of(ed.id, title);
}

void WikiImpl::notice_other_writers() const {
  const std::int64_t now = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now().time_since_epoch())
                               .count();
  std::int64_t last = writers_checked_ms_.load(std::memory_order_relaxed);
  if (now - last < 1000 || !writers_checked_ms_.compare_exchange_strong(last, now)) return;
  // A view never waits behind a save for this: a busy writer is looked at next time.
  std::unique_lock lock(writer_mutex_, std::try_to_lock);
  if (!lock) {
    writers_checked_ms_.store(last);
    return;
  }
  auto version = guard_storage([&]() -> Result<std::int64_t> { return writer_->data_version(); });
  if (!version) return;
  // The writer's own commits leave its data_version as it is: a change is another process's.
  if (data_version_ >= 0 && version.value() != data_version_) views_.touch_all();
  data_version_ = version.value();
}

Status WikiImpl::set_anonymous_editing(const Actor& actor, const Edition& ed, bool on) {
  if (auto refused = policy::require(actor, Action::configure_edition); !refused) return refused;
  if (!editions_.by_id(ed.id)) {
    return make_error(ErrorCode::not_found, "api-error-no-edition", {{"lang", ed.lang}});
  }
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(*writer_);
    set_edition_anonymous_editing(*writer_, ed.id, on);
    append_audit(*writer_, AuditEntry{.actor_id = actor.id(),
                                      .action = on ? "anonymous-editing-on" : "anonymous-editing-off",
                                      .target_type = "edition",
                                      .target_id = ed.id,
                                      .target_label = ed.lang});
    tx.commit();
    editions_.set_anonymous_editing(ed.id, on);
    return Ok{};
  });
}

void WikiImpl::load_editions() { editions_.reset(all_editions(*writer_)); }

// As on MediaWiki, the main page is the wiki's front door and holds the lists of the article and
// picture of the day: moderators choose them (docs/main-page.md); an admin may lower it.
void WikiImpl::protect_main_page(const Edition& ed, const Title& title) {
  std::lock_guard lock(writer_mutex_);
  auto page = find_page(*writer_, ed.id, title);
  if (!page) throw std::logic_error("demo main page missing: " + title.text);
  set_page_protection(*writer_, page->id, Protection::moderators);
}

void WikiImpl::seed_demo() {
  for (const auto& ed : editions_.all()) {
    seed_demo_pictures(ed);
    for (const auto& [title_text, markdown] : demo_pages(ed.lang)) {
      auto title = parse_title(ed, title_text);
      if (!title) throw std::logic_error("demo page with a bad title: " + title_text);
      SaveRequest request{markdown, demo_summary(ed.lang), std::nullopt};
      auto saved = save_trusted(ed, title.value(), request);
      if (!saved) throw std::logic_error("demo page not saved: " + title_text);
      if (title_text == ed.main_page) protect_main_page(ed, title.value());
    }
  }
}

std::optional<Edition> WikiImpl::edition(std::string_view lang) const {
  if (auto found = editions_.by_lang(lang)) return found;
  refresh_editions();
  return editions_.by_lang(lang);
}

Result<Title> WikiImpl::parse_title(const Edition& ed, std::string_view raw) const {
  return engine::parse_title(raw, ed.lang, ed.names);
}

RenderContext WikiImpl::render_context(const Edition& ed) const {
  RenderContext context{ed.lang, ed.names, {}, {}};
  context.languages = editions_.languages();
  context.toc_title = i18n::Messages::builtin().format(ed.lang, "toc-title");
  return context;
}

Result<RenderResult> WikiImpl::render(const Edition& ed, std::string_view markdown, bool sandboxed,
                                      RenderPriority priority) {
  if (!sandboxed) return render_markdown(markdown, render_context(ed));
  auto pass = render_gate_.enter(priority);
  if (!pass) return pass.error();
  return render_workers_.render(markdown, render_context(ed));
}

Result<RenderResult> WikiImpl::preview(const Actor&, const Edition& ed, std::string_view markdown) {
  if (markdown.size() > options_.max_markdown_bytes) {
    return make_error(ErrorCode::too_large, "error-text-too-large",
                      {{"limit", static_cast<std::int64_t>(options_.max_markdown_bytes)}});
  }
  if (!i18n::is_valid_utf8(markdown)) {
    return make_error(ErrorCode::invalid_input, "error-text-invalid-utf8");
  }
  return render(ed, markdown, /*sandboxed=*/true, RenderPriority::preview);
}

}  // namespace kidwiki::engine
