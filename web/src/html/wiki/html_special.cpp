// The random page (a redirect, nothing to show), and the answer to a special page nobody knows.
#include "html/page/html_layout.h"
#include "html/page/html_specials.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {

void show_random_page(const Call& call) {
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  const auto title = ctx.wiki().random_page(ctx.ed());
  if (!title) {
    return send_html_error(call.res, ctx, 404, ctx.msg("web-random-heading"),
                           ctx.msg("web-random-none"));
  }
  call.res.set_header("Cache-Control", "no-store");
  call.res.set_redirect(Urls(ctx.ed(), ctx.uselang).page(*title), 302);
}

void html_unknown_special(const Call& call) {
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  send_html_error(call.res, ctx, 404, ctx.msg("web-special-unknown-heading"),
                  ctx.msg("web-special-unknown", {{"name", call.param("name")}}));
}

}  // namespace kidwiki::web
