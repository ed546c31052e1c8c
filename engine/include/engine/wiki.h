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
#include "engine/actor.h"
#include "engine/classes.h"
#include "engine/contributions.h"
#include "engine/diff.h"
#include "engine/files.h"
#include "engine/import.h"
#include "engine/moderation.h"
#include "engine/notifications.h"
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

// What an admin gives to create an edition. Every empty field is taken from the interface
// catalog of the language (i18n/messages/<lang>/edition.json), or for a language without one,
// from ICU's name of the language and MediaWiki's English namespace names.
struct NewEdition {
  std::string lang{};           // BCP 47: "es", "pt-BR", "ar"
  std::string name{};           // "Kidwiki en español"
  std::string main_page{};      // "Portada"
  std::string talk_name{};      // "Discusión"
  std::string category_name{};  // "Categoría"
  std::string file_name{};      // "Archivo"
};

enum class ReviewState { approved, pending, rejected };
// "approved", "pending" or "rejected" (sent back): the names the database and the API use.
std::string_view review_state_name(ReviewState state);
std::optional<ReviewState> review_state_from_name(std::string_view name);

struct RevisionInfo {
  std::int64_t id = 0;
  std::int64_t page_id = 0;
  std::optional<std::int64_t> parent_id;
  Title title;                           // the page's title now
  std::string author = "anonymous";
  std::optional<std::int64_t> author_id;  // empty: an anonymous reader (or an imported name)
  std::string timestamp;                 // ISO 8601, UTC, "2026-11-29T16:05:00Z"
  std::string summary;
  std::int64_t size = 0;                 // bytes of Markdown
  std::int64_t size_delta = 0;           // size minus the parent's size
  ReviewState review = ReviewState::approved;
  bool hidden = false;  // hidden by a moderator: text and summary for moderators and admins only
  // A pending revision whose author saved again before it was reviewed: the later revision was
  // reviewed for both. Its own text was never reviewed, so it stays unpublished.
  bool superseded = false;
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
  // Unpublished edits of this page that the actor may review (read_own); 0 for most actors.
  int waiting_for_review = 0;
  // A file page's picture, as this revision carries it; empty elsewhere and before an upload.
  std::optional<FileInfo> file;
};

// Where the links and pictures of a view assembled for an offline copy (a ZIM file, a folder of
// pages: offline/) point, instead of the site's addresses of Options.
struct ViewAddresses {
  PageAddress page;  // "" for a page the copy leaves out: the link is shown as plain text
  MediaAddress media;
};

// What a save carries; who saves is the actor, and the engine decides whether the revision waits
// for review (engine/src/policy/).
struct SaveRequest {
  std::string markdown;
  std::string summary;
  // The revision the text was edited from: the published revision, or the actor's own unpublished
  // one (PageView::revision when read with Wiki::read_own). Empty: the page is being created.
  std::optional<std::int64_t> base_revision_id;
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

// One author's unpublished work on a page, waiting for review: their newest pending revision.
struct ReviewItem {
  RevisionInfo latest;                              // the newest pending revision
  std::optional<std::int64_t> approved_revision_id;  // what readers see now; empty: a new page
  std::optional<std::int64_t> author_id;
  std::string lang;
};

// What a reviewer reads before deciding.
struct ReviewDetail {
  ReviewItem item;
  std::vector<std::string> summaries;  // every summary of the author's stacked revisions, oldest first
  // From what readers see now to what approving would publish (the author's text merged with
  // what was published since they started; an empty text for a new page).
  DiffResult diff;
  // Approving would fail: the author's change overlaps lines published since they started.
  bool overlaps = false;
  // Why it waits: what the edition's filter holds now in the lines the edit adds ("text", counted
  // in the diff's right-hand text, and marked `held` in its segments) and in each summary.
  std::vector<FilterFinding> held;
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
  bool is_latest = false;      // its author's newest revision of its page
};

// A comment on a talk page: a new topic (`subject` set) or a reply to the comment whose id is
// `reply_to` (the author's name and the signature's time, joined by "\n": what the page shows in
// its reply buttons). The server signs it; `text` is only what the person wrote.
struct TalkPost {
  std::string subject;
  std::string reply_to;
  std::string text;
};

inline constexpr std::size_t kMaxTalkSubjectBytes = 200;
// One revision of an account's contributions (Special:Contributions).
struct Contribution {
  RevisionInfo info;        // info.review: approved, pending or rejected (sent back)
  std::string lang;         // the revision's edition
  bool is_current = false;  // readers see this revision of its page now
  bool page_deleted = false;  // its page is deleted: listed for moderators and admins only
};

struct ContributionPage {
  std::vector<Contribution> items;
  std::optional<std::int64_t> next_before;  // pass as `before` for the next page of results
};

// A conflict (ErrorCode::conflict) carries arg "current_revision_id": the editor shows that
// revision's text beside the user's own.

struct MoveRequest {
  std::string new_title;  // as typed
  bool leave_redirect = true;
  std::string reason;
};

struct PageListEntry {
  Title title;
  bool is_redirect = false;
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

// What a main page shows above its own text: the article and the picture of the day, chosen in
// turn from the lists moderators keep in the main page (docs/main-page.md), and the newest
// articles. Only what readers see.
struct FeaturedArticle {
  Title title;
  std::string excerpt;           // its first sentences, as plain text
  std::optional<FileInfo> picture;  // its first picture readers see
  Title picture_page;               // that picture's file page
};
struct FeaturedPicture {
  Title title;  // the file page
  FileInfo file;
  std::string description;  // the file page's first sentences, as plain text
};
// A category shown as a door into a subject: its name, how many articles it holds, and the first
// picture readers see among its page and its articles (in collated order).
struct Portal {
  Title category;
  int articles = 0;
  std::optional<FileInfo> picture;
  Title picture_page;
};
struct MainPageExtras {
  std::optional<FeaturedArticle> article;
  std::optional<FeaturedPicture> picture;
  std::vector<Title> newest;    // the articles created last, newest first
  std::vector<Portal> portals;  // in the order of the main page's list
};

// Every method that reads or changes pages takes the actor: the engine decides what it may see
// (a pending or sent-back revision exists only for its author and those who review them; a hidden
// one's text only for moderators) and do (the permissions table, blocks, protection, deleted
// pages, anonymous editing, review). Refusals: not_logged_in for a reader who must log in,
// forbidden for an account without the right (or blocked: "edit-error-blocked"), not_found for
// what the actor may not know exists.
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
  // Each account's notifications and watchlist.
  virtual Notifications& notifications() = 0;
  // A number that moves after every committed change to what a reader's view of `title` shows:
  // its text, its redirects, its category's members, the colour of its links. A cached view
  // stays valid while it is unchanged; a save elsewhere leaves it. Starts at 0 in each process.
  virtual std::uint64_t view_generation(const Edition& ed, const Title& title) const = 0;
  virtual std::vector<Edition> editions() const = 0;
  // Empty when there is no edition of that language.
  virtual std::optional<Edition> edition(std::string_view lang) const = 0;
  // Lets readers who are not logged in edit `ed` (always pending review), or stops it; takes
  // effect at once, is kept in the database and audited. Needs Action::configure_edition.
  virtual Status set_anonymous_editing(const Actor& actor, const Edition& ed, bool on) = 0;
  // Creates an edition that works at once, without a restart: pages, search, classes and links
  // between languages. Its direction comes from ICU's locale data (Arabic script: "rtl"); its
  // main page is written with a welcome text and protected like the demo's. Audited. Needs
  // Action::configure_edition (admins). Errors: invalid_input "edition-error-lang" (not BCP 47,
  // or a language ICU cannot tell a script for), conflict "edition-error-exists",
  // invalid_input "edition-error-name" (empty or over 100 characters), invalid_input
  // "edition-error-namespaces" (a namespace name that is not a plain title, or two the same),
  // invalid_title for the main page's title.
  virtual Result<Edition> create_edition(const Actor& actor, const NewEdition& request) = 0;
  // A title typed by a person, in one edition.
  virtual Result<Title> parse_title(const Edition& ed, std::string_view raw) const = 0;
  virtual RenderContext render_context(const Edition& ed) const = 0;

  // What readers see: the published revision. Redirects are followed once when follow_redirect.
  virtual Result<PageView> read(const Actor& actor, const Edition& ed, const Title& title,
                                bool follow_redirect) = 0;
  // The version the actor works on: their own unpublished revision (pending, or sent back to
  // them) when they have one, else what readers see (redirects not followed). Never anyone
  // else's unpublished text. PageView::waiting_for_review counts the page's unpublished edits
  // the actor may review.
  virtual Result<PageView> read_own(const Actor& actor, const Edition& ed, const Title& title) = 0;
  // As read() without following redirects, with the view's links and pictures pointing where
  // `addresses` say rather than at the site: for offline copies (offline/), which read as
  // Actor::reader() so that only what anyone may read leaves. not_found as read().
  virtual Result<PageView> read_for_export(const Actor& actor, const Edition& ed,
                                           const Title& title, const ViewAddresses& addresses) = 0;
  // Any revision of the edition that exists for the actor, with its HTML assembled like a page
  // view: not_found for a revision they may not see, forbidden for a hidden one.
  virtual Result<PageView> read_revision(const Actor& actor, const Edition& ed,
                                         std::int64_t revision_id) = 0;
  // What makes a pending revision wait for review: the content filter's holds in the lines it adds
  // to what readers see, and in its summary, where the writer typed them. For its author (the
  // editor tells the pupil which words wait for a teacher) and its reviewers. Exists for the
  // actor as `revision` does; empty for a revision that does not wait.
  // Adds a signed comment to a talk page (docs/discussions.md) as a save by `actor` of the
  // version they work on, so that the same rights, filters, review and visibility apply. Refuses
  // as save, and: not_logged_in ("talk-error-anonymous": a comment is signed with an account's
  // name); invalid_input for a page outside the talk namespace ("talk-error-not-talk-page"), an
  // empty text ("talk-error-empty"), a topic without a one-line subject or with one over
  // kMaxTalkSubjectBytes ("talk-error-subject"); conflict "talk-error-comment-gone" when no
  // comment has the id `reply_to` any more (moved or removed meanwhile).
  virtual Result<SaveOutcome> add_comment(const Actor& actor, const Edition& ed, const Title& title,
                                          const TalkPost& post) = 0;
  virtual Result<std::vector<FilterFinding>> held_words(const Actor& actor, const Edition& ed,
                                                        std::int64_t revision_id) = 0;
  virtual Result<Revision> revision(const Actor& actor, const Edition& ed,
                                    std::int64_t revision_id) = 0;
  // True when readers see a page of this title.
  virtual bool exists(const Edition& ed, const Title& title) = 0;

  // Whether the actor may edit (or, with `move`, rename) the page now: Ok, or the refusal a save
  // would give, without counting anything. For showing a form.
  virtual Status may_edit(const Actor& actor, const Edition& ed, const Title& title,
                          bool move = false) = 0;
  // Saves a new revision from the actor. Whether it waits for review is the engine's decision
  // (the actor's role, trust and class, the content filters). A stale base is merged three-way
  // with the version the actor works on (read_own), never with text they may not see; an author's
  // unpublished work is merged with what was published meanwhile when it is published. A base
  // that is the published revision, when the actor's own line started before it, starts a new
  // line there (the actor combined both texts after a conflict).
  // Refuses as may_edit, and: too_large, unprocessable (render limits, a filter), conflict (an
  // overlapping edit; nothing written; arg "current_revision_id" names a revision the actor may
  // see), exists (base empty but the page exists and the texts differ), not_found (a base that is
  // not a revision of this page the actor may see).
  virtual Result<SaveOutcome> save(const Actor& actor, const Edition& ed, const Title& title,
                                   const SaveRequest& request) = 0;
  // Restores the text of an old revision of the same page as a new revision by the actor.
  // forbidden for a hidden revision, and for text never approved unless the actor wrote it.
  virtual Result<SaveOutcome> revert(const Actor& actor, const Edition& ed, const Title& title,
                                     std::int64_t revision_id, const std::string& summary) = 0;
  // Imports one revision from another wiki or a file (engine/import.h) as the top revision of its
  // page, published or held as `revision.hold` and the filters decide. Needs
  // Action::configure_edition (admins, the console). Refuses as a save does (invalid_title,
  // too_large, unprocessable for the filters and the render limits, forbidden on a deleted or
  // protected page the actor may not edit), and invalid_input for a revision without a source
  // ("import-error-no-source") or a timestamp that is not ISO 8601 UTC ("import-error-timestamp").
  // A revision of the same source and source id imported before is not written again.
  virtual Result<ImportOutcome> import_revision(const Actor& actor, const Edition& ed,
                                                const ImportedRevision& revision) = 0;
  // Uploads a picture as a new revision of the file page `title` (files.h). The bytes are cleaned
  // (decoded within limits, encoded again without any metadata) before anything is stored, and
  // the picture waits for review as a text would. Refuses as save does, and: invalid_title
  // "upload-error-bad-name" outside the File namespace or without a picture's ending;
  // invalid_input "upload-error-confirm" unless the uploader confirmed nothing personal shows,
  // "upload-error-licence" for an unknown licence; the image's refusals (docs/media.md): too_large,
  // unprocessable, and unsupported_type for what is not a picture.
  virtual Result<SaveOutcome> upload(const Actor& actor, const Edition& ed, const Title& title,
                                     const UploadRequest& request) = 0;
  // A picture's bytes, `width` 0 for the image itself or one of kPictureWidths (an image that
  // narrow or narrower: itself). not_found unless a revision carrying it exists for the actor (a
  // waiting one: its author and their reviewers), forbidden when every such revision is hidden.
  virtual Result<MediaFile> media(const Actor& actor, std::string_view sha256, int width) = 0;
  // Renames a page with its history; leaves a redirect at the old title when asked.
  virtual Result<Title> move(const Actor& actor, const Edition& ed, const Title& title,
                             const MoveRequest& request) = 0;

  // Renders text for a preview, under the same limits as a save.
  virtual Result<RenderResult> preview(const Actor& actor, const Edition& ed,
                                       std::string_view markdown) = 0;
  // Fills a stored revision's link placeholders with their current state.
  virtual std::string assemble(const Edition& ed, const std::string& stored_html) = 0;

  // The revisions the actor may see, newest first; `before` is a revision id (exclusive). A
  // hidden revision's summary is left out for those who may not see hidden revisions.
  virtual Result<Page> history(const Actor& actor, const Edition& ed, const Title& title,
                               int limit, std::optional<std::int64_t> before) = 0;
  virtual Result<Page> recent_changes(const Actor& actor, const Edition& ed, int limit,
                                      std::optional<std::int64_t> before) = 0;
  // Refuses as revision() for either side.
  virtual Result<DiffResult> diff(const Actor& actor, const Edition& ed,
                                  std::int64_t from_revision, std::int64_t to_revision) = 0;

  // What readers see, the same for every actor. Pages that link to `title` (or redirect to it),
  // in collated order.
  virtual std::vector<PageListEntry> backlinks(const Edition& ed, const Title& title) = 0;
  // All pages of a namespace in the edition's collated order.
  virtual std::vector<PageListEntry> all_pages(const Edition& ed, Namespace ns) = 0;
  virtual std::vector<PageListEntry> category_members(const Edition& ed,
                                                      const std::string& category) = 0;
  // Empty when the edition has no article.
  virtual std::optional<Title> random_page(const Edition& ed) = 0;
  // The main page's extras for `day` (days since 1970-01-01 where the wiki is), the same for every
  // actor. An entry of a list that readers cannot see (missing, deleted, a file page without a
  // picture) is skipped for the next one.
  virtual MainPageExtras main_page_extras(const Edition& ed, std::int64_t day) = 0;
  // A number that moves when main_page_extras(ed, day) may change for reasons other than the main
  // page's own view_generation: a new article, the day.
  virtual std::uint64_t main_page_generation(const Edition& ed, std::int64_t day) = 0;

  // Review of pending revisions. The work waiting for the actor, oldest first, one item per
  // author and page: a class's (its teacher, moderators, admins; forbidden otherwise) or, without
  // `class_id`, everything the actor reviews (a teacher: their classes' pupils). `ed` null for
  // every edition. forbidden unless the actor may review.
  virtual Result<std::vector<ReviewItem>> review_queue(const Actor& actor, const Edition* ed,
                                                       std::optional<std::int64_t> class_id,
                                                       int limit) = 0;
  // One pending revision with what the reviewer reads. not_found for an unknown revision, a
  // deleted page's, or a pending revision of an author the actor does not review (it does not
  // exist for them); forbidden for a blocked actor and, for those who may not see hidden
  // revisions, a hidden one; conflict for a hidden one (moderators: it is never published) and for
  // one already decided ("review-error-already-reviewed"); invalid_input when it does not wait
  // for review.
  virtual Result<ReviewDetail> review_detail(const Actor& actor, std::int64_t revision_id) = 0;
  // Publishes `revision_id` (a pending revision, normally its author's newest on the page) with
  // its author's pending revisions below it, merged with what was published since the author
  // started. Refuses as review_detail, and: conflict "review-error-revision-hidden" for a hidden
  // revision, conflict "review-error-overlap" when the merge overlaps (nothing changes: send it
  // back), conflict "review-error-already-reviewed" when someone decided first.
  virtual Status approve(const Actor& actor, const Edition& ed, std::int64_t revision_id) = 0;
  // Sends `revision_id` and its author's pending revisions below it back with `message`; readers
  // keep the published revision. invalid_input for a message that is empty
  // ("review-error-message-missing"), longer than kMaxReviewMessageBytes or not UTF-8
  // ("error-review-bad-message"); otherwise refuses as approve does.
  virtual Status reject(const Actor& actor, const Edition& ed, std::int64_t revision_id,
                        const std::string& message) = 0;

  // An author's revisions in every edition, newest first, at most `limit`: the actor's own, or a
  // pupil's for whoever reviews them (forbidden otherwise).
  virtual Result<std::vector<AuthorEdit>> edits_by(const Actor& actor, std::int64_t author_id,
                                                   int limit) = 0;
  // The revisions of a class's pupils, newest first: for those who may see the class.
  virtual Result<std::vector<AuthorEdit>> class_edits(const Actor& actor, std::int64_t class_id,
                                                      int limit) = 0;
  // An account's revisions in every edition, newest first, at most `limit` (1 to
  // kMaxContributionsLimit) below the revision id `before`: what `actor` may see of them, as
  // history shows it. Approved revisions for everyone; pending and sent-back ones for their author
  // and those who review them; hidden ones, and those of deleted pages, for moderators and admins
  // only. not_found "moderation-error-user-not-found" for an unknown account.
  virtual Result<ContributionPage> contributions(const Actor& actor, std::int64_t account_id,
                                                 int limit,
                                                 std::optional<std::int64_t> before) = 0;
  // What each pupil of a class wrote: their pages, edits, and the words of theirs that readers
  // see now (engine/contributions.h), for those who may see the class (its teacher, moderators,
  // admins; refuses as Classes::get). Deleted pages count for nobody.
  virtual Result<ClassContributions> class_contributions(const Actor& actor,
                                                         std::int64_t class_id) = 0;
  // Any revision by its id (ids are unique across editions) with its edition and author, when it
  // exists for the actor (as revision() decides).
  virtual Result<AuthorEdit> find_edit(const Actor& actor, std::int64_t revision_id) = 0;

  // The search index's feed: what readers see, by construction, so it takes no actor.
  // The oldest `limit` queued entries, oldest first.
  virtual std::vector<OutboxEntry> outbox_peek(int limit) = 0;
  // Removes entries up to and including `last_id` once they are indexed.
  virtual void outbox_ack(std::int64_t last_id) = 0;
  // For a full rebuild of one edition: the newest entry queued so far (0 when none ever was),
  // noted before the rebuild reads any page, then the edition's entries up to that mark removed
  // once the new index holds them. Entries queued later keep their place.
  virtual std::int64_t outbox_mark() = 0;
  virtual void outbox_ack_edition(std::string_view lang, std::int64_t mark) = 0;
  // What readers see of a page; empty when they see nothing (missing, deleted, a redirect, or
  // nothing approved yet): the index must then drop it.
  virtual std::optional<IndexablePage> indexable_page(std::int64_t page_id) = 0;
  // Every page id of an edition, for a full rebuild.
  virtual std::vector<std::int64_t> page_ids(const Edition& ed) = 0;
};

}  // namespace kidwiki::engine
