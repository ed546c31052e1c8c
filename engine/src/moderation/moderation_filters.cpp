// The editions' word lists. An admin's list replaces the built-in one; each list is parsed once
// into a ContentFilter that saves share, and swapped whole when the list changes, so a save
// never waits on parsing nor sees half a list.
#include <map>

#include "store/audit_log.h"
#include "store/clock.h"
#include "i18n/text.h"
#include "moderation/moderation_impl.h"
#include "policy/require.h"
#include "store/moderation_store.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
using namespace safety;

namespace filter_lists {
const std::map<std::string_view, std::string_view>& embedded_files();
}

namespace {

std::string builtin_list(const Edition& ed) {
  const auto& files = filter_lists::embedded_files();
  auto it = files.find(ed.lang + ".txt");
  return it == files.end() ? std::string() : std::string(it->second);
}

std::shared_ptr<const ContentFilter> parsed(std::string_view text) {
  return std::make_shared<const ContentFilter>(ContentFilter::parse_word_list(text),
                                               current_year());
}

}  // namespace

Result<std::string> ModerationImpl::filter_list(const Actor& actor, const Edition& ed) {
  if (auto refused = policy::require(actor, Action::edit_filters); !refused) return refused.error();
  return word_list(ed);
}

std::string ModerationImpl::word_list(const Edition& ed) {
  auto c = readers_.lease();
  if (auto saved = saved_filter_list(*c, ed.id)) return *saved;
  return builtin_list(ed);
}

Status ModerationImpl::set_filter_list(const Actor& actor, const Edition& ed,
                                       std::string_view text) {
  if (auto refused = policy::require(actor, Action::edit_filters); !refused) return refused;
  if (text.size() > kMaxFilterListBytes) {
    return make_error(ErrorCode::too_large, "moderation-error-filter-list-too-large",
                      {{"limit", static_cast<std::int64_t>(kMaxFilterListBytes)}});
  }
  if (!i18n::is_valid_utf8(text)) {
    return make_error(ErrorCode::invalid_input, "error-text-invalid-utf8");
  }
  auto filter = parsed(text);  // outside the locks: parsing a long list takes a while
  // Held across the write, so that two admins saving at once leave the cache on the last commit.
  std::lock_guard filters_lock(filters_mutex_);
  auto saved = guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    db::Transaction tx(writer_);
    save_filter_list(writer_, ed.id, text, actor.id());
    append_audit(writer_, audit_entry(actor, "edit-filter", "edition", ed.id, ed.lang, ""));
    tx.commit();
    return Ok{};
  });
  if (!saved) return saved;
  filters_[ed.id] = std::move(filter);
  return Ok{};
}

std::shared_ptr<const ContentFilter> ModerationImpl::content_filter(const Edition& ed) {
  {
    std::lock_guard lock(filters_mutex_);
    if (auto it = filters_.find(ed.id); it != filters_.end()) return it->second;
  }
  auto filter = parsed(word_list(ed));
  std::lock_guard lock(filters_mutex_);
  // An admin's list saved meanwhile wins over the one just read.
  return filters_.emplace(ed.id, std::move(filter)).first->second;
}

}  // namespace kidwiki::engine
