// The audit log page: every entry for moderators and admins, one class at a time for a teacher.
#include "http/access.h"
#include "http/call.h"
#include "html/moderation/html_moderation.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"
#include "http/query_params.h"

namespace kidwiki::web {
namespace {

constexpr int kPageLength = 100;

TemplateData entry_item(const HtmlContext& ctx, const engine::AuditEntry& e) {
  return TemplateData()
      .set("at", readable_time(ctx, e.at))
      .set("actor", e.actor_name.empty() ? ctx.msg("moderation-audit-system") : e.actor_name)
      .set("action", ctx.msg("moderation-audit-action-" + e.action))
      .set("target", e.target_label)
      .set("reason", e.reason);
}

// The classes a teacher may pick from, each a link to its own log.
std::vector<TemplateData> class_links(const HtmlContext& ctx, const Caller& caller,
                                      std::optional<std::int64_t> chosen) {
  std::vector<TemplateData> out;
  if (caller.may(engine::Action::view_audit_all)) return out;
  const Urls urls(ctx.ed(), ctx.uselang);
  for (const auto& c : ctx.wiki().classes().list(caller.actor)) {
    out.push_back(TemplateData()
                      .set("name", c.name)
                      .set("url", urls.special("audit", "class=" + std::to_string(c.id)))
                      .set("selected", chosen == c.id));
  }
  return out;
}

std::optional<std::int64_t> first_class(const HtmlContext& ctx, const Caller& caller) {
  if (caller.may(engine::Action::view_audit_all)) return std::nullopt;
  auto classes = ctx.wiki().classes().list(caller.actor);
  if (classes.empty()) return std::nullopt;
  return classes.front().id;
}

// One page of entries of `class_id` (all when empty), with the link to the older ones.
void add_entries(TemplateData& data, const HtmlContext& ctx, std::optional<std::int64_t> class_id,
                 const std::vector<engine::AuditEntry>& entries) {
  std::vector<TemplateData> items;
  for (const auto& e : entries) items.push_back(entry_item(ctx, e));
  data.set("has_entries", !items.empty()).set("entries", std::move(items));
  if (static_cast<int>(entries.size()) < kPageLength) return;
  std::string query = "before=" + std::to_string(entries.back().id);
  if (class_id) query += "&class=" + std::to_string(*class_id);
  data.set("has_older", true).set("older_url", Urls(ctx.ed(), ctx.uselang).special("audit", query));
}

}  // namespace

void html_audit_page(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& web = call.web;
  const engine::Edition& ed = call.ed();
  auto caller = require(req, res, web, engine::Action::view_audit_class);
  if (!caller) return;
  const HtmlContext ctx = make_html_context(req, web, &ed);
  auto class_param = query_integer(req, "class", 1, INT64_MAX);
  if (!class_param) return send_engine_error(res, ctx, class_param.error());
  auto before = query_integer(req, "before", 1, INT64_MAX);
  if (!before) return send_engine_error(res, ctx, before.error());
  auto wanted = class_param.value() ? class_param.value() : first_class(ctx, *caller);
  TemplateData data;
  auto classes = class_links(ctx, *caller, wanted);
  data.set("has_classes", !classes.empty()).set("classes", std::move(classes));
  auto entries = web.wiki.moderation().audit_log(caller->actor, {wanted, before.value(), kPageLength});
  Chrome chrome;
  chrome.heading = ctx.msg("moderation-audit-heading");
  if (!entries) {
    // A teacher without a class has nothing to read yet: say so rather than fail.
    if (entries.error().message_id == "moderation-error-audit-class") {
      data.set("no_class", true);
      return send_moderation_page(res, ctx, chrome, "audit", std::move(data));
    }
    return send_engine_error(res, ctx, entries.error());
  }
  add_entries(data, ctx, wanted, entries.value());
  send_moderation_page(res, ctx, chrome, "audit", std::move(data));
}

}  // namespace kidwiki::web
