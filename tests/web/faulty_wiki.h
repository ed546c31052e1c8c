// A Wiki that forwards to a real one, except where a test makes it fail: a storage error on
// save, or an exception (a bug) on recent_changes. For testing the server's failure paths.
#pragma once

#include <stdexcept>

#include "engine/wiki.h"

namespace kidwiki::web::testing {

class FaultyWiki : public engine::Wiki {
 public:
  explicit FaultyWiki(engine::Wiki& real) : real_(real) {}

  bool fail_saves = false;         // save() answers ErrorCode::storage
  bool throw_on_recent = false;    // recent_changes() throws std::logic_error

  using Edition = engine::Edition;
  using Title = engine::Title;
  template <class T>
  using Result = engine::Result<T>;

  const engine::Options& options() const override { return real_.options(); }
  std::uint64_t change_count() const override { return real_.change_count(); }
  engine::Accounts& accounts() override { return real_.accounts(); }
  std::vector<Edition> editions() const override { return real_.editions(); }
  std::optional<Edition> edition(std::string_view lang) const override {
    return real_.edition(lang);
  }
  Result<Title> parse_title(const Edition& ed, std::string_view raw) const override {
    return real_.parse_title(ed, raw);
  }
  engine::RenderContext render_context(const Edition& ed) const override {
    return real_.render_context(ed);
  }
  Result<engine::PageView> read(const Edition& ed, const Title& title, bool follow) override {
    return real_.read(ed, title, follow);
  }
  Result<engine::PageView> read_latest(const Edition& ed, const engine::Title& t) override {
    return real_.read_latest(ed, t);
  }
  std::vector<engine::ReviewItem> review_queue(const Edition* ed, const std::vector<std::int64_t>& a,
                                               int limit) override {
    return real_.review_queue(ed, a, limit);
  }
  engine::Status approve(const Edition& ed, std::int64_t id, std::int64_t reviewer) override {
    return real_.approve(ed, id, reviewer);
  }
  engine::Status reject(const Edition& ed, std::int64_t id, std::int64_t reviewer,
                        const std::string& message) override {
    return real_.reject(ed, id, reviewer, message);
  }
  Result<engine::PageView> read_revision(const Edition& ed, std::int64_t id) override {
    return real_.read_revision(ed, id);
  }
  Result<engine::Revision> revision(const Edition& ed, std::int64_t id) override {
    return real_.revision(ed, id);
  }
  bool exists(const Edition& ed, const Title& title) override { return real_.exists(ed, title); }
  Result<engine::SaveOutcome> save(const Edition& ed, const Title& title,
                                   const engine::SaveRequest& request) override {
    if (fail_saves) return engine::make_error(engine::ErrorCode::storage, "api-error-internal");
    return real_.save(ed, title, request);
  }
  Result<engine::SaveOutcome> revert(const Edition& ed, const Title& title, std::int64_t id,
                                     const std::string& summary,
                                     const std::string& author) override {
    return real_.revert(ed, title, id, summary, author);
  }
  Result<Title> move(const Edition& ed, const Title& title,
                     const engine::MoveRequest& request) override {
    return real_.move(ed, title, request);
  }
  Result<engine::RenderResult> preview(const Edition& ed, std::string_view markdown) override {
    return real_.preview(ed, markdown);
  }
  std::string assemble(const Edition& ed, const std::string& html) override {
    return real_.assemble(ed, html);
  }
  Result<engine::Page> history(const Edition& ed, const Title& title, int limit,
                               std::optional<std::int64_t> before) override {
    return real_.history(ed, title, limit, before);
  }
  Result<engine::Page> recent_changes(const Edition& ed, int limit,
                                      std::optional<std::int64_t> before) override {
    if (throw_on_recent) throw std::logic_error("recent_changes: a planted bug");
    return real_.recent_changes(ed, limit, before);
  }
  Result<engine::DiffResult> diff(const Edition& ed, std::int64_t from, std::int64_t to) override {
    return real_.diff(ed, from, to);
  }
  std::vector<engine::PageListEntry> backlinks(const Edition& ed, const Title& title) override {
    return real_.backlinks(ed, title);
  }
  std::vector<engine::PageListEntry> all_pages(const Edition& ed, engine::Namespace ns) override {
    return real_.all_pages(ed, ns);
  }
  std::vector<engine::PageListEntry> category_members(const Edition& ed,
                                                      const std::string& category) override {
    return real_.category_members(ed, category);
  }
  std::optional<Title> random_page(const Edition& ed) override { return real_.random_page(ed); }
  std::vector<engine::OutboxEntry> outbox_peek(int limit) override {
    return real_.outbox_peek(limit);
  }
  void outbox_ack(std::int64_t last_id) override { real_.outbox_ack(last_id); }
  std::optional<engine::IndexablePage> indexable_page(std::int64_t page_id) override {
    return real_.indexable_page(page_id);
  }
  std::vector<std::int64_t> page_ids(const Edition& ed) override { return real_.page_ids(ed); }

 private:
  engine::Wiki& real_;
};

}  // namespace kidwiki::web::testing
