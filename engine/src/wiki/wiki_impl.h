// The Wiki's implementation, split by concern over several files:
//   wiki_impl.cpp   opening, editions, titles, rendering context
//   wiki_read.cpp   page views, revisions, link assembly
//   wiki_save.cpp   saves, three-way merges, reverts
//   wiki_move.cpp   renames with redirects
//   wiki_lists.cpp  history, recent changes, backlinks, listings, the search feed
//   wiki_review.cpp pending revisions: the latest version, the review queue, approve, reject
//   wiki_edits.cpp  an author's edits with their review state and the reviewer's message
//   wiki_contributions.cpp  an account's contributions, and what a class's pupils wrote
#pragma once

#include <algorithm>
#include <atomic>
#include <semaphore>
#include <thread>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "accounts/accounts_impl.h"
#include "accounts/classes_impl.h"
#include "contributions/page_blames.h"
#include "media/media_files.h"
#include "render/render_gate.h"
#include "wiki/edition_registry.h"
#include "wiki/view_generations.h"
#include "store/database.h"
#include "store/group_commit.h"
#include "moderation/moderation_impl.h"
#include "notify/notifications_impl.h"
#include "engine/filter.h"
#include "engine/wiki.h"
#include "store/page_store.h"
#include "store/reader_pool.h"
#include "store/revision_meta.h"

namespace kidwiki::engine {

class WikiImpl final : public Wiki {
 public:
  explicit WikiImpl(const Options& options);

  const Options& options() const override { return options_; }
  Accounts& accounts() override { return *accounts_; }
  Classes& classes() override { return *classes_; }
  Moderation& moderation() override { return *moderation_; }
  Notifications& notifications() override { return *notifications_; }
  std::uint64_t view_generation(const Edition& ed, const Title& title) const override;
  std::vector<Edition> editions() const override;
  Status set_anonymous_editing(const Actor& actor, const Edition& ed, bool on) override;
  std::optional<Edition> edition(std::string_view lang) const override;
  Result<Title> parse_title(const Edition& ed, std::string_view raw) const override;
  RenderContext render_context(const Edition& ed) const override;

  Result<PageView> read(const Actor& actor, const Edition& ed, const Title& title,
                        bool follow_redirect) override;
  Result<PageView> read_own(const Actor& actor, const Edition& ed, const Title& title) override;
  Result<PageView> read_revision(const Actor& actor, const Edition& ed,
                                 std::int64_t revision_id) override;
  Result<SaveOutcome> add_comment(const Actor& actor, const Edition& ed, const Title& title,
                                  const TalkPost& post) override;
  Result<std::vector<FilterFinding>> held_words(const Actor& actor, const Edition& ed,
                                                std::int64_t revision_id) override;
  Result<Revision> revision(const Actor& actor, const Edition& ed,
                            std::int64_t revision_id) override;
  bool exists(const Edition& ed, const Title& title) override;

  Status may_edit(const Actor& actor, const Edition& ed, const Title& title, bool move) override;
  Result<SaveOutcome> save(const Actor& actor, const Edition& ed, const Title& title,
                           const SaveRequest& request) override;
  Result<SaveOutcome> revert(const Actor& actor, const Edition& ed, const Title& title,
                             std::int64_t revision_id, const std::string& summary) override;
  Result<Title> move(const Actor& actor, const Edition& ed, const Title& title,
                     const MoveRequest& request) override;
  Result<SaveOutcome> upload(const Actor& actor, const Edition& ed, const Title& title,
                             const UploadRequest& request) override;
  Result<ImportOutcome> import_revision(const Actor& actor, const Edition& ed,
                                        const ImportedRevision& revision) override;
  Result<MediaFile> media(const Actor& actor, std::string_view sha256, int width) override;

  Result<RenderResult> preview(const Actor& actor, const Edition& ed,
                               std::string_view markdown) override;
  std::string assemble(const Edition& ed, const std::string& stored_html) override;
  Result<PageView> read_for_export(const Actor& actor, const Edition& ed, const Title& title,
                                   const ViewAddresses& addresses) override;

  Result<Page> history(const Actor& actor, const Edition& ed, const Title& title, int limit,
                       std::optional<std::int64_t> before) override;
  Result<Page> recent_changes(const Actor& actor, const Edition& ed, int limit,
                              std::optional<std::int64_t> before) override;
  Result<DiffResult> diff(const Actor& actor, const Edition& ed, std::int64_t from_revision,
                          std::int64_t to_revision) override;

  std::vector<PageListEntry> backlinks(const Edition& ed, const Title& title) override;
  std::vector<PageListEntry> all_pages(const Edition& ed, Namespace ns) override;
  std::vector<PageListEntry> category_members(const Edition& ed,
                                              const std::string& category) override;
  std::optional<Title> random_page(const Edition& ed) override;
  MainPageExtras main_page_extras(const Edition& ed, std::int64_t day) override;
  Result<Edition> create_edition(const Actor& actor, const NewEdition& request) override;
  std::uint64_t main_page_generation(const Edition& ed, std::int64_t day) override;

  Result<std::vector<ReviewItem>> review_queue(const Actor& actor, const Edition* ed,
                                               std::optional<std::int64_t> class_id,
                                               int limit) override;
  Result<ReviewDetail> review_detail(const Actor& actor, std::int64_t revision_id) override;
  Status approve(const Actor& actor, const Edition& ed, std::int64_t revision_id) override;
  Status reject(const Actor& actor, const Edition& ed, std::int64_t revision_id,
                const std::string& message) override;

  Result<std::vector<AuthorEdit>> edits_by(const Actor& actor, std::int64_t author_id,
                                           int limit) override;
  Result<std::vector<AuthorEdit>> class_edits(const Actor& actor, std::int64_t class_id,
                                              int limit) override;
  Result<AuthorEdit> find_edit(const Actor& actor, std::int64_t revision_id) override;
  Result<ContributionPage> contributions(const Actor& actor, std::int64_t account_id, int limit,
                                         std::optional<std::int64_t> before) override;
  Result<ClassContributions> class_contributions(const Actor& actor,
                                                 std::int64_t class_id) override;

  std::vector<OutboxEntry> outbox_peek(int limit) override;
  void outbox_ack(std::int64_t last_id) override;
  std::int64_t outbox_mark() override;
  void outbox_ack_edition(std::string_view lang, std::int64_t mark) override;
  std::optional<IndexablePage> indexable_page(std::int64_t page_id) override;
  std::vector<std::int64_t> page_ids(const Edition& ed) override;

  // Used while seeding: saves trusted text, rendered in this process, as the console.
  void refresh_editions() const;
  void write_first_main_page(const Actor& actor, const Edition& ed, const Title& title);
  Result<SaveOutcome> save_trusted(const Edition& ed, const Title& title, const SaveRequest& request);

 private:
  struct Snapshot;  // the page as a save found it (wiki_save.cpp)
  struct Prepared;  // a save checked, merged and rendered, ready to write
  struct Publication;  // what approving a line would publish (wiki_review.cpp)
  // Precondition for load_snapshot and write_save: the caller holds writer_mutex_.
  Snapshot load_snapshot(const Actor& actor, const Edition& ed, const Title& title,
                         std::optional<std::int64_t> base_id);
  // `new_file`: the picture an upload brings; otherwise a file page keeps the one it had.
  Result<Prepared> prepare_save(const Actor& actor, const Edition& ed, const Title& title,
                                const SaveRequest& request, const Snapshot& snap, bool sandboxed,
                                const FileInfo* new_file);
  // Writes within the caller's transaction, and adds to `stale` the views to touch once it is
  // committed. Empty when the page changed since the snapshot: prepare again.
  std::optional<Result<SaveOutcome>> write_save(const Actor& actor, const Edition& ed,
                                                const Title& title, const SaveRequest& request,
                                                const Prepared& prepared, std::vector<Title>& stale);
  // An import's checks and write of `text`, rendered as `rendered` (wiki_import.cpp).
  // Precondition: writer_mutex_ held, inside a transaction; adds the views to touch once
  // committed to `stale`.
  Result<ImportOutcome> write_import(const Actor& actor, const Edition& ed, const Title& title,
                                     const ImportedRevision& in, const std::string& text,
                                     const RenderResult& rendered, std::vector<Title>& stale);
  Result<SaveOutcome> save_with(const Actor& actor, const Edition& ed, const Title& title,
                                const SaveRequest& request, bool sandboxed,
                                const FileInfo* new_file = nullptr);
  // The upload's picture cleaned and stored on disk, with its licence, author and source.
  Result<FileInfo> store_upload(const Actor& actor, const Edition& ed, const UploadRequest& request);
  // The same without the content filter: for store_upload, and for the demo's own pictures.
  Result<FileInfo> clean_and_store(const Actor& actor, const UploadRequest& request);
  void seed_demo_pictures(const Edition& ed);
  // Sandboxed renders wait for a worker at the gate, saves before previews.
  Result<RenderResult> render(const Edition& ed, std::string_view markdown, bool sandboxed,
                              RenderPriority priority = RenderPriority::save);
  // Refuses (unprocessable, with the filter's message) or holds (true) what a save adds.
  // `new_title` is the title of a page being created ("" for an existing page); `typed` the text
  // as the writer sent it, which a refusal points into when `text` is a merge of it.
  Result<bool> filter_save(const Edition& ed, const std::string& published, const std::string& text,
                           const std::string& typed, const std::string& summary,
                           const std::string& new_title) const;
  // Refuses a one-line text (a move's new title or reason) that the filter refuses or would hold.
  // `field` names the line in a refusal ("title", "summary").
  Status filter_line(const Edition& ed, std::string_view field, std::string_view line) const;
  // What the edition's filter holds now in an edit from `before` to `after` (only the lines it
  // adds, as a save measures) and in each of `summaries`: why such an edit waits for review.
  std::vector<FilterFinding> holds_in(const Edition& ed, std::string_view before,
                                      std::string_view after,
                                      const std::vector<std::string>& summaries) const;
  // The pending revision `revision_id` of `ed` when `actor` may decide on it, read on `c` (the
  // writer under writer_mutex_, or a reader).
  Result<StoredRevision> reviewable(db::Connection& c, const Actor& actor, const Edition& ed,
                                    std::int64_t revision_id);
  // What approving `head` publishes: its text merged with what was published since its line
  // started (not rendered yet); conflict "review-error-overlap" when the two overlap.
  Result<Publication> plan_publication(db::Connection& c, const Edition& ed,
                                       const StoredRevision& head);
  // Writes a review decision on `head`'s line. Empty when the page changed since `plan`.
  // Precondition: the caller holds writer_mutex_.
  std::optional<Status> write_review(const Actor& actor, const Edition& ed,
                                     const StoredRevision& head, ReviewState state,
                                     const std::string& message, const Publication* plan);
  Status decide(const Actor& actor, const Edition& ed, std::int64_t revision_id,
                ReviewState state, const std::string& message);
  // The revision `revision_id` of `ed` when it exists for `actor` (not on a deleted page).
  Result<StoredRevision> visible_revision(const Actor& actor, const Edition& ed,
                                          std::int64_t revision_id);
  Result<std::vector<AuthorEdit>> edits_of(const std::vector<std::int64_t>& author_ids, int limit);
  void load_editions();
  // Moves every view generation when another process committed since the last look, at most
  // once a second: its changes are in the database, but this process's generations never saw them.
  void notice_other_writers() const;
  void seed_demo();
  void protect_main_page(const Edition& ed, const Title& title);
  PageView view_of(const Edition& ed, const StoredRevision& rev);
  PageView view_of(const Edition& ed, const StoredRevision& rev, const ViewAddresses& addresses);
  std::string assemble(const Edition& ed, const std::string& stored_html,
                       const ViewAddresses& addresses);
  // What readers see of `title`: the page's visible revision, not_found when there is none.
  Result<StoredRevision> published_revision(const Edition& ed, const Title& title);
  std::vector<PageListEntry> collated(const Edition& ed, std::vector<PageListEntry> entries) const;
  void move_in_transaction(const Actor& actor, const Edition& ed, const PageRow& page,
                           const Title& to, const MoveRequest& request);

  Options options_;
  MediaFiles media_files_{options_.data_dir / "media"};  // after options_, which it reads
  // Pictures decoded at once: one per core. A 12-megapixel photo holds up to 150 MB while it is
  // turned upright, and a class uploading together must not exhaust the server's memory.
  std::counting_semaphore<64> cleanings_{
      static_cast<std::ptrdiff_t>(std::clamp(std::thread::hardware_concurrency(), 1u, 64u))};
  RenderGate render_gate_{options_.render_queue};  // after options_, which it reads
  // As many idle workers as the gate lets run at once.
  RenderWorkers render_workers_{options_.render_limits, render_gate_.slots()};
  // Mutable: reading the editions may first pick up one another process (`kidwiki edition
  // create`) added to the database, at most once a second (refresh_editions).
  mutable EditionRegistry editions_;
  mutable std::atomic<std::int64_t> editions_checked_ms_{0};
  // Another process's commits (`kidwiki import` beside a running server), seen through the writer
  // connection's data_version at most once a second (notice_other_writers).
  mutable std::atomic<std::int64_t> writers_checked_ms_{0};
  mutable std::int64_t data_version_ = -1;  // guarded by writer_mutex_
  mutable std::mutex writer_mutex_;  // guards writer_ (mutable: notice_other_writers)
  std::unique_ptr<db::Connection> writer_;
  // Saves that arrive together share one commit (constructed once writer_ is open).
  std::unique_ptr<GroupCommit> commits_;
  std::unique_ptr<ReaderPool> readers_;
  std::unique_ptr<AccountsImpl> accounts_;  // shares writer_ and readers_
  std::unique_ptr<ClassesImpl> classes_;    // shares writer_, readers_ and accounts_
  std::unique_ptr<ModerationImpl> moderation_;  // shares writer_, readers_ and changes_
  std::unique_ptr<NotificationsImpl> notifications_;  // shares writer_ and readers_
  // Incremented after each commit that changes what readers see. Mutable: a view may learn that
  // another process changed the database (notice_other_writers).
  mutable ViewGenerations views_;
  // Who wrote each page's current text, for class_contributions.
  PageBlames blames_;
  // main_page_generation's last answer per edition: every view of a main page asks for it, and
  // it takes a dozen queries to work out, but it only moves with the day and views_.clock().
  struct MainPageMemo {
    std::int64_t day = 0;
    std::uint64_t clock = 0;
    std::uint64_t generation = 0;
  };
  std::mutex main_page_memo_mutex_;
  std::unordered_map<std::int64_t, MainPageMemo> main_page_memo_;  // by edition id
};

// Converts a StorageError escaping `body` into Error{storage}: the one place where the engine's
// internal exceptions become values.
template <class F>
auto guard_storage(F&& body) -> decltype(body());

}  // namespace kidwiki::engine

#include "store/storage_guard.h"
