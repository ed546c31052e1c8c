// What a caller may see of the revisions readers do not see. Readers see approved revisions that
// are not hidden. Beyond that: an author sees their own pending and sent-back revisions; a
// reviewer sees those of the authors they review (a teacher their classes' pupils, moderators and
// admins everyone); hidden revisions only moderators and admins. Every route that shows a
// revision, a diff, a history or recent changes asks here, so the rule lives in one place.
#pragma once

#include <cstdint>
#include <initializer_list>

#include "access.h"
#include "engine/wiki.h"
#include "web_context.h"

namespace kidwiki::web {

// The revisions the caller's lists (history, recent changes) show.
engine::RevisionScope revision_scope(WebContext& ctx, const Caller& caller);

// Whether the caller sees hidden revisions' text and summary: moderators and admins.
bool sees_hidden_revisions(const Caller& caller);

// `info` as the caller's lists (history, recent changes) show it: a hidden revision's summary
// left out for those who may not see hidden revisions.
engine::RevisionInfo as_listed(const Caller& caller, engine::RevisionInfo info);

// Ok when the caller may see `info`'s text; not_found for a pending or sent-back revision they may
// not see (for them it does not exist); forbidden for a hidden one.
engine::Status revision_visible(WebContext& ctx, const Caller& caller,
                                const engine::RevisionInfo& info);

// revision_visible for each of `ids` in `ed`: the first refusal, else Ok. A revision that does
// not exist is left to the caller's own lookup to report.
engine::Status revisions_visible(WebContext& ctx, const Caller& caller, const engine::Edition& ed,
                                 std::initializer_list<std::int64_t> ids);

}  // namespace kidwiki::web
