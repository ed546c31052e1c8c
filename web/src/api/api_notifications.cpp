#include "api/api_notifications.h"

#include <limits>

#include "api/api_response.h"
#include "engine/notifications.h"
#include "http/access.h"
#include "http/json_body.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

constexpr int kDefaultLimit = 50;

json notification_json(const engine::Notification& n, const engine::Wiki& wiki) {
  const auto ed = wiki.edition(n.lang);
  return {{"id", n.id},
          {"kind", engine::notification_kind_name(n.kind)},
          {"lang", n.lang},
          {"title", ed ? engine::full_title(n.title, ed->names) : n.title.text},
          {"revision_id", n.revision_id ? json(*n.revision_id) : json(nullptr)},
          {"agent", n.agent},
          {"message", n.message},
          {"count", n.count},
          {"timestamp", n.timestamp},
          {"read", n.read}};
}

// The ids of {"ids": [...]}: absent for all; a list of positive integers otherwise.
engine::Result<std::vector<std::int64_t>> ids_of(const json& body) {
  std::vector<std::int64_t> ids;
  const auto found = body.find("ids");
  if (found == body.end()) return ids;
  const auto bad = engine::make_error(engine::ErrorCode::invalid_input,
                                      "notifications-error-bad-ids");
  if (!found->is_array() || found->empty() || found->size() > 1000) return bad;
  for (const auto& id : *found) {
    if (!id.is_number_integer() || id.get<std::int64_t>() < 1) return bad;
    ids.push_back(id.get<std::int64_t>());
  }
  return ids;
}

void set_watch(const Call& call, bool watched) {
  auto caller = require(call.req, call.res, call.web, engine::Action::see_own_edits);
  if (!caller) return;
  const engine::Edition& ed = call.ed();
  auto title = call.web.wiki.parse_title(ed, call.param("title"));
  if (!title) return send_api_error(call.req, call.res, title.error(), &ed);
  auto done = call.web.wiki.notifications().set_watched(caller->actor, ed, title.value(), watched);
  if (!done) return send_api_error(call.req, call.res, done.error(), &ed);
  send_json(call.res, 200,
            {{"title", engine::full_title(title.value(), ed.names)}, {"watched", watched}});
}

}  // namespace

void api_notifications_list(const Call& call) {
  auto caller = require(call.req, call.res, call.web, engine::Action::see_own_edits);
  if (!caller) return;
  auto limit = query_integer(call.req, "limit", 1, engine::kMaxNotificationsListed);
  if (!limit) return send_api_error(call.req, call.res, limit.error(), nullptr);
  auto before = query_integer(call.req, "before", 1, std::numeric_limits<std::int64_t>::max());
  if (!before) return send_api_error(call.req, call.res, before.error(), nullptr);
  const int wanted = static_cast<int>(limit->value_or(kDefaultLimit));
  auto& notifications = call.web.wiki.notifications();
  auto listed = notifications.list(caller->actor, wanted, before.value());
  if (!listed) return send_api_error(call.req, call.res, listed.error(), nullptr);
  json items = json::array();
  for (const auto& n : listed.value()) items.push_back(notification_json(n, call.web.wiki));
  json next = nullptr;
  if (static_cast<int>(listed->size()) == wanted) next = listed->back().id;
  send_json(call.res, 200,
            {{"notifications", std::move(items)},
             {"unread", notifications.unread_count(caller->actor)},
             {"next_before", next}});
}

void api_notifications_read(const Call& call) {
  auto caller = require(call.req, call.res, call.web, engine::Action::see_own_edits);
  if (!caller) return;
  json body = json::object();
  if (!call.req.body.empty()) {
    auto parsed = parse_json_object(call.req);
    if (!parsed) return send_api_error(call.req, call.res, parsed.error(), nullptr);
    body = std::move(parsed).value();
  }
  auto ids = ids_of(body);
  if (!ids) return send_api_error(call.req, call.res, ids.error(), nullptr);
  auto& notifications = call.web.wiki.notifications();
  auto done = notifications.mark_read(caller->actor, ids.value());
  if (!done) return send_api_error(call.req, call.res, done.error(), nullptr);
  send_json(call.res, 200, {{"unread", notifications.unread_count(caller->actor)}});
}

void api_watchlist(const Call& call) {
  auto caller = require(call.req, call.res, call.web, engine::Action::see_own_edits);
  if (!caller) return;
  std::optional<engine::Edition> ed;
  if (const std::string lang = call.req.get_param_value("lang"); !lang.empty()) {
    ed = call.web.wiki.edition(lang);
    if (!ed) {
      return send_api_error(call.req, call.res,
                            engine::make_error(engine::ErrorCode::not_found,
                                               "api-error-no-edition", {{"lang", lang}}),
                            nullptr);
    }
  }
  auto pages = call.web.wiki.notifications().watchlist(caller->actor, ed ? &*ed : nullptr);
  if (!pages) return send_api_error(call.req, call.res, pages.error(), nullptr);
  json items = json::array();
  for (const auto& w : pages.value()) {
    const auto page_ed = call.web.wiki.edition(w.lang);
    items.push_back({{"lang", w.lang},
                     {"title", page_ed ? engine::full_title(w.title, page_ed->names) : w.title.text},
                     {"added_at", w.added_at}});
  }
  send_json(call.res, 200, {{"pages", std::move(items)}});
}

void api_page_watch(const Call& call) { set_watch(call, true); }
void api_page_unwatch(const Call& call) { set_watch(call, false); }

}  // namespace kidwiki::web
