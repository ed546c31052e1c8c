#include "api/api_contributions.h"

#include "actions/account_lookup.h"
#include "api/api_json.h"
#include "api/api_response.h"
#include "http/access.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

using nlohmann::json;

constexpr int kDefaultLimit = 50;

// A page's title with its namespace, in its own edition's names; the bare title when the edition
// is gone.
std::string page_title(WebContext& ctx, const std::string& lang, const engine::Title& title) {
  const auto ed = ctx.wiki.edition(lang);
  return ed ? engine::full_title(title, ed->names) : title.text;
}

json page_words_json(WebContext& ctx, const engine::PageWords& p) {
  return {{"lang", p.lang},          {"title", page_title(ctx, p.lang, p.title)},
          {"edits", p.edits},        {"words", p.words},
          {"total_words", p.total_words}, {"last_edit", p.last_edit}};
}

json group_page_json(WebContext& ctx, const engine::GroupPage& g) {
  json pupils = json::array();
  for (const auto& share : g.pupils) {
    pupils.push_back({{"id", share.pupil_id},
                      {"username", share.name},
                      {"edits", share.edits},
                      {"words", share.words}});
  }
  return {{"lang", g.lang},
          {"title", page_title(ctx, g.lang, g.title)},
          {"total_words", g.total_words},
          {"other_words", g.other_words},
          {"complete", g.complete},
          {"pupils", std::move(pupils)}};
}

}  // namespace

void api_user_contributions(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const Caller caller = caller_of(req, ctx);
  auto limit = list_limit(req, engine::kMaxContributionsLimit, kDefaultLimit);
  if (!limit) return send_api_error(req, res, limit.error(), nullptr);
  auto before = list_before(req);
  if (!before) return send_api_error(req, res, before.error(), nullptr);
  auto account = account_from_path(ctx, caller.actor, call.param("user"));
  if (!account) return send_api_error(req, res, account.error(), nullptr);
  auto page = ctx.wiki.contributions(caller.actor, account->id, limit.value(), before.value());
  if (!page) return send_api_error(req, res, page.error(), nullptr);
  json items = json::array();
  for (const auto& item : page->items) {
    json entry = revision_info_json(item.info);
    entry["lang"] = item.lang;
    entry["page_title"] = page_title(ctx, item.lang, item.info.title);
    entry["current"] = item.is_current;
    entry["page_deleted"] = item.page_deleted;
    items.push_back(std::move(entry));
  }
  send_json(res, 200,
            {{"user", {{"id", account->id}, {"username", account->name}}},
             {"contributions", std::move(items)},
             {"next_before", page->next_before ? json(*page->next_before) : json(nullptr)}});
}

void api_class_contributions(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  const Caller caller = caller_of(req, ctx);
  if (!caller.logged_in()) return send_not_allowed(req, res, ctx, caller);
  auto id = path_id(call.param("id"));
  if (!id) return send_api_error(req, res, id.error(), nullptr);
  auto summary = ctx.wiki.class_contributions(caller.actor, id.value());
  if (!summary) return send_api_error(req, res, summary.error(), nullptr);
  json pupils = json::array();
  for (const auto& pupil : summary->pupils) {
    json pages = json::array();
    for (const auto& p : pupil.pages) pages.push_back(page_words_json(ctx, p));
    pupils.push_back({{"id", pupil.pupil_id},
                      {"username", pupil.name},
                      {"edits", pupil.edits},
                      {"words", pupil.words},
                      {"pages", std::move(pages)}});
  }
  json pages = json::array();
  for (const auto& g : summary->pages) pages.push_back(group_page_json(ctx, g));
  const engine::SchoolClass& c = summary->school_class;
  send_json(res, 200,
            {{"class", {{"id", c.id}, {"name", c.name}, {"lang", c.lang}}},
             {"pupils", std::move(pupils)},
             {"pages", std::move(pages)},
             {"pages_left_out", summary->pages_left_out}});
}

}  // namespace kidwiki::web
