// Which part of the audit log a caller may read; the JSON API and the audit page ask the same.
#pragma once

#include <cstdint>
#include <optional>

#include "access.h"
#include "engine/result.h"
#include "web_context.h"

namespace kidwiki::web {

// The class whose audit entries `caller` may read: moderators and admins any (empty: all),
// teachers one of their own classes only (forbidden otherwise, invalid_input when not given).
engine::Result<std::optional<std::int64_t>> audit_scope(WebContext& ctx, const Caller& caller,
                                                        std::optional<std::int64_t> class_id);

}  // namespace kidwiki::web
