// How many previews (the edit form's "Show preview", POST /api/v1/render) the server renders in
// a short time for one account, or for one address when the caller has no session. A render is
// the costliest thing a request can ask for, and readers need none to read: without this, anyone
// could keep every render worker busy (docs/performance.md, "Rendering as a shared resource").
#pragma once

#include <chrono>

#include <httplib.h>

#include "engine/result.h"

namespace kidwiki::web {

inline constexpr std::size_t kPreviewsPerAccount = 60;  // per minute: one a second while typing
inline constexpr std::size_t kPreviewsPerAddress = 10;  // per minute, for callers with no session
inline constexpr std::chrono::seconds kPreviewWindow{60};

struct WebContext;
struct Caller;

// Ok and counted when `caller` may have one more preview now; else rate_limited with the seconds
// to wait ("seconds", for Retry-After).
engine::Status allow_preview(const httplib::Request& req, WebContext& ctx, const Caller& caller);

}  // namespace kidwiki::web
