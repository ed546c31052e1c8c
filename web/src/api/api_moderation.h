// The JSON API of the safety tools (docs/api.md, "Moderation"). Every handler checks the caller's
// right first (401 for a reader, 403 for a role without it), then the body (400), then asks the
// engine (404 for what does not exist).
#pragma once

#include <httplib.h>

#include <chrono>
#include <string>
#include <string_view>

#include "http/access.h"
#include "engine/wiki.h"
#include "http/web_context.h"
#include "http/call.h"

namespace kidwiki::web {

// POST /api/v1/users/{id}/block {reason, expires_at? | hours?} -> 201 {block}
void api_block_user(const Call& call);
// DELETE /api/v1/users/{id}/block {reason?} -> 200 {user_id, blocked: false}
void api_unblock_user(const Call& call);
// GET /api/v1/blocks -> {blocks: [block]}
void api_blocks(const Call& call);

// POST /api/v1/{lang}/pages/{title}/protect {level, reason} -> {title, protection}
void api_page_protect(const Call& call);
// POST /api/v1/{lang}/revisions/{id}/hide {hidden, reason} -> {revision_id, hidden}
void api_revision_hide(const Call& call);
// POST /api/v1/{lang}/pages/{title}/delete {reason} -> {title, deleted: true}
void api_page_delete(const Call& call);
// POST /api/v1/{lang}/pages/{title}/restore {reason?} -> {title, deleted: false}
void api_page_restore(const Call& call);

// POST /api/v1/{lang}/pages/{title}/report {reason} -> 201 {report}; anyone, rate-limited (429)
void api_page_report(const Call& call);
// GET /api/v1/reports[?limit=] -> {reports: [report]}
void api_reports(const Call& call);
// POST /api/v1/reports/{id}/resolve {note?} -> {id, resolved: true}
void api_report_resolve(const Call& call);

// GET /api/v1/{lang}/filters -> {lang, text}; PUT {text} -> {lang, rules}
void api_filters_get(const Call& call);
void api_filters_put(const Call& call);

// GET /api/v1/audit[?class=&before=&limit=] -> {entries: [entry], next_before}
void api_audit(const Call& call);

// Shared with the HTML pages of the same tools (html_moderation_*.cpp).

}  // namespace kidwiki::web
