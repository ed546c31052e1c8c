// Every route of the server, on one screen. Handlers live in api_*.cpp (JSON) and html_*.cpp
// (pages); this file only says which URL goes where and answers what matches no route.
#include "routes.h"

#include <memory>
#include <optional>

#include "access.h"
#include "api_classes.h"
#include "api_editions.h"
#include "api_moderation.h"
#include "api_page_actions.h"
#include "api_pages.h"
#include "api_render.h"
#include "api_review.h"
#include "api_revisions.h"
#include "api_search.h"
#include "api_session.h"
#include "api_settings.h"
#include "api_users.h"
#include "error_status.h"
#include "html_classes.h"
#include "html_handlers.h"
#include "html_login.h"
#include "html_settings.h"
#include "html_moderation.h"
#include "html_review.h"
#include "i18n/messages.h"
#include "request_language.h"
#include "router.h"

namespace kidwiki::web {

namespace {

using EditionHandler = void (*)(const httplib::Request&, httplib::Response&, WebContext&,
                                const engine::Edition&, const std::string&);
using EditionOnlyHandler = void (*)(const httplib::Request&, httplib::Response&, WebContext&,
                                    const engine::Edition&);

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

// An HTML route under /{lang}/: finds the edition, then calls `handler` with the `arg` capture.
RouteHandler html_edition(WebContext& ctx, EditionHandler handler, std::string arg) {
  return [&ctx, handler, arg](const httplib::Request& req, httplib::Response& res,
                              const PathParams& params) {
    auto edition = ctx.wiki.edition(params.at("lang"));
    if (!edition) return html_not_found(req, res, ctx);
    handler(req, res, ctx, *edition, params.at(arg));
  };
}

// An HTML route under /{lang}/ that takes no other capture.
RouteHandler html_edition(WebContext& ctx, EditionOnlyHandler handler) {
  return [&ctx, handler](const httplib::Request& req, httplib::Response& res,
                         const PathParams& params) {
    auto edition = ctx.wiki.edition(params.at("lang"));
    if (!edition) return html_not_found(req, res, ctx);
    handler(req, res, ctx, *edition);
  };
}

// The safety tools' pages (html_moderation.h), before the other special pages.
void add_moderation_pages(Router& r, WebContext& ctx) {
  r.add("GET", "/{lang}/special/report/{title...}", html_edition(ctx, html_report_form, "title"));
  r.add("POST", "/{lang}/special/report/{title...}", html_edition(ctx, html_report_submit, "title"));
  r.add("GET", "/{lang}/special/reports", html_edition(ctx, html_reports_queue));
  r.add("POST", "/{lang}/special/reports", html_edition(ctx, html_reports_resolve));
  r.add("GET", "/{lang}/special/blocks", html_edition(ctx, html_blocks_page));
  r.add("POST", "/{lang}/special/blocks", html_edition(ctx, html_blocks_submit));
  r.add("GET", "/{lang}/special/protect/{title...}", html_edition(ctx, html_protect_form, "title"));
  r.add("POST", "/{lang}/special/protect/{title...}", html_edition(ctx, html_protect_submit, "title"));
  r.add("GET", "/{lang}/special/delete/{title...}", html_edition(ctx, html_delete_form, "title"));
  r.add("POST", "/{lang}/special/delete/{title...}", html_edition(ctx, html_delete_submit, "title"));
  r.add("GET", "/{lang}/special/restore", html_edition(ctx, html_restore_page));
  r.add("POST", "/{lang}/special/restore", html_edition(ctx, html_restore_submit));
  r.add("GET", "/{lang}/special/hide/{id}", html_edition(ctx, html_hide_form, "id"));
  r.add("POST", "/{lang}/special/hide/{id}", html_edition(ctx, html_hide_submit, "id"));
  r.add("GET", "/{lang}/special/audit", html_edition(ctx, html_audit_page));
  r.add("GET", "/{lang}/special/filters", html_edition(ctx, html_filters_page));
  r.add("POST", "/{lang}/special/filters", html_edition(ctx, html_filters_submit));
}

// Classes and staff accounts (html_classes.h), before the other special pages.
void add_classes_pages(Router& r, WebContext& ctx) {
  r.add("GET", "/{lang}/special/classes", html_edition(ctx, html_classes_page));
  r.add("POST", "/{lang}/special/classes", html_edition(ctx, html_classes_submit));
  r.add("GET", "/{lang}/special/class/{id}", html_edition(ctx, html_class_page, "id"));
  r.add("POST", "/{lang}/special/class/{id}", html_edition(ctx, html_class_submit, "id"));
  r.add("POST", "/{lang}/special/pupil/{id}", html_edition(ctx, html_pupil_submit, "id"));
  r.add("GET", "/{lang}/special/users", html_edition(ctx, html_users_page));
  r.add("POST", "/{lang}/special/users", html_edition(ctx, html_users_submit));
  r.add("POST", "/{lang}/special/user/{id}", html_edition(ctx, html_user_submit, "id"));
}

void add_html_routes(Router& r, WebContext& ctx) {
  r.add("GET", "/", [&ctx](const auto& req, auto& res, const auto&) { html_root(req, res, ctx); });
  r.add("GET", "/static/{file}", [](const auto& req, auto& res, const PathParams& params) {
    serve_static(req, res, params.at("file"));
  });
  r.add("GET", "/{lang}/wiki/{title...}", html_edition(ctx, html_wiki_get, "title"));
  r.add("POST", "/{lang}/wiki/{title...}", html_edition(ctx, html_wiki_post, "title"));
  auto special = [&ctx](const httplib::Request& req, httplib::Response& res,
                        const PathParams& params) {
    auto edition = ctx.wiki.edition(params.at("lang"));
    if (!edition) return html_not_found(req, res, ctx);
    auto arg = params.find("arg");
    html_special(req, res, ctx, *edition, params.at("name"),
                 arg == params.end() ? std::string() : arg->second);
  };
  // Before the other special pages, which would take "login" as their name.
  r.add("GET", "/{lang}/special/login", html_edition(ctx, html_login_form));
  r.add("POST", "/{lang}/special/login", html_edition(ctx, html_login_submit));
  r.add("POST", "/{lang}/special/logout", html_edition(ctx, html_logout_submit));
  add_moderation_pages(r, ctx);
  add_classes_pages(r, ctx);
  r.add("GET", "/{lang}/special/review", html_edition(ctx, html_review_queue));
  r.add("POST", "/{lang}/special/review/{id}", html_edition(ctx, html_review_submit, "id"));
  r.add("GET", "/{lang}/special/my-edits", html_edition(ctx, html_my_edits));
  r.add("GET", "/{lang}/special/settings", html_edition(ctx, html_settings_page));
  r.add("POST", "/{lang}/special/settings", html_edition(ctx, html_settings_submit));
  r.add("GET", "/{lang}/special/{name}", special);
  r.add("GET", "/{lang}/special/{name}/{arg...}", special);
}

std::optional<engine::Edition> api_edition(const httplib::Request& req, httplib::Response& res,
                                           WebContext& ctx, const PathParams& params) {
  auto edition = ctx.wiki.edition(params.at("lang"));
  if (!edition) {
    send_error(req, res, 404, "not_found", "api-error-no-edition", {{"lang", params.at("lang")}});
  }
  return edition;
}

// An API route under /api/v1/{lang}/: finds the edition (404 when unknown), then calls `handler`
// with the `arg` capture.
RouteHandler api(WebContext& ctx, EditionHandler handler, std::string arg) {
  return [&ctx, handler, arg](const httplib::Request& req, httplib::Response& res,
                              const PathParams& params) {
    if (auto edition = api_edition(req, res, ctx, params)) {
      handler(req, res, ctx, *edition, params.at(arg));
    }
  };
}

RouteHandler api(WebContext& ctx, EditionOnlyHandler handler) {
  return [&ctx, handler](const httplib::Request& req, httplib::Response& res,
                         const PathParams& params) {
    if (auto edition = api_edition(req, res, ctx, params)) handler(req, res, ctx, *edition);
  };
}

// The safety tools' routes without an edition (api_moderation.h).
void add_moderation_api(Router& r, WebContext& ctx) {
  r.add("POST", "/api/v1/users/{id}/block", [&ctx](const auto& req, auto& res, const PathParams& p) {
    api_block_user(req, res, ctx, p.at("id"));
  });
  r.add("DELETE", "/api/v1/users/{id}/block", [&ctx](const auto& req, auto& res, const PathParams& p) {
    api_unblock_user(req, res, ctx, p.at("id"));
  });
  r.add("GET", "/api/v1/blocks",
        [&ctx](const auto& req, auto& res, const auto&) { api_blocks(req, res, ctx); });
  r.add("GET", "/api/v1/reports",
        [&ctx](const auto& req, auto& res, const auto&) { api_reports(req, res, ctx); });
  r.add("POST", "/api/v1/reports/{id}/resolve",
        [&ctx](const auto& req, auto& res, const PathParams& p) {
          api_report_resolve(req, res, ctx, p.at("id"));
        });
  r.add("GET", "/api/v1/audit",
        [&ctx](const auto& req, auto& res, const auto&) { api_audit(req, res, ctx); });
}

// Classes, their pupils and staff accounts (api_classes.h, api_users.h).
void add_classes_api(Router& r, WebContext& ctx) {
  using Plain = void (*)(const httplib::Request&, httplib::Response&, WebContext&);
  using WithId = void (*)(const httplib::Request&, httplib::Response&, WebContext&,
                          const std::string&);
  auto plain = [&ctx](Plain h) -> RouteHandler {
    return [&ctx, h](const auto& req, auto& res, const auto&) { h(req, res, ctx); };
  };
  auto with_id = [&ctx](WithId h) -> RouteHandler {
    return [&ctx, h](const auto& req, auto& res, const PathParams& p) {
      h(req, res, ctx, p.at("id"));
    };
  };
  r.add("POST", "/api/v1/classes", plain(api_classes_create));
  r.add("GET", "/api/v1/classes", plain(api_classes_list));
  r.add("GET", "/api/v1/classes/{id}", with_id(api_class_get));
  r.add("POST", "/api/v1/classes/{id}/pupils", with_id(api_class_add_pupils));
  r.add("POST", "/api/v1/classes/{id}/archive", with_id(api_class_archive));
  r.add("POST", "/api/v1/pupils/{id}/password", with_id(api_pupil_password));
  r.add("POST", "/api/v1/pupils/{id}/trusted", with_id(api_pupil_trusted));
  r.add("POST", "/api/v1/pupils/{id}/disabled", with_id(api_pupil_disabled));
  r.add("POST", "/api/v1/users", plain(api_users_create));
  r.add("GET", "/api/v1/users", plain(api_users_list));
  r.add("POST", "/api/v1/users/{id}/disabled", with_id(api_user_disabled));
  r.add("POST", "/api/v1/users/{id}/role", with_id(api_user_role));
  r.add("POST", "/api/v1/users/{id}/password", with_id(api_user_password));
}

// Suffixed page routes come before the bare page route, which would take "X/history" as a title;
// a title that really ends in "/history" is reached with its slash encoded as %2F.
void add_api_routes(Router& r, WebContext& ctx) {
  r.add("GET", "/api/v1/editions",
        [&ctx](const auto& req, auto& res, const auto&) { api_editions(req, res, ctx); });
  r.add("POST", "/api/v1/render",
        [&ctx](const auto& req, auto& res, const auto&) { api_render(req, res, ctx); });
  r.add("POST", "/api/v1/session",
        [&ctx](const auto& req, auto& res, const auto&) { api_session_start(req, res, ctx); });
  r.add("DELETE", "/api/v1/session",
        [&ctx](const auto& req, auto& res, const auto&) { api_session_end(req, res, ctx); });
  r.add("GET", "/api/v1/me",
        [&ctx](const auto& req, auto& res, const auto&) { api_me(req, res, ctx); });
  add_moderation_api(r, ctx);
  add_classes_api(r, ctx);
  r.add("GET", "/api/v1/review",
        [&ctx](const auto& req, auto& res, const auto&) { api_review_queue(req, res, ctx); });
  r.add("GET", "/api/v1/review/{id}", [&ctx](const auto& req, auto& res, const PathParams& p) {
    api_review_item(req, res, ctx, p.at("id"));
  });
  r.add("POST", "/api/v1/revisions/{id}/approve",
        [&ctx](const auto& req, auto& res, const PathParams& p) {
          api_review_approve(req, res, ctx, p.at("id"));
        });
  r.add("POST", "/api/v1/revisions/{id}/reject",
        [&ctx](const auto& req, auto& res, const PathParams& p) {
          api_review_reject(req, res, ctx, p.at("id"));
        });
  r.add("GET", "/api/v1/{lang}/pages/{title...}/history", api(ctx, api_page_history, "title"));
  r.add("GET", "/api/v1/{lang}/pages/{title...}/backlinks", api(ctx, api_page_backlinks, "title"));
  r.add("POST", "/api/v1/{lang}/pages/{title...}/revert", api(ctx, api_page_revert, "title"));
  r.add("POST", "/api/v1/{lang}/pages/{title...}/move", api(ctx, api_page_move, "title"));
  r.add("POST", "/api/v1/{lang}/pages/{title...}/protect", api(ctx, api_page_protect, "title"));
  r.add("POST", "/api/v1/{lang}/pages/{title...}/delete", api(ctx, api_page_delete, "title"));
  r.add("POST", "/api/v1/{lang}/pages/{title...}/restore", api(ctx, api_page_restore, "title"));
  r.add("POST", "/api/v1/{lang}/pages/{title...}/report", api(ctx, api_page_report, "title"));
  r.add("POST", "/api/v1/{lang}/revisions/{id}/hide", api(ctx, api_revision_hide, "id"));
  r.add("GET", "/api/v1/{lang}/filters", api(ctx, api_filters_get));
  r.add("PUT", "/api/v1/{lang}/filters", api(ctx, api_filters_put));
  r.add("GET", "/api/v1/{lang}/pages/{title...}", api(ctx, api_page_get, "title"));
  r.add("PUT", "/api/v1/{lang}/pages/{title...}", api(ctx, api_page_put, "title"));
  r.add("GET", "/api/v1/{lang}/revisions/{id}", api(ctx, api_revision, "id"));
  r.add("GET", "/api/v1/{lang}/recent", api(ctx, api_recent));
  r.add("GET", "/api/v1/{lang}/settings", api(ctx, api_settings_get));
  r.add("PUT", "/api/v1/{lang}/settings", api(ctx, api_settings_put));
  r.add("GET", "/api/v1/{lang}/diff", api(ctx, api_diff));
  r.add("GET", "/api/v1/{lang}/search", api(ctx, api_search));
  r.add("GET", "/api/v1/{lang}/suggest", api(ctx, api_suggest));
}

void add_service_routes(Router& r) {
  r.add("GET", "/healthz", [](const auto&, httplib::Response& res, const auto&) {
    res.set_content("ok", "text/plain; charset=utf-8");
  });
}

// What matches no route: a JSON error under /api, the HTML interface's page elsewhere.
void answer_unrouted(RouteOutcome outcome, const httplib::Request& req, httplib::Response& res,
                     WebContext& ctx) {
  if (outcome == RouteOutcome::bad_path) {
    return send_error(req, res, 400, "invalid_input", "api-error-bad-path");
  }
  if (outcome == RouteOutcome::method_not_allowed) {
    return send_error(req, res, 405, "method_not_allowed", "api-error-method-not-allowed",
                      {{"method", req.method}});
  }
  if (!is_api_path(req.target)) return html_not_found(req, res, ctx);
  send_error(req, res, 404, "not_found", "api-error-no-route");
}

}  // namespace

bool is_api_path(std::string_view target) { return target.starts_with("/api/"); }

void register_routes(httplib::Server& http, WebContext& ctx) {
  auto router = std::make_shared<Router>();
  add_service_routes(*router);
  add_api_routes(*router, ctx);
  add_html_routes(*router, ctx);
  // Why one catch-all per method: routing needs the raw path (see url_path.h), which httplib's
  // own patterns never see. "[\s\S]*" also matches decoded newlines, unlike ".*".
  auto dispatch = [router, &ctx](const httplib::Request& req, httplib::Response& res) {
    if (!csrf_gate_passes(req, ctx)) return send_csrf_refusal(req, res, ctx);
    RouteOutcome outcome = router->dispatch(req, res);
    if (outcome != RouteOutcome::handled) answer_unrouted(outcome, req, res, ctx);
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
