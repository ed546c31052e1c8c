#include "api/api_revisions.h"
#include "http/call.h"

#include <limits>

#include "api/api_json.h"
#include "api/api_response.h"
#include "http/query_params.h"
#include "http/access.h"

namespace kidwiki::web {

namespace {

using nlohmann::json;

// Lists hold this many entries when the client does not say.
constexpr int kDefaultListLimit = 50;
constexpr std::int64_t kMaxId = std::numeric_limits<std::int64_t>::max();

json next_before_json(const engine::Page& page) {
  return page.next_before ? json(*page.next_before) : json(nullptr);
}

// The list parameters shared by history and recent changes.
struct ListParams {
  int limit = kDefaultListLimit;
  std::optional<std::int64_t> before;
};

engine::Result<ListParams> list_params(const httplib::Request& req, WebContext& ctx) {
  auto limit = list_limit(req, ctx.wiki.options().max_list_limit, kDefaultListLimit);
  if (!limit) return limit.error();
  auto before = list_before(req);
  if (!before) return before.error();
  return ListParams{limit.value(), before.value()};
}

}  // namespace

void api_revision(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_id = call.param("id");
  auto id = path_id(raw_id);
  if (!id) return send_api_error(req, res, id.error(), &edition);
  auto view = ctx.wiki.read_revision(caller_of(req, ctx).actor, edition, id.value());
  if (!view) return send_api_error(req, res, view.error(), &edition);
  json out = revision_info_json(view->revision);
  out["page_title"] = engine::full_title(view->title, edition.names);
  out["markdown"] = view->markdown;
  out["html"] = view->html;
  send_json(res, 200, out);
}

void api_page_history(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  const std::string& raw_title = call.param("title");
  auto title = ctx.wiki.parse_title(edition, raw_title);
  if (!title) return send_api_error(req, res, title.error(), &edition);
  auto params = list_params(req, ctx);
  if (!params) return send_api_error(req, res, params.error(), &edition);
  const Caller caller = caller_of(req, ctx);
  auto page = ctx.wiki.history(caller.actor, edition, title.value(), params->limit,
                               params->before);
  if (!page) return send_api_error(req, res, page.error(), &edition);
  json revisions = json::array();
  for (const auto& info : page->items) revisions.push_back(revision_info_json(info));
  send_json(res, 200, {{"revisions", std::move(revisions)}, {"next_before", next_before_json(page.value())}});
}

void api_recent(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  auto params = list_params(req, ctx);
  if (!params) return send_api_error(req, res, params.error(), &edition);
  const Caller caller = caller_of(req, ctx);
  auto page = ctx.wiki.recent_changes(caller.actor, edition, params->limit, params->before);
  if (!page) return send_api_error(req, res, page.error(), &edition);
  json changes = json::array();
  for (const auto& info : page->items) {
    json change = revision_info_json(info);
    change.erase("parent_id");
    change["title"] = engine::full_title(info.title, edition.names);
    changes.push_back(std::move(change));
  }
  send_json(res, 200, {{"changes", std::move(changes)}, {"next_before", next_before_json(page.value())}});
}

void api_diff(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  auto from = required_query_integer(req, "from", 1, kMaxId);
  if (!from) return send_api_error(req, res, from.error(), &edition);
  auto to = required_query_integer(req, "to", 1, kMaxId);
  if (!to) return send_api_error(req, res, to.error(), &edition);
  auto diff = ctx.wiki.diff(caller_of(req, ctx).actor, edition, from.value(), to.value());
  if (!diff) return send_api_error(req, res, diff.error(), &edition);
  send_json(res, 200, diff_json(diff.value(), from.value(), to.value()));
}

}  // namespace kidwiki::web
