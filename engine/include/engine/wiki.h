// The wiki: editions, pages and their revisions, links and categories.
//
// Thread-safety: every method may be called from many threads at once. Writes go through one
// writer connection, one at a time, each in its own transaction: a write either happens whole
// or not at all, and once a method returns success the change is on disk (WAL, synchronous=FULL).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/accounts.h"
#include "engine/classes.h"
#include "engine/diff.h"
#include "engine/moderation.h"
#include "engine/options.h"
#include "engine/render.h"
#include "engine/result.h"
#include "engine/title.h"

namespace kidwiki::engine {

struct Edition {
  std::int64_t id = 0;
  std::string lang;       // "fr"
  std::string name;       // "Kidwiki en français"
  std::string dir;        // "ltr" or "rtl"
  std::string main_page;  // title of the main page
  NamespaceNames names;
  // Readers who are not logged in may edit, always pending review. Off unless an admin turns it
  // on (Wiki::set_anonymous_editing).
  bool anonymous_editing = false;
};

enum class ReviewState { approved, pending, rejected };

struct RevisionInfo {
  std::int64_t id = 0;
  std::int64_t page_id = 0;
  std::optional<std::int64_t> parent_id;
  Title title;                           // the page's title now
  std::string author = "anonymous";
  std::string timestamp;                 // ISO 8601, UTC, "2026-11-29T16:05:00Z"
  std::string summary;
  std::int64_t size = 0;                 // bytes of Markdown
  std::int64_t size_delta = 0;           // size minus the parent's size
  ReviewState review = ReviewState::approved;
  bool hidden = false;  // hidden by a moderator: text and summary for moderators and admins only
};

struct Revision {
  RevisionInfo info;
  std::string markdown;
};

// What a reader sees of a page.
struct PageView {
  Title title;
  RevisionInfo revision;
  std::string markdown;
  std::string html;  // links filled in with their current state: ready to send
  std::vector<std::string> categories;
  std::vector<LangLink> langlinks;
  std::optional<Title> redirected_from;  // set when a redirect was followed to get here
  std::optional<Title> redirect_target;  // set when this page is a redirect not followed
};

// The authors a reviewer may review (a teacher: their classes' pupils); empty for a reviewer of
// everything. An anonymous edit is in no list.
using ReviewScope = std::optional<std::vector<std::int64_t>>;

// Who makes a change, as its revision records it.
struct Editor {
  std::string name = "anonymous";
  std::optional<std::int64_t> id{};  // the account, when logged in
  bool needs_review = false;       // see SaveRequest::needs_review
  ReviewScope reviews = std::nullopt;  // see SaveRequest::reviews
};

struct SaveRequest {
  std::string markdown;
  std::string summary;
  std::optional<std::int64_t> base_revision_id;  // empty: the page is being created
  std::string author = "anonymous";
  std::optional<std::int64_t> author_id{};  // the account, when logged in
  // The revision waits for review: readers keep seeing the last approved one. The web layer
  // decides (a pupil who is not trusted, an anonymous editor).
  bool needs_review = false;
  // Whose pending revisions this editor may publish by saving on top of them (their own always).
  // A save on top of anyone else's stays pending: an edit never publishes what its editor may not
  // review. Empty optional: everyone's (moderators, admins, the engine's own callers).
  ReviewScope reviews = std::nullopt;
};

enum class SaveStatus {
  created,   // a new page
  saved,     // a new revision on the current one
  merged,    // a new revision, merged three-way with edits made since the base
  null_edit  // the text equals the current text: nothing was written
};

struct SaveOutcome {
  std::int64_t revision_id = 0;  // the new revision, or the current one for a null edit
  SaveStatus status = SaveStatus::saved;
  ReviewState review = ReviewState::approved;
};

// A page whose newest revision waits for review.
struct ReviewItem {
  RevisionInfo latest;                              // the newest pending revision
  std::optional<std::int64_t> approved_revision_id;  // what readers see now; empty: a new page
  std::optional<std::int64_t> author_id;
  std::string lang;
};

inline constexpr std::size_t kMaxReviewMessageBytes = 500;

// One revision as its author sees it in "my edits", and their teacher on the class dashboard.
struct AuthorEdit {
  RevisionInfo info;  // info.review: pending (waits), approved (published), rejected (sent back)
  std::string lang;   // the revision's edition
  std::optional<std::int64_t> author_id;
  std::string review_message;  // the reviewer's message to the author; "" unless sent back
  std::string reviewer;        // the reviewer's name; "" when nobody reviewed it
  std::string reviewed_at;     // ISO 8601 UTC; "" when not reviewed
  bool is_latest = false;      // the newest revision of its page
};

// A conflict (ErrorCode::conflict) carries arg "current_revision_id": the editor shows that
// revision's text beside the user's own.

struct MoveRequest {
  std::string new_title;  // as typed
  bool leave_redirect = true;
  std::string reason;
  std::string author = "anonymous";
  std::optional<std::int64_t> author_id{};  // the account, when logged in
};

struct PageListEntry {
  Title title;
  bool is_redirect = false;
};

// Which revisions a list (history, recent changes) shows. Readers see approved revisions only;
// the author of pending or sent-back text sees theirs too, and so do those who review it.
struct RevisionScope {
  bool every_state = false;                // moderators and admins: every revision
  std::vector<std::int64_t> also_authors;  // these accounts' pending and sent-back revisions too

  static RevisionScope readers() { return {}; }
  static RevisionScope everything() { return {true, {}}; }
};

struct Page {
  std::vector<RevisionInfo> items;
  std::optional<std::int64_t> next_before;  // pass as `before` for the next page of results
};

// The search index's feed (issue 4). Every change to what readers see queues the affected pages
// in an outbox inside the same transaction; the indexer drains it. SQLite stays the truth.
struct OutboxEntry {
  std::int64_t id = 0;
  std::string lang;
  std::int64_t page_id = 0;
};

// A page as search indexes it: only what readers see.
struct IndexablePage {
  std::int64_t page_id = 0;
  std::string lang;
  Title title;
  std::string full_title;                  // with the localised namespace prefix
  std::int64_t revision_id = 0;            // the revision readers see
  std::string plain_text;                  // its text without markup
  std::vector<std::string> categories;
  std::vector<std::string> redirect_titles;  // full titles of the redirects that lead here
};

class Wiki {
 public:
  // Opens (creating and migrating) the database in options.data_dir.
  static Result<std::unique_ptr<Wiki>> open(const Options& options);
  virtual ~Wiki() = default;

  virtual const Options& options() const = 0;
  // The accounts and sessions kept in the same database.
  virtual Accounts& accounts() = 0;
  // Teachers' classes and their pupils, in the same database.
  virtual Classes& classes() = 0;
  // Blocks, protection, hidden revisions, deleted pages, reports, word lists, the audit log.
  virtual Moderation& moderation() = 0;
  // A number that grows after every committed change that readers can see (a save, a move, a
  // revert). Cached views stay valid while it is unchanged. Starts at 0 in each process.
  virtual std::uint64_t change_count() const = 0;
  virtual std::vector<Edition> editions() const = 0;
  // Lets readers who are not logged in edit `ed` (always pending review), or stops it; takes
  // effect at once and is kept in the database. `actor_id` empty: the command line.
  virtual Status set_anonymous_editing(std::optional<std::int64_t> actor_id, const Edition& ed,
                                       bool on) = 0;
  // Empty when there is no edition of that language.
  virtual std::optional<Edition> edition(std::string_view lang) const = 0;
  // A title typed by a person, in one edition.
  virtual Result<Title> parse_title(const Edition& ed, std::string_view raw) const = 0;
  virtual RenderContext render_context(const Edition& ed) const = 0;

  // The revision readers see. Redirects are followed once when follow_redirect.
  virtual Result<PageView> read(const Edition& ed, const Title& title, bool follow_redirect) = 0;
  // The newest revision whatever its review state: what its author and reviewers see.
  virtual Result<PageView> read_latest(const Edition& ed, const Title& title) = 0;
  // Any revision of the edition, with its HTML assembled like a page view.
  virtual Result<PageView> read_revision(const Edition& ed, std::int64_t revision_id) = 0;
  virtual Result<Revision> revision(const Edition& ed, std::int64_t revision_id) = 0;
  virtual bool exists(const Edition& ed, const Title& title) = 0;

  // Saves a new revision. Refuses: too_large, unprocessable (render limits), conflict (an
  // overlapping edit since the base; nothing written), exists (base empty but page exists and
  // the texts differ), not_found (a base that is not a revision of this page).
  virtual Result<SaveOutcome> save(const Edition& ed, const Title& title,
                                   const SaveRequest& request) = 0;
  // Restores the text of an old revision of the same page as a new revision.
  virtual Result<SaveOutcome> revert(const Edition& ed, const Title& title,
                                     std::int64_t revision_id, const std::string& summary,
                                     const Editor& editor) = 0;
  // Renames a page with its history; leaves a redirect at the old title when asked.
  virtual Result<Title> move(const Edition& ed, const Title& title, const MoveRequest& request) = 0;

  // Renders text for a preview, under the same limits as a save.
  virtual Result<RenderResult> preview(const Edition& ed, std::string_view markdown) = 0;
  // Fills a stored revision's link placeholders with their current state.
  virtual std::string assemble(const Edition& ed, const std::string& stored_html) = 0;

  // Newest first; `before` is a revision id (exclusive).
  virtual Result<Page> history(const Edition& ed, const Title& title, int limit,
                               std::optional<std::int64_t> before,
                               const RevisionScope& scope) = 0;
  virtual Result<Page> recent_changes(const Edition& ed, int limit,
                                      std::optional<std::int64_t> before,
                                      const RevisionScope& scope) = 0;
  virtual Result<DiffResult> diff(const Edition& ed, std::int64_t from_revision,
                                  std::int64_t to_revision) = 0;

  // Pages that link to `title` (or redirect to it), in collated order.
  virtual std::vector<PageListEntry> backlinks(const Edition& ed, const Title& title) = 0;
  // All pages of a namespace in the edition's collated order.
  virtual std::vector<PageListEntry> all_pages(const Edition& ed, Namespace ns) = 0;
  virtual std::vector<PageListEntry> category_members(const Edition& ed,
                                                      const std::string& category) = 0;
  // Empty when the edition has no article.
  virtual std::optional<Title> random_page(const Edition& ed) = 0;

  // Review of pending revisions. Pages waiting, oldest first; `ed` null for every edition;
  // `author_ids` non-empty to keep only those authors' pages (a teacher's class).
  virtual std::vector<ReviewItem> review_queue(const Edition* ed,
                                               const std::vector<std::int64_t>& author_ids,
                                               int limit) = 0;
  // Publishes `revision_id` (a pending revision, normally the newest of its page) and every
  // pending revision below it. invalid_input when it is not pending; not_found on a deleted page;
  // conflict when it is hidden ("review-error-revision-hidden") or when a pending revision below
  // it has an author outside `scope` ("review-error-other-class"). `scope`: the authors the
  // reviewer may review; empty for a reviewer of everything (moderators, admins).
  virtual Status approve(const Edition& ed, std::int64_t revision_id, std::int64_t reviewer_id,
                         const ReviewScope& scope = std::nullopt) = 0;
  // Sends `revision_id` and the pending revisions below it back to their author with `message`;
  // readers keep the approved revision. invalid_input for a message that is empty
  // ("review-error-message-missing"), longer than kMaxReviewMessageBytes or not UTF-8
  // ("error-review-bad-message"); otherwise refuses as approve does.
  virtual Status reject(const Edition& ed, std::int64_t revision_id, std::int64_t reviewer_id,
                        const std::string& message, const ReviewScope& scope = std::nullopt) = 0;

  // The revisions of these authors in every edition, newest first, at most `limit`; empty when
  // `author_ids` is empty.
  virtual std::vector<AuthorEdit> edits_by(const std::vector<std::int64_t>& author_ids,
                                           int limit) = 0;
  // Any revision by its id (ids are unique across editions), with its edition and author; empty
  // when there is no such revision.
  virtual std::optional<AuthorEdit> find_edit(std::int64_t revision_id) = 0;

  // Search feed. The oldest `limit` queued entries, oldest first.
  virtual std::vector<OutboxEntry> outbox_peek(int limit) = 0;
  // Removes entries up to and including `last_id` once they are indexed.
  virtual void outbox_ack(std::int64_t last_id) = 0;
  // What readers see of a page; empty when they see nothing (missing, deleted, a redirect, or
  // nothing approved yet): the index must then drop it.
  virtual std::optional<IndexablePage> indexable_page(std::int64_t page_id) = 0;
  // Every page id of an edition, for a full rebuild.
  virtual std::vector<std::int64_t> page_ids(const Edition& ed) = 0;
};

}  // namespace kidwiki::engine
