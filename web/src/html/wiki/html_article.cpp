// A page as readers see it, following a redirect unless ?redirect=no.
#include "html/edit/html_talk.h"
#include "html/page/html_layout.h"
#include "http/entity_tag.h"
#include "http/session_cookie.h"
#include "http/view_cache.h"
#include "html/files/html_files.h"
#include "html/moderation/html_moderation.h"
#include "html/page/html_pages.h"
#include "html/review/html_review.h"
#include "html/page/html_revision_data.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

void add_redirect_notes(TemplateData& data, const HtmlContext& ctx, const engine::PageView& view) {
  const Urls urls(ctx.ed(), ctx.uselang);
  if (view.redirected_from) {
    const auto [before, after] = ctx.msg_around("web-redirected-from", "title");
    data.set("redirected_from", TemplateData()
                                    .set("before", before)
                                    .set("after", after)
                                    .set("url", urls.page(*view.redirected_from, "redirect=no"))
                                    .set("title", engine::full_title(*view.redirected_from,
                                                                     ctx.ed().names)));
  }
  if (view.redirect_target) {
    data.set("redirect_target",
             TemplateData()
                 .set("url", urls.page(*view.redirect_target))
                 .set("new", !ctx.wiki().exists(ctx.ed(), *view.redirect_target))
                 .set("title", engine::full_title(*view.redirect_target, ctx.ed().names)));
  }
}

// The cache key of an anonymous article view: everything the page depends on besides the wiki's
// data. Empty when the request carries other parameters, or a session cookie at all: a logged-in
// page shows its user and must never reach another reader (nor come from the cache).
std::string view_key(const httplib::Request& req, const HtmlContext& ctx,
                     const std::string& raw_title) {
  if (!session_token(req).empty()) return {};
  for (const auto& [name, value] : req.params) {
    if (name != "uselang" && name != "redirect") return {};
  }
  return ctx.ed().lang + '\x1f' + raw_title + '\x1f' + ctx.ui_lang + '\x1f' + ctx.uselang + '\x1f' +
         req.get_param_value("redirect");
}

// What lets a shared cache (nginx in front, docs/deploy.md) and the browser keep an anonymous
// view: a validator, and a second of freshness for the shared cache only, after which it asks
// again with If-None-Match and gets a 304 until the page changes. So a save shows within a second
// while a crowd of readers costs kidwiki one revalidation a second per page. The address holds
// everything the page depends on (the edition, ?uselang), so no Vary is needed.
void send_view(const httplib::Request& req, httplib::Response& res, const ViewCache::View& view) {
  res.set_header("ETag", view.etag);
  res.set_header("Cache-Control", "public, max-age=0, s-maxage=1");
  res.set_header("Content-Language", view.content_language);
  if (client_has(req, view.etag)) {
    res.status = 304;
    return;
  }
  res.set_content(view.body, view.content_type);
}

bool send_cached(const httplib::Request& req, httplib::Response& res, const ViewCache& cache,
                 const std::string& key, std::uint64_t generation) {
  auto view = cache.find(key, generation);
  if (!view) return false;
  send_view(req, res, *view);
  return true;
}

// Keeps a fresh anonymous view, then answers it as send_cached() would have. Returns what it
// kept, or null for an answer that is not a view (an error, a redirect).
std::shared_ptr<const ViewCache::View> remember(const httplib::Request& req,
                                                httplib::Response& res, ViewCache& cache,
                                                const std::string& key, std::uint64_t generation) {
  if (res.status != 200) return nullptr;
  ViewCache::View view{res.body, res.get_header_value("Content-Type"),
                       res.get_header_value("Content-Language"), entity_tag(res.body)};
  res.body.clear();
  send_view(req, res, view);
  return cache.store(key, generation, std::move(view));
}

void show_page(const httplib::Request& req, httplib::Response& res, const HtmlContext& ctx,
               const engine::Title& title) {
  if (title.ns == engine::Namespace::category) return show_category(req, res, ctx, title);
  const bool follow = req.get_param_value("redirect") != "no";
  // The author of a pending version sees it, under a banner that says so; a reviewer sees what
  // readers see, with how many edits wait for them.
  std::optional<engine::PageView> own;
  if (ctx.session) {
    if (auto mine = ctx.wiki().read_own(ctx.actor, ctx.ed(), title)) own = std::move(mine).value();
  }
  const bool pending = own && own->revision.review == engine::ReviewState::pending;
  auto view = pending ? engine::Result<engine::PageView>(*own)
                      : ctx.wiki().read(ctx.actor, ctx.ed(), title, follow);
  if (!view.ok()) {
    if (view.error().code == engine::ErrorCode::not_found) return show_missing(res, ctx, title);
    return send_engine_error(res, ctx, view.error());
  }
  TemplateData data;
  data.set("article_html", view->html)
      .set("last_edited",
           ctx.msg("web-last-edited", {{"time", view->revision.timestamp}}));
  add_redirect_notes(data, ctx, view.value());
  if (is_main_page(ctx.ed(), view->title) && !view->redirected_from) {
    add_main_page_section(data, ctx);
  }
  if (view->title.ns == engine::Namespace::file) {
    data.set("is_file_page", true);
    add_file_section(data, ctx, view.value());
  }
  add_moderation_links(data, ctx, view->title);
  data.set("is_talk", view->title.ns == engine::Namespace::talk);
  add_talk_form(data, ctx, view->title);
  if (pending) {
    data.set("pending_banner", own_pending_banner(ctx, view->revision.id));
  } else if (own && own->waiting_for_review > 0) {
    data.set("pending_banner", waiting_banner(ctx, own->waiting_for_review));
  }
  Chrome chrome;
  chrome.heading = engine::full_title(view->title, ctx.ed().names);
  chrome.page = view->title;
  chrome.tab = Tab::read;
  chrome.langlinks = view->langlinks;
  chrome.categories = view->categories;
  send_html(res, ctx, chrome, "article", std::move(data));
}

}  // namespace

void show_article(const Call& call) {
  HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  const std::string key = view_key(call.req, ctx, call.param("title"));
  // A title that does not parse gives an error page, which is never cached.
  const auto parsed = call.web.wiki.parse_title(call.ed(), call.param("title"));
  std::uint64_t generation = parsed ? call.web.wiki.view_generation(call.ed(), parsed.value()) : 0;
  if (parsed && is_main_page(call.ed(), parsed.value())) {
    generation ^= main_page_generation(call.web.wiki, call.ed());
  }
  if (key.empty()) {
    auto page = wiki_page(call, std::move(ctx));
    if (page) show_page(call.req, call.res, page->ctx, page->title);
    return;
  }
  if (send_cached(call.req, call.res, call.web.views, key, generation)) return;
  // A crowd of readers arriving just after a save: one of them builds the page, the others
  // wait for it instead of building the same page again each.
  ViewCache::Flight flight = call.web.views.board(key, generation);
  if (!flight.leads()) {
    if (auto view = flight.wait()) return send_view(call.req, call.res, *view);
  }
  auto page = wiki_page(call, std::move(ctx));
  if (!page) return;
  show_page(call.req, call.res, page->ctx, page->title);
  flight.land(remember(call.req, call.res, call.web.views, key, generation));
}

}  // namespace kidwiki::web
