// Every route of the server, on one screen: method, pattern (with the request field that selects
// it, if any) and handler, all of one signature `void (const Call&)` (http/call.h). Routes are
// tried in order; the first match wins. Handlers live in api/ (JSON) and html/ (pages); this file
// only says which URL goes where and answers what matches no route.
#include "routes.h"

#include <memory>

#include "api/api_classes.h"
#include "api/api_contributions.h"
#include "api/api_editions.h"
#include "api/api_moderation.h"
#include "api/api_notifications.h"
#include "api/api_page_actions.h"
#include "api/api_pages.h"
#include "api/api_render.h"
#include "api/api_review.h"
#include "api/api_revisions.h"
#include "api/api_search.h"
#include "api/api_session.h"
#include "api/api_settings.h"
#include "api/api_users.h"
#include "html/classes/html_classes.h"
#include "html/classes/html_login.h"
#include "html/classes/html_settings.h"
#include "html/contributions/html_contributions.h"
#include "html/editions/html_editions.h"
#include "html/edit/html_talk.h"
#include "html/moderation/html_moderation.h"
#include "html/notify/html_notify.h"
#include "html/page/html_handlers.h"
#include "html/page/html_pages.h"
#include "api/api_files.h"
#include "html/files/html_files.h"
#include "html/page/html_specials.h"
#include "html/review/html_review.h"
#include "http/access.h"
#include "http/call.h"
#include "http/error_status.h"
#include "http/request_language.h"
#include "i18n/messages.h"

namespace kidwiki::web {
namespace {

struct Route {
  const char* method;
  const char* pattern;
  Handler handler;
};

void healthz(const Call& call) { call.res.set_content("ok", "text/plain; charset=utf-8"); }

// A page's suffixed API routes come before the bare page route, which would take "X/history" as
// a title; a title that really ends in "/history" is reached with its slash encoded as %2F.
// Literal special pages come before "/{lang}/special/{name}", which answers an unknown one.
const Route kRoutes[] = {
    {"GET", "/healthz", healthz},

    // The JSON API (docs/api.md).
    {"GET", "/api/v1/editions", api_editions},
    {"PUT", "/api/v1/editions/{code}", api_edition_create},
    {"POST", "/api/v1/render", api_render},
    {"POST", "/api/v1/session", api_session_start},
    {"DELETE", "/api/v1/session", api_session_end},
    {"POST", "/api/v1/session/renew", api_session_renew},
    {"GET", "/api/v1/me", api_me},
    {"GET", "/api/v1/notifications", api_notifications_list},
    {"POST", "/api/v1/notifications/read", api_notifications_read},
    {"GET", "/api/v1/watchlist", api_watchlist},
    {"POST", "/api/v1/users/{id}/block", api_block_user},
    {"DELETE", "/api/v1/users/{id}/block", api_unblock_user},
    {"GET", "/api/v1/blocks", api_blocks},
    {"GET", "/api/v1/reports", api_reports},
    {"POST", "/api/v1/reports/{id}/resolve", api_report_resolve},
    {"GET", "/api/v1/audit", api_audit},
    {"POST", "/api/v1/classes", api_classes_create},
    {"GET", "/api/v1/classes", api_classes_list},
    {"GET", "/api/v1/classes/{id}", api_class_get},
    {"GET", "/api/v1/classes/{id}/contributions", api_class_contributions},
    {"POST", "/api/v1/classes/{id}/pupils", api_class_add_pupils},
    {"POST", "/api/v1/classes/{id}/archive", api_class_archive},
    {"POST", "/api/v1/classes/{id}/pack", api_class_pack},
    {"PUT", "/api/v1/classes/{id}/lesson-window", api_class_lesson_window},
    {"POST", "/api/v1/pupils/{id}/password", api_pupil_password},
    {"POST", "/api/v1/pupils/{id}/unlock", api_pupil_unlock},
    {"POST", "/api/v1/pupils/{id}/trusted", api_pupil_trusted},
    {"POST", "/api/v1/pupils/{id}/disabled", api_pupil_disabled},
    {"POST", "/api/v1/users", api_users_create},
    {"GET", "/api/v1/users", api_users_list},
    {"GET", "/api/v1/users/{user}/contributions", api_user_contributions},
    {"POST", "/api/v1/users/{id}/disabled", api_user_disabled},
    {"POST", "/api/v1/users/{id}/role", api_user_role},
    {"POST", "/api/v1/users/{id}/password", api_user_password},
    {"GET", "/api/v1/review", api_review_queue},
    {"GET", "/api/v1/review/{id}", api_review_item},
    {"POST", "/api/v1/revisions/{id}/approve", api_review_approve},
    {"POST", "/api/v1/revisions/{id}/reject", api_review_reject},
    {"GET", "/api/v1/{lang}/pages/{title...}/history", api_page_history},
    {"GET", "/api/v1/{lang}/pages/{title...}/backlinks", api_page_backlinks},
    {"POST", "/api/v1/{lang}/pages/{title...}/revert", api_page_revert},
    {"POST", "/api/v1/{lang}/pages/{title...}/move", api_page_move},
    {"POST", "/api/v1/{lang}/pages/{title...}/protect", api_page_protect},
    {"POST", "/api/v1/{lang}/pages/{title...}/delete", api_page_delete},
    {"POST", "/api/v1/{lang}/pages/{title...}/restore", api_page_restore},
    {"POST", "/api/v1/{lang}/pages/{title...}/report", api_page_report},
    {"PUT", "/api/v1/{lang}/pages/{title...}/watch", api_page_watch},
    {"DELETE", "/api/v1/{lang}/pages/{title...}/watch", api_page_unwatch},
    {"POST", "/api/v1/{lang}/revisions/{id}/hide", api_revision_hide},
    {"GET", "/api/v1/{lang}/filters", api_filters_get},
    {"PUT", "/api/v1/{lang}/filters", api_filters_put},
    {"GET", "/api/v1/{lang}/files/{name...}", api_file_get},
    {"POST", "/api/v1/{lang}/files/{name...}", api_file_post},
    {"GET", "/api/v1/{lang}/pages/{title...}", api_page_get},
    {"PUT", "/api/v1/{lang}/pages/{title...}", api_page_put},
    {"GET", "/api/v1/{lang}/revisions/{id}", api_revision},
    {"GET", "/api/v1/{lang}/recent", api_recent},
    {"GET", "/api/v1/{lang}/settings", api_settings_get},
    {"PUT", "/api/v1/{lang}/settings", api_settings_put},
    {"GET", "/api/v1/{lang}/diff", api_diff},
    {"GET", "/api/v1/{lang}/search", api_search},
    {"GET", "/api/v1/{lang}/suggest", api_suggest},

    // The HTML interface (docs/api.md, "The HTML interface's pages").
    {"GET", "/", html_root},
    {"GET", "/static/{file}", serve_static},
    {"GET", "/media/{sha256}/{size}", serve_media},
    {"GET", "/{lang}/wiki/{title...}?action=edit", show_edit},
    {"GET", "/{lang}/wiki/{title...}?action=history", show_history},
    {"GET", "/{lang}/wiki/{title...}?action=move", show_move},
    {"GET", "/{lang}/wiki/{title...}?action=revert", show_revert},
    {"GET", "/{lang}/wiki/{title...}?diff", show_diff},
    {"GET", "/{lang}/wiki/{title...}?oldid", show_old_revision},
    {"GET", "/{lang}/wiki/{title...}?action=view", show_article},
    {"GET", "/{lang}/wiki/{title...}?action", html_unknown_action},
    {"GET", "/{lang}/wiki/{title...}", show_article},
    {"POST", "/{lang}/wiki/{title...}?action=submit", submit_edit},
    {"POST", "/{lang}/wiki/{title...}?action=revert", submit_revert},
    {"POST", "/{lang}/wiki/{title...}?action=move", submit_move},
    {"POST", "/{lang}/wiki/{title...}?action=watch", submit_watch},
    {"POST", "/{lang}/wiki/{title...}?action=comment", submit_comment},
    {"POST", "/{lang}/wiki/{title...}", html_unknown_action},
    {"GET", "/{lang}/special/login", html_login_form},
    {"POST", "/{lang}/special/login", html_login_submit},
    {"POST", "/{lang}/special/logout", html_logout_submit},
    {"GET", "/{lang}/special/upload", show_upload_form},
    {"POST", "/{lang}/special/upload", submit_upload},
    {"GET", "/{lang}/special/recent", show_recent_changes},
    {"GET", "/{lang}/special/all", show_all_pages},
    {"GET", "/{lang}/special/random", show_random_page},
    {"GET", "/{lang}/special/search", show_search},
    {"GET", "/{lang}/special/links/{title...}", show_what_links_here},
    {"GET", "/{lang}/special/report/{title...}", html_report_form},
    {"POST", "/{lang}/special/report/{title...}", html_report_submit},
    {"GET", "/{lang}/special/reports", html_reports_queue},
    {"POST", "/{lang}/special/reports", html_reports_resolve},
    {"GET", "/{lang}/special/blocks", html_blocks_page},
    {"POST", "/{lang}/special/blocks", html_blocks_submit},
    {"GET", "/{lang}/special/protect/{title...}", html_protect_form},
    {"POST", "/{lang}/special/protect/{title...}", html_protect_submit},
    {"GET", "/{lang}/special/delete/{title...}", html_delete_form},
    {"POST", "/{lang}/special/delete/{title...}", html_delete_submit},
    {"GET", "/{lang}/special/restore", html_restore_page},
    {"POST", "/{lang}/special/restore", html_restore_submit},
    {"GET", "/{lang}/special/hide/{id}", html_hide_form},
    {"POST", "/{lang}/special/hide/{id}", html_hide_submit},
    {"GET", "/{lang}/special/audit", html_audit_page},
    {"GET", "/{lang}/special/filters", html_filters_page},
    {"POST", "/{lang}/special/filters", html_filters_submit},
    {"GET", "/{lang}/special/classes", html_classes_page},
    {"POST", "/{lang}/special/classes", html_classes_submit},
    {"GET", "/{lang}/special/class/{id}", html_class_page},
    {"POST", "/{lang}/special/class/{id}", html_class_submit},
    {"GET", "/{lang}/special/class/{id}/contributions", html_class_contributions},
    {"POST", "/{lang}/special/pupil/{id}", html_pupil_submit},
    {"GET", "/{lang}/special/users", html_users_page},
    {"POST", "/{lang}/special/users", html_users_submit},
    {"POST", "/{lang}/special/user/{id}", html_user_submit},
    {"GET", "/{lang}/special/review", html_review_queue},
    {"POST", "/{lang}/special/review", html_review_bulk_submit},
    {"POST", "/{lang}/special/review/{id}", html_review_submit},
    {"GET", "/{lang}/special/my-edits", html_my_edits},
    {"GET", "/{lang}/special/notifications", html_notifications_page},
    {"GET", "/{lang}/special/watchlist", html_watchlist_page},
    {"GET", "/{lang}/special/contributions/{user}", html_user_contributions},
    {"GET", "/{lang}/special/editions", html_editions_page},
    {"POST", "/{lang}/special/editions", html_editions_submit},
    {"GET", "/{lang}/special/settings", html_settings_page},
    {"POST", "/{lang}/special/settings", html_settings_submit},
    {"GET", "/{lang}/special/{name}", html_unknown_special},
    {"GET", "/{lang}/special/{name}/{arg...}", html_unknown_special},
};

void send_error(const httplib::Request& req, httplib::Response& res, int status,
                std::string_view code, std::string_view message_id, i18n::MessageArgs args = {}) {
  std::string message = i18n::Messages::builtin().format(interface_language(req, nullptr),
                                                         message_id, args);
  if (is_api_path(req.target)) {
    send_json_error(res, status, code, message);
  } else {
    res.status = status;
    res.set_content(message, "text/plain; charset=utf-8");
  }
}

// What matches no route: a JSON error under /api, the HTML interface's page elsewhere.
void answer_unrouted(RouteOutcome outcome, const httplib::Request& req, httplib::Response& res,
                     WebContext& web) {
  if (outcome == RouteOutcome::bad_path) {
    return send_error(req, res, 400, "invalid_input", "api-error-bad-path");
  }
  if (outcome == RouteOutcome::method_not_allowed) {
    return send_error(req, res, 405, "method_not_allowed", "api-error-method-not-allowed",
                      {{"method", req.method}});
  }
  if (!is_api_path(req.target)) return html_not_found(req, res, web);
  send_error(req, res, 404, "not_found", "api-error-no-route");
}

// Runs a matched route: finds the edition its {lang} names (404 when there is none), then calls
// the handler.
void run(const Router::Match& match, const httplib::Request& req, httplib::Response& res,
         WebContext& web) {
  std::optional<engine::Edition> edition;
  if (auto lang = match.params.find("lang"); lang != match.params.end()) {
    edition = web.wiki.edition(lang->second);
    if (!edition) {
      if (!is_api_path(req.target)) return html_not_found(req, res, web);
      return send_error(req, res, 404, "not_found", "api-error-no-edition",
                        {{"lang", lang->second}});
    }
  }
  match.handler(Call{req, res, web, match.params, edition ? &*edition : nullptr});
}

}  // namespace

bool is_api_path(std::string_view target) { return target.starts_with("/api/"); }

void register_routes(httplib::Server& http, WebContext& web) {
  auto router = std::make_shared<Router>();
  for (const Route& route : kRoutes) router->add(route.method, route.pattern, route.handler);
  // Why one catch-all per method: routing needs the raw path (see url_path.h), which httplib's
  // own patterns never see. "[\s\S]*" also matches decoded newlines, unlike ".*".
  auto dispatch = [router, &web](const httplib::Request& req, httplib::Response& res) {
    auto found = router->find(req);
    auto* match = std::get_if<Router::Match>(&found);
    if (!csrf_gate_passes(req, web)) {
      // An edit keeps its text through a stale token: the form comes back, nothing is saved.
      if (!match || match->handler != submit_edit) return send_csrf_refusal(req, res, web);
      return run(Router::Match{submit_edit_stale_token, match->params}, req, res, web);
    }
    if (match) return run(*match, req, res, web);
    answer_unrouted(std::get<RouteOutcome>(found), req, res, web);
  };
  const std::string any = R"([\s\S]*)";
  http.Get(any, dispatch);
  http.Post(any, dispatch);
  http.Put(any, dispatch);
  http.Delete(any, dispatch);
  http.Patch(any, dispatch);
  http.Options(any, dispatch);
}

}  // namespace kidwiki::web
