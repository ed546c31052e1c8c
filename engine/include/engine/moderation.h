// The safety tools of moderators and admins: blocks, page protection, hidden revisions, deleted
// pages, readers' reports, the content filter's word lists, and the audit log that records every
// moderation and account action (who, what, when, why).
//
// Every method that acts takes the actor and refuses what the permissions table or the actor's
// block does not allow: not_logged_in for a reader, forbidden ("access-error-forbidden", or the
// block's message) for an account.
//
// Thread-safety: every method may be called from many threads at once. Every change is written
// with its audit entry in one transaction.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/actor.h"
#include "engine/filter.h"
#include "engine/result.h"
#include "engine/title.h"

namespace kidwiki::engine {

struct Edition;

enum class Protection { none, trusted, moderators };
std::string_view protection_name(Protection p);  // "none", "trusted", "moderators"
std::optional<Protection> protection_from_name(std::string_view name);

struct Report {
  std::int64_t id = 0;
  std::string lang;
  Title title;
  std::optional<std::int64_t> revision_id;  // what the reader saw
  std::string reason;
  std::optional<std::int64_t> reporter_id;  // empty: a reader who was not logged in
  std::string reporter_name;                // "" for a reader
  std::string created_at;
};

struct AuditEntry {
  std::int64_t id = 0;
  std::string at{};
  std::optional<std::int64_t> actor_id{};
  std::string actor_name{};  // "" for the system
  // "block", "unblock", "protect", "hide-revision", "unhide-revision", "delete-page",
  // "restore-page", "resolve-report", "edit-filter", "create-user", "create-class",
  // "create-pupils", "reset-password", "unlock-login", "trust", "untrust", "disable", "enable", "archive-class",
  // "unarchive-class", "approve", "reject"
  std::string action{};
  std::string target_type{};  // "user", "page", "revision", "class", "edition", "report"
  std::optional<std::int64_t> target_id{};
  std::string target_label{};  // a name or "fr:Éléphant", as it was then
  std::optional<std::int64_t> class_id{};
  std::string reason{};
};

struct AuditQuery {
  // Only the entries of this class. Moderators and admins may leave it empty (everything); a
  // teacher must name one of their classes.
  std::optional<std::int64_t> class_id;
  std::optional<std::int64_t> before;    // entry id (exclusive), for paging
  int limit = 50;
};

class Moderation {
 public:
  virtual ~Moderation() = default;

  // Blocks: a blocked account keeps reading and nothing else (Actor::may). `expires_at` empty
  // blocks until lifted. forbidden when the target is an admin or the actor.
  virtual Result<Block> block(const Actor& actor, std::int64_t user_id, std::string_view reason,
                              std::optional<std::string> expires_at) = 0;
  // forbidden for the actor's own block: another moderator decides.
  virtual Status unblock(const Actor& actor, std::int64_t user_id, std::string_view reason) = 0;
  // The block in force now on `user_id`, for the account itself and those who may block.
  virtual std::optional<Block> active_block(const Actor& actor, std::int64_t user_id) = 0;
  virtual Result<std::vector<Block>> active_blocks(const Actor& actor) = 0;

  virtual Status protect(const Actor& actor, const Edition& ed, const Title& title,
                         Protection level, std::string_view reason) = 0;
  // Public: the page's tabs show it to everyone.
  virtual Protection protection(const Edition& ed, const Title& title) = 0;

  // A hidden revision's text and summary are shown to moderators only; readers see the newest
  // approved revision that is not hidden. It stays in history (marked) and in the audit log.
  virtual Status set_revision_hidden(const Actor& actor, const Edition& ed,
                                     std::int64_t revision_id, bool hidden,
                                     std::string_view reason) = 0;

  // A deleted page does not exist for anyone (moderators find it in deleted_pages); restore
  // brings it back whole.
  virtual Status delete_page(const Actor& actor, const Edition& ed, const Title& title,
                             std::string_view reason) = 0;
  virtual Status restore_page(const Actor& actor, const Edition& ed, const Title& title,
                              std::string_view reason) = 0;
  // The deleted pages of an edition, most recently deleted first: what a moderator may restore.
  virtual Result<std::vector<Title>> deleted_pages(const Actor& actor, const Edition& ed) = 0;

  // Anyone not blocked may report a page (readers too). invalid_input for an empty or over-long
  // reason (kMaxReasonBytes).
  virtual Result<Report> report(const Actor& actor, const Edition& ed, const Title& title,
                                std::string_view reason) = 0;
  virtual Result<std::vector<Report>> open_reports(const Actor& actor, int limit) = 0;
  // One report, open or resolved; not_found when there is none of that id.
  virtual Result<Report> find_report(const Actor& actor, std::int64_t report_id) = 0;
  virtual Status resolve_report(const Actor& actor, std::int64_t report_id,
                                std::string_view note) = 0;

  // The edition's word list in i18n/filters format: the admin's version once saved, else the
  // built-in one. Saving takes effect on the next save of a page.
  virtual Result<std::string> filter_list(const Actor& actor, const Edition& ed) = 0;
  virtual Status set_filter_list(const Actor& actor, const Edition& ed, std::string_view text) = 0;

  // The entries `query` asks for, within what the actor may read: forbidden for a teacher asking
  // for a class that is not theirs, or naming no class ("moderation-error-audit-class").
  virtual Result<std::vector<AuditEntry>> audit_log(const Actor& actor,
                                                    const AuditQuery& query) = 0;

  // The edition's content filter built from its word list, parsed once per change of the list:
  // what a save checks. The pointer stays valid after the list changes (the caller keeps the
  // filter it was given; the next call returns the new one).
  virtual std::shared_ptr<const ContentFilter> content_filter(const Edition& ed) = 0;

  static constexpr std::size_t kMaxReasonBytes = 500;
  static constexpr std::size_t kMaxFilterListBytes = 200000;
};

}  // namespace kidwiki::engine
