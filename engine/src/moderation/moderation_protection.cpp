// Page protection: who may edit a page. The save path compares the level with the editor's
// rights (Action::edit_protected_trusted, Action::edit_protected_mods).
#include <array>

#include "store/audit_log.h"
#include "moderation/moderation_impl.h"
#include "policy/require.h"
#include "store/moderation_store.h"
#include "store/storage_guard.h"

namespace kidwiki::engine {
using namespace safety;
namespace {

constexpr std::array<std::string_view, 3> kProtectionNames = {"none", "trusted", "moderators"};

}  // namespace

std::string_view protection_name(Protection p) {
  return kProtectionNames[static_cast<std::size_t>(p)];
}

std::optional<Protection> protection_from_name(std::string_view name) {
  for (std::size_t i = 0; i < kProtectionNames.size(); ++i) {
    if (kProtectionNames[i] == name) return static_cast<Protection>(i);
  }
  return std::nullopt;
}

std::optional<PageRow> ModerationImpl::writer_page(const Edition& ed, const Title& title) {
  return find_page(writer_, ed.id, title);
}

Status ModerationImpl::protect(const Actor& actor, const Edition& ed, const Title& title,
                               Protection level, std::string_view reason) {
  if (auto refused = policy::require(actor, Action::protect_page); !refused) return refused;
  if (auto problem = reason_problem(reason, /*required=*/true)) return *problem;
  return guard_storage([&]() -> Status {
    std::lock_guard lock(writer_mutex_);
    auto page = writer_page(ed, title);
    if (!page || page->deleted) return page_not_found(ed, title);
    db::Transaction tx(writer_);
    set_page_protection(writer_, page->id, level);
    append_audit(writer_,
                 audit_entry(actor, "protect", "page", page->id, page_label(ed, title),
                             std::string(protection_name(level)) + ": " + std::string(reason)));
    tx.commit();
    return Ok{};
  });
}

Protection ModerationImpl::protection(const Edition& ed, const Title& title) {
  auto c = readers_.lease();
  return page_protection(*c, ed.id, title);
}

}  // namespace kidwiki::engine
