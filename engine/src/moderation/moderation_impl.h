// The safety tools over the wiki's database, sharing the Wiki's single writer connection. Split
// by concern:
//   moderation_blocks.cpp      blocks
//   moderation_protection.cpp  page protection
//   moderation_hiding.cpp      hidden revisions (and what readers see after)
//   moderation_deletion.cpp    deleted pages and their restoration
//   moderation_reports.cpp     readers' reports
//   moderation_filters.cpp     the editions' word lists and their parsed filters
//   moderation_audit.cpp       reading the audit log
//   moderation_checks.cpp      the reason and time checks every action shares
#pragma once

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "store/database.h"
#include "engine/moderation.h"
#include "engine/wiki.h"
#include "store/page_store.h"
#include "store/reader_pool.h"
#include "wiki/view_generations.h"

namespace kidwiki::engine {

class ModerationImpl final : public Moderation {
 public:
  // The references belong to the Wiki that owns this object and outlive it. `views` is the
  // Wiki's record of stale page views, moved after each commit that changes what readers see.
  ModerationImpl(std::mutex& writer_mutex, db::Connection& writer, ReaderPool& readers,
                 ViewGenerations& views);

  Result<Block> block(const Actor& actor, std::int64_t user_id, std::string_view reason,
                      std::optional<std::string> expires_at) override;
  Status unblock(const Actor& actor, std::int64_t user_id, std::string_view reason) override;
  std::optional<Block> active_block(const Actor& actor, std::int64_t user_id) override;
  Result<std::vector<Block>> active_blocks(const Actor& actor) override;

  Status protect(const Actor& actor, const Edition& ed, const Title& title, Protection level,
                 std::string_view reason) override;
  Protection protection(const Edition& ed, const Title& title) override;

  Status set_revision_hidden(const Actor& actor, const Edition& ed, std::int64_t revision_id,
                             bool hidden, std::string_view reason) override;

  Status delete_page(const Actor& actor, const Edition& ed, const Title& title,
                     std::string_view reason) override;
  Status restore_page(const Actor& actor, const Edition& ed, const Title& title,
                      std::string_view reason) override;
  Result<std::vector<Title>> deleted_pages(const Actor& actor, const Edition& ed) override;

  Result<Report> report(const Actor& actor, const Edition& ed, const Title& title,
                        std::string_view reason) override;
  Result<std::vector<Report>> open_reports(const Actor& actor, int limit) override;
  Result<Report> find_report(const Actor& actor, std::int64_t report_id) override;
  Status resolve_report(const Actor& actor, std::int64_t report_id,
                        std::string_view note) override;

  Result<std::string> filter_list(const Actor& actor, const Edition& ed) override;
  Status set_filter_list(const Actor& actor, const Edition& ed, std::string_view text) override;
  std::shared_ptr<const ContentFilter> content_filter(const Edition& ed) override;

  Result<std::vector<AuditEntry>> audit_log(const Actor& actor, const AuditQuery& query) override;

 private:
  // The page of `title` in `ed`, deleted or not, read on the writer. Precondition: the caller
  // holds writer_mutex_.
  std::optional<PageRow> writer_page(const Edition& ed, const Title& title);
  Status write_deletion(const Actor& actor, const Edition& ed, const PageRow& page, bool deleted,
                        std::string_view reason);
  // The edition's word list, the admin's or the built-in one.
  std::string word_list(const Edition& ed);
  // Deleting, restoring or hiding can change many views (links, redirects, categories): rare
  // enough to drop them all.
  void changed() { views_.touch_all(); }

  std::mutex& writer_mutex_;
  db::Connection& writer_;
  ReaderPool& readers_;
  ViewGenerations& views_;
  std::mutex filters_mutex_;  // guards filters_
  // Parsed filters by edition id, replaced whole when an admin saves a list.
  std::map<std::int64_t, std::shared_ptr<const ContentFilter>> filters_;
};

// The checks every action shares (moderation_checks.cpp), in their own namespace because
// wiki_impl.h includes this header beside the Wiki's own helpers.
namespace safety {

// Empty when `reason` is acceptable: non-empty when `required`, at most kMaxReasonBytes, UTF-8.
std::optional<Error> reason_problem(std::string_view reason, bool required);
// True for "YYYY-MM-DDTHH:MM:SSZ", the one time format the database keeps, naming a real time
// (month 1-12, a day of that month, hour < 24, minute and second < 60).
bool is_iso8601_utc(std::string_view text);
// "fr:Éléphant": how a page is named in the audit log.
std::string page_label(const Edition& ed, const Title& title);
Error page_not_found(const Edition& ed, const Title& title);
// An entry of the audit log for a moderator's action (no class: these act on the whole wiki).
AuditEntry audit_entry(const Actor& actor, std::string action, std::string target_type,
                       std::int64_t target_id, std::string target_label, std::string_view reason);
// Brings the page row in line with its revisions (moderation_hiding.cpp): the newest revision
// not hidden becomes the latest, and the newest approved one not hidden the visible one (none
// when the page is deleted), with link tables and search queue updated. True when what readers
// see changed. Precondition: the caller holds the writer lock inside a transaction.
bool republish(db::Connection& c, const PageRow& page);
}  // namespace safety

}  // namespace kidwiki::engine
