// Login cards: one per pupil with the wiki's address, the name and the password, laid out on A4
// by the print styles of kidwiki.css. The passwords are shown this once: never cached.
#include "html/classes/html_classes.h"
#include "html/page/html_layout.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

// The address pupils type: the host this page was asked from, behind TLS when the proxy says so.
std::string wiki_address(const httplib::Request& req, const HtmlContext& ctx) {
  const bool tls = req.get_header_value("X-Forwarded-Proto") == "https";
  const std::string host = req.get_header_value("Host");
  const std::string path = "/" + ctx.ed().lang + "/";
  if (host.empty()) return path;
  return (tls ? "https://" : "http://") + host + path;
}

}  // namespace

void send_login_cards(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
                      const engine::SchoolClass& school_class,
                      const std::vector<engine::Credentials>& pupils) {
  const std::string address = wiki_address(req, ctx);
  std::vector<TemplateData> cards;
  for (const auto& p : pupils) {
    cards.push_back(TemplateData()
                        .set("address", address)
                        .set("username", p.user.name)
                        .set("password", p.password)
                        .set("class_name", school_class.name));
  }
  TemplateData data;
  data.set("cards", std::move(cards))
      .set("count", ctx.msg("classes-cards-count",
                            {{"count", static_cast<std::int64_t>(pupils.size())}}))
      .set("dashboard_url", Urls(ctx.ed(), ctx.uselang)
                                .special("class", "", std::to_string(school_class.id)));
  Chrome chrome;
  heading_with(chrome, ctx, "classes-cards-heading", "name", school_class.name);
  chrome.noindex = true;
  res.set_header("Cache-Control", "no-store");
  send_html(res, ctx, chrome, "login_cards", std::move(data));
}

}  // namespace kidwiki::web
