// A Wiki that forwards every call to a real one. Test doubles derive from it and override only
// what they change, so a new method of engine::Wiki is added here once.
#pragma once

#include "engine/wiki.h"

namespace kidwiki::testing {

class ForwardingWiki : public engine::Wiki {
 public:
  explicit ForwardingWiki(engine::Wiki& inner) : inner_(inner) {}

  using Actor = engine::Actor;
  using Edition = engine::Edition;
  using Title = engine::Title;
  template <class T>
  using Result = engine::Result<T>;

  const engine::Options& options() const override { return inner_.options(); }
  engine::Accounts& accounts() override { return inner_.accounts(); }
  engine::Classes& classes() override { return inner_.classes(); }
  engine::Moderation& moderation() override { return inner_.moderation(); }
  engine::Notifications& notifications() override { return inner_.notifications(); }
  std::uint64_t view_generation(const engine::Edition& ed, const engine::Title& title) const override {
    return inner_.view_generation(ed, title);
  }
  std::vector<Edition> editions() const override { return inner_.editions(); }
  std::optional<Edition> edition(std::string_view lang) const override {
    return inner_.edition(lang);
  }
  engine::Result<Edition> create_edition(const Actor& actor,
                                         const engine::NewEdition& request) override {
    return inner_.create_edition(actor, request);
  }
  engine::Status set_anonymous_editing(const Actor& actor, const Edition& ed, bool on) override {
    return inner_.set_anonymous_editing(actor, ed, on);
  }
  Result<Title> parse_title(const Edition& ed, std::string_view raw) const override {
    return inner_.parse_title(ed, raw);
  }
  engine::RenderContext render_context(const Edition& ed) const override {
    return inner_.render_context(ed);
  }

  Result<engine::PageView> read(const Actor& actor, const Edition& ed, const Title& t,
                                bool follow) override {
    return inner_.read(actor, ed, t, follow);
  }
  Result<engine::PageView> read_for_export(const Actor& actor, const Edition& ed, const Title& t,
                                           const engine::ViewAddresses& addresses) override {
    return inner_.read_for_export(actor, ed, t, addresses);
  }
  Result<engine::PageView> read_own(const Actor& actor, const Edition& ed,
                                    const Title& t) override {
    return inner_.read_own(actor, ed, t);
  }
  Result<engine::PageView> read_revision(const Actor& actor, const Edition& ed,
                                         std::int64_t id) override {
    return inner_.read_revision(actor, ed, id);
  }
  Result<engine::Revision> revision(const Actor& actor, const Edition& ed,
                                    std::int64_t id) override {
    return inner_.revision(actor, ed, id);
  }
  Result<engine::ImportOutcome> import_revision(const Actor& actor, const Edition& ed,
                                                const engine::ImportedRevision& r) override {
    return inner_.import_revision(actor, ed, r);
  }
  bool exists(const Edition& ed, const Title& t) override { return inner_.exists(ed, t); }

  engine::Status may_edit(const Actor& actor, const Edition& ed, const Title& t,
                          bool move = false) override {
    return inner_.may_edit(actor, ed, t, move);
  }
  Result<engine::SaveOutcome> save(const Actor& actor, const Edition& ed, const Title& t,
                                   const engine::SaveRequest& r) override {
    return inner_.save(actor, ed, t, r);
  }
  Result<engine::SaveOutcome> revert(const Actor& actor, const Edition& ed, const Title& t,
                                     std::int64_t id, const std::string& summary) override {
    return inner_.revert(actor, ed, t, id, summary);
  }
  Result<engine::SaveOutcome> upload(const Actor& actor, const Edition& ed, const Title& t,
                                     const engine::UploadRequest& r) override {
    return inner_.upload(actor, ed, t, r);
  }
  Result<engine::MediaFile> media(const Actor& actor, std::string_view sha256, int width) override {
    return inner_.media(actor, sha256, width);
  }
  engine::MainPageExtras main_page_extras(const Edition& ed, std::int64_t day) override {
    return inner_.main_page_extras(ed, day);
  }
  std::uint64_t main_page_generation(const Edition& ed, std::int64_t day) override {
    return inner_.main_page_generation(ed, day);
  }
  Result<Title> move(const Actor& actor, const Edition& ed, const Title& t,
                     const engine::MoveRequest& r) override {
    return inner_.move(actor, ed, t, r);
  }

  Result<engine::RenderResult> preview(const Actor& actor, const Edition& ed,
                                       std::string_view md) override {
    return inner_.preview(actor, ed, md);
  }
  std::string assemble(const Edition& ed, const std::string& html) override {
    return inner_.assemble(ed, html);
  }

  Result<engine::Page> history(const Actor& actor, const Edition& ed, const Title& t, int limit,
                               std::optional<std::int64_t> before) override {
    return inner_.history(actor, ed, t, limit, before);
  }
  Result<engine::Page> recent_changes(const Actor& actor, const Edition& ed, int limit,
                                      std::optional<std::int64_t> before) override {
    return inner_.recent_changes(actor, ed, limit, before);
  }
  Result<engine::DiffResult> diff(const Actor& actor, const Edition& ed, std::int64_t from,
                                  std::int64_t to) override {
    return inner_.diff(actor, ed, from, to);
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

  Result<std::vector<engine::ReviewItem>> review_queue(const Actor& actor, const Edition* ed,
                                                       std::optional<std::int64_t> class_id,
                                                       int limit) override {
    return inner_.review_queue(actor, ed, class_id, limit);
  }
  Result<engine::SaveOutcome> add_comment(const Actor& actor, const Edition& ed, const Title& title,
                                          const engine::TalkPost& post) override {
    return inner_.add_comment(actor, ed, title, post);
  }
  Result<std::vector<engine::FilterFinding>> held_words(const Actor& actor, const Edition& ed,
                                                        std::int64_t id) override {
    return inner_.held_words(actor, ed, id);
  }
  Result<engine::ReviewDetail> review_detail(const Actor& actor, std::int64_t id) override {
    return inner_.review_detail(actor, id);
  }
  engine::Status approve(const Actor& actor, const Edition& ed, std::int64_t id) override {
    return inner_.approve(actor, ed, id);
  }
  engine::Status reject(const Actor& actor, const Edition& ed, std::int64_t id,
                        const std::string& message) override {
    return inner_.reject(actor, ed, id, message);
  }
  Result<std::vector<engine::AuthorEdit>> edits_by(const Actor& actor, std::int64_t author_id,
                                                   int limit) override {
    return inner_.edits_by(actor, author_id, limit);
  }
  Result<std::vector<engine::AuthorEdit>> class_edits(const Actor& actor, std::int64_t class_id,
                                                      int limit) override {
    return inner_.class_edits(actor, class_id, limit);
  }
  Result<engine::AuthorEdit> find_edit(const Actor& actor, std::int64_t revision_id) override {
    return inner_.find_edit(actor, revision_id);
  }
  Result<engine::ContributionPage> contributions(const Actor& actor, std::int64_t account_id,
                                                 int limit,
                                                 std::optional<std::int64_t> before) override {
    return inner_.contributions(actor, account_id, limit, before);
  }
  Result<engine::ClassContributions> class_contributions(const Actor& actor,
                                                         std::int64_t class_id) override {
    return inner_.class_contributions(actor, class_id);
  }

  std::vector<engine::OutboxEntry> outbox_peek(int limit) override {
    return inner_.outbox_peek(limit);
  }
  void outbox_ack(std::int64_t last_id) override { inner_.outbox_ack(last_id); }
  std::int64_t outbox_mark() override { return inner_.outbox_mark(); }
  void outbox_ack_edition(std::string_view lang, std::int64_t mark) override {
    inner_.outbox_ack_edition(lang, mark);
  }
  std::optional<engine::IndexablePage> indexable_page(std::int64_t page_id) override {
    return inner_.indexable_page(page_id);
  }
  std::vector<std::int64_t> page_ids(const Edition& ed) override { return inner_.page_ids(ed); }

 protected:
  engine::Wiki& inner_;
};

}  // namespace kidwiki::testing
