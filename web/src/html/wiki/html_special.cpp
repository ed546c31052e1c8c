// Dispatch of /{lang}/special/{name}, and the random page (a redirect, nothing to show).
#include "html_handlers.h"
#include "html_layout.h"
#include "html_specials.h"
#include "html_urls.h"

namespace kidwiki::web {
namespace {

void go_to_random_page(httplib::Response& res, const HtmlContext& ctx) {
  const auto title = ctx.wiki().random_page(ctx.ed());
  if (!title) {
    return send_html_error(res, ctx, 404, ctx.msg("web-random-heading"),
                           ctx.msg("web-random-none"));
  }
  res.set_header("Cache-Control", "no-store");
  res.set_redirect(Urls(ctx.ed(), ctx.uselang).page(*title), 302);
}

}  // namespace

void html_special(const httplib::Request& req, httplib::Response& res, WebContext& web,
                  const engine::Edition& edition, const std::string& name,
                  const std::string& raw_arg) {
  const HtmlContext ctx = make_html_context(req, web, &edition);
  if (name == "recent" && raw_arg.empty()) return show_recent_changes(req, res, ctx);
  if (name == "all" && raw_arg.empty()) return show_all_pages(res, ctx);
  if (name == "random" && raw_arg.empty()) return go_to_random_page(res, ctx);
  if (name == "links" && !raw_arg.empty()) return show_what_links_here(res, ctx, raw_arg);
  if (name == "search" && raw_arg.empty()) return show_search(req, res, ctx);
  send_html_error(res, ctx, 404, ctx.msg("web-special-unknown-heading"),
                  ctx.msg("web-special-unknown", {{"name", name}}));
}

}  // namespace kidwiki::web
