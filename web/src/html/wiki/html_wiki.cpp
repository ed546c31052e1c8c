// What every route of /{lang}/wiki/{title} shares: the title, parsed and canonical, with the
// page's HTML context; and the answer to an action nobody knows.
#include <string_view>
#include <utility>

#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

// The title as it appears, decoded, in its canonical address ("Catégorie:Grands_félins").
std::string canonical_segment(const engine::Title& title, const engine::NamespaceNames& names) {
  std::string text = engine::full_title(title, names);
  for (char& c : text) {
    if (c == ' ') c = '_';
  }
  return text;
}

// Answers 301 and returns true when `raw_title` is not the canonical spelling of `title`.
bool redirect_to_canonical(const httplib::Request& req, httplib::Response& res,
                           const engine::Edition& edition, const engine::Title& title,
                           const std::string& raw_title) {
  if (raw_title == canonical_segment(title, edition.names)) return false;
  std::string url = Urls(edition, "").page(title);
  const auto query = req.target.find('?');
  if (query != std::string::npos) url += req.target.substr(query);
  res.set_redirect(url, 301);
  return true;
}

}  // namespace

std::optional<WikiPage> wiki_page(const Call& call) {
  return wiki_page(call, make_html_context(call.req, call.web, call.edition));
}

std::optional<WikiPage> wiki_page(const Call& call, HtmlContext ctx) {
  WikiPage page{std::move(ctx), {}};
  const std::string& raw_title = call.param("title");
  auto title = call.web.wiki.parse_title(call.ed(), raw_title);
  if (!title.ok()) {
    send_engine_error(call.res, page.ctx, title.error());
    return std::nullopt;
  }
  // Only a GET moves to the canonical address: a form's POST must keep its body.
  if (call.req.method != "POST" &&
      redirect_to_canonical(call.req, call.res, call.ed(), title.value(), raw_title)) {
    return std::nullopt;
  }
  page.title = std::move(title).value();
  return page;
}

void html_unknown_action(const Call& call) {
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  send_html_error(call.res, ctx, 400, ctx.msg("web-error-heading"),
                  ctx.msg("web-error-unknown-action"));
}

void see_other(httplib::Response& res, const std::string& url) { res.set_redirect(url, 303); }

}  // namespace kidwiki::web
