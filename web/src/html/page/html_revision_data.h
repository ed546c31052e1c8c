// A revision as the templates show it in history, recent changes, diffs and old revisions.
#pragma once

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"

namespace kidwiki::web {

// Keys: id, timestamp (ISO 8601), time (for reading), author, summary, has_summary, size,
// delta, delta_class (positive, negative or zero), title, page_url, view_url, history_url,
// has_parent and prev_diff_url (the change this revision made), author_url (the author's
// Special:Contributions; false for an anonymous reader's revision).
// Precondition: ctx.edition is the revision's edition.
TemplateData revision_data(const HtmlContext& ctx, const engine::RevisionInfo& info);

// "2026-11-29T16:05:00Z" as the interface language says it: "il y a 5 minutes" within the last
// day (i18n/relative_time.h), else a date and time in the wiki's time zone ("29 novembre 2026 à
// 17:05"; message web-time, i18n/time_zone.h). Messages that show a time take the timestamp
// itself as a date argument instead.
std::string readable_time(const HtmlContext& ctx, const std::string& timestamp);

}  // namespace kidwiki::web
