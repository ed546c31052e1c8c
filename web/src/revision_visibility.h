// What a caller may see of the revisions readers do not see. Readers see approved revisions that
// are not hidden. Beyond that: an author sees their own pending and sent-back revisions; a
// reviewer sees those of the authors they review (a teacher their classes' pupils, moderators and
// admins everyone); hidden revisions only moderators and admins. Every route that shows a
// revision, a diff, a history or recent changes asks here, so the rule lives in one place.
#pragma once

#include "access.h"
#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// The revisions the caller's lists (history, recent changes) show.
engine::RevisionScope revision_scope(WebContext& ctx, const Caller& caller);

// Ok when the caller may see `info`'s text; not_found for a pending or sent-back revision they may
// not see (for them it does not exist); forbidden for a hidden one.
engine::Status revision_visible(WebContext& ctx, const Caller& caller,
                                const engine::RevisionInfo& info);

}  // namespace kidwiki::web
