#include "api/api_search.h"
#include "http/call.h"

#include <nlohmann/json.hpp>

#include "api/api_response.h"
#include "http/query_params.h"
#include "search/search.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

constexpr int kDefaultResults = 10;
constexpr int kMaxResults = 50;
constexpr int kDefaultTitles = 8;
constexpr int kMaxTitles = 20;
constexpr std::int64_t kMaxOffset = 1000;

json optional_json(const std::optional<std::string>& value) {
  return value ? json(*value) : json(nullptr);
}

json results_json(const search::SearchResults& found) {
  json results = json::array();
  for (const search::SearchHit& hit : found.results) {
    results.push_back({{"title", hit.title}, {"snippet_html", hit.snippet_html}, {"score", hit.score}});
  }
  return {{"total_estimate", found.total_estimate},
          {"results", std::move(results)},
          {"suggestion", optional_json(found.suggestion)},
          {"corrected", optional_json(found.corrected)},
          {"index_incomplete", found.index_incomplete}};
}

// The server runs without search only in tests of other routes; say so rather than crash.
bool require_search(const httplib::Request& req, httplib::Response& res, WebContext& ctx,
                    const engine::Edition& edition) {
  if (ctx.search) return true;
  send_api_error(req, res,
                 engine::make_error(engine::ErrorCode::storage, "search-error-unavailable"),
                 &edition);
  return false;
}

}  // namespace

void api_search(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  if (!require_search(req, res, ctx, edition)) return;
  auto limit = list_limit(req, kMaxResults, kDefaultResults);
  if (!limit) return send_api_error(req, res, limit.error(), &edition);
  auto offset = query_integer(req, "offset", 0, kMaxOffset);
  if (!offset) return send_api_error(req, res, offset.error(), &edition);
  search::SearchRequest request{req.get_param_value("q"), limit.value(),
                                static_cast<int>(offset->value_or(0)),
                                req.get_param_value("category")};
  auto found = ctx.search->query(edition.lang, request);
  if (!found) return send_api_error(req, res, found.error(), &edition);
  send_json(res, 200, results_json(found.value()));
}

void api_suggest(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const engine::Edition& edition = call.ed();
  if (!require_search(req, res, ctx, edition)) return;
  auto limit = list_limit(req, kMaxTitles, kDefaultTitles);
  if (!limit) return send_api_error(req, res, limit.error(), &edition);
  auto titles = ctx.search->suggest(edition.lang, req.get_param_value("q"), limit.value());
  if (!titles) return send_api_error(req, res, titles.error(), &edition);
  send_json(res, 200, {{"titles", titles.value()}});
}

}  // namespace kidwiki::web
