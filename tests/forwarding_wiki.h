// A Wiki that forwards every call to a real one. Test doubles derive from it and override only
// what they change, so a new method of engine::Wiki is added here once.
#pragma once

#include "engine/wiki.h"

namespace kidwiki::testing {

class ForwardingWiki : public engine::Wiki {
 public:
  explicit ForwardingWiki(engine::Wiki& inner) : inner_(inner) {}

  using Edition = engine::Edition;
  using Title = engine::Title;
  template <class T>
  using Result = engine::Result<T>;

  const engine::Options& options() const override { return inner_.options(); }
  std::uint64_t change_count() const override { return inner_.change_count(); }
  engine::Accounts& accounts() override { return inner_.accounts(); }
  engine::Classes& classes() override { return inner_.classes(); }
  engine::Moderation& moderation() override { return inner_.moderation(); }
  std::vector<Edition> editions() const override { return inner_.editions(); }
  std::optional<Edition> edition(std::string_view lang) const override {
    return inner_.edition(lang);
  }
  Result<Title> parse_title(const Edition& ed, std::string_view raw) const override {
    return inner_.parse_title(ed, raw);
  }
  engine::RenderContext render_context(const Edition& ed) const override {
    return inner_.render_context(ed);
  }
  Result<engine::PageView> read(const Edition& ed, const Title& t, bool follow) override {
    return inner_.read(ed, t, follow);
  }
  Result<engine::PageView> read_latest(const Edition& ed, const engine::Title& t) override {
    return inner_.read_latest(ed, t);
  }
  std::vector<engine::ReviewItem> review_queue(const Edition* ed, const std::vector<std::int64_t>& a,
                                               int limit) override {
    return inner_.review_queue(ed, a, limit);
  }
  engine::Status approve(const Edition& ed, std::int64_t id, std::int64_t reviewer,
                         const engine::ReviewScope& scope = std::nullopt) override {
    return inner_.approve(ed, id, reviewer, scope);
  }
  engine::Status reject(const Edition& ed, std::int64_t id, std::int64_t reviewer,
                        const std::string& message,
                        const engine::ReviewScope& scope = std::nullopt) override {
    return inner_.reject(ed, id, reviewer, message, scope);
  }
  std::vector<engine::AuthorEdit> edits_by(const std::vector<std::int64_t>& authors,
                                          int limit) override {
    return inner_.edits_by(authors, limit);
  }
  std::optional<engine::AuthorEdit> find_edit(std::int64_t revision_id) override {
    return inner_.find_edit(revision_id);
  }
  Result<engine::PageView> read_revision(const Edition& ed, std::int64_t id) override {
    return inner_.read_revision(ed, id);
  }
  Result<engine::Revision> revision(const Edition& ed, std::int64_t id) override {
    return inner_.revision(ed, id);
  }
  bool exists(const Edition& ed, const Title& t) override { return inner_.exists(ed, t); }
  engine::Status set_anonymous_editing(std::optional<std::int64_t> actor_id, const Edition& ed,
                                       bool on) override {
    return inner_.set_anonymous_editing(actor_id, ed, on);
  }
  Result<engine::SaveOutcome> save(const Edition& ed, const Title& t,
                                   const engine::SaveRequest& r) override {
    return inner_.save(ed, t, r);
  }
  Result<engine::SaveOutcome> revert(const Edition& ed, const Title& t, std::int64_t id,
                                     const std::string& summary,
                                     const engine::Editor& editor) override {
    return inner_.revert(ed, t, id, summary, editor);
  }
  Result<Title> move(const Edition& ed, const Title& t, const engine::MoveRequest& r) override {
    return inner_.move(ed, t, r);
  }
  Result<engine::RenderResult> preview(const Edition& ed, std::string_view md) override {
    return inner_.preview(ed, md);
  }
  std::string assemble(const Edition& ed, const std::string& html) override {
    return inner_.assemble(ed, html);
  }
  Result<engine::Page> history(const Edition& ed, const Title& t, int limit,
                               std::optional<std::int64_t> before,
                               const engine::RevisionScope& scope) override {
    return inner_.history(ed, t, limit, before, scope);
  }
  Result<engine::Page> recent_changes(const Edition& ed, int limit,
                                      std::optional<std::int64_t> before,
                                      const engine::RevisionScope& scope) override {
    return inner_.recent_changes(ed, limit, before, scope);
  }
  Result<engine::DiffResult> diff(const Edition& ed, std::int64_t from, std::int64_t to) override {
    return inner_.diff(ed, from, to);
  }
  std::vector<engine::PageListEntry> backlinks(const Edition& ed, const Title& t) override {
    return inner_.backlinks(ed, t);
  }
  std::vector<engine::PageListEntry> all_pages(const Edition& ed, engine::Namespace ns) override {
    return inner_.all_pages(ed, ns);
  }
  std::vector<engine::PageListEntry> category_members(const Edition& ed,
                                                      const std::string& c) override {
    return inner_.category_members(ed, c);
  }
  std::optional<Title> random_page(const Edition& ed) override { return inner_.random_page(ed); }
  std::vector<engine::OutboxEntry> outbox_peek(int limit) override {
    return inner_.outbox_peek(limit);
  }
  void outbox_ack(std::int64_t last_id) override { inner_.outbox_ack(last_id); }
  std::vector<std::int64_t> page_ids(const Edition& ed) override { return inner_.page_ids(ed); }
  std::optional<engine::IndexablePage> indexable_page(std::int64_t page_id) override {
    return inner_.indexable_page(page_id);
  }

 protected:
  engine::Wiki& inner_;
};

}  // namespace kidwiki::testing
