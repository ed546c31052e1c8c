// Dispatch of /{lang}/wiki/{title}: canonical address first, then the action asked for.
#include <string_view>
#include <utility>

#include "html_form.h"
#include "html_handlers.h"
#include "html_layout.h"
#include "html_pages.h"
#include "html_urls.h"
#include "session_cookie.h"

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

HtmlPageHandler get_handler(const httplib::Request& req) {
  const std::string action = req.get_param_value("action");
  if (action == "edit") return show_edit;
  if (action == "history") return show_history;
  if (action == "move") return show_move;
  if (action == "revert") return show_revert;
  if (!action.empty() && action != "view") return nullptr;
  if (req.has_param("diff")) return show_diff;
  if (req.has_param("oldid")) return show_old_revision;
  return show_article;
}

HtmlPageHandler post_handler(const httplib::Request& req) {
  const std::string action = form_field(req, "action");
  if (action == "submit") return submit_edit;
  if (action == "revert") return submit_revert;
  if (action == "move") return submit_move;
  return nullptr;
}

// The cache key of an anonymous article view: everything the page depends on besides the wiki's
// data. Empty when the request is not a plain view, or carries a session cookie at all: a
// logged-in page shows its user and must never reach another reader (nor come from the cache).
std::string view_key(const httplib::Request& req, const HtmlContext& ctx,
                     const std::string& raw_title) {
  if (!session_token(req).empty()) return {};
  for (const auto& [name, value] : req.params) {
    if (name != "uselang" && name != "redirect") return {};
  }
  return ctx.ed().lang + '\x1f' + raw_title + '\x1f' + ctx.ui_lang + '\x1f' + ctx.uselang + '\x1f' +
         req.get_param_value("redirect");
}

bool send_cached(httplib::Response& res, const ViewCache& cache, const std::string& key,
                 std::uint64_t generation) {
  auto view = cache.find(key, generation);
  if (!view) return false;
  res.set_header("Content-Language", view->content_language);
  res.set_content(view->body, view->content_type);
  return true;
}

void remember(const httplib::Response& res, ViewCache& cache, const std::string& key,
              std::uint64_t generation) {
  if (res.status != 200) return;
  cache.store(key, generation,
              {res.body, res.get_header_value("Content-Type"), res.get_header_value("Content-Language")});
}

void dispatch(const httplib::Request& req, httplib::Response& res, WebContext& web,
              const engine::Edition& edition, const std::string& raw_title, bool post) {
  const HtmlContext ctx = make_html_context(req, web, &edition);
  const std::string key = post ? std::string() : view_key(req, ctx, raw_title);
  const std::uint64_t generation = web.wiki.change_count();
  if (!key.empty() && send_cached(res, web.views, key, generation)) return;
  const auto title = web.wiki.parse_title(edition, raw_title);
  if (!title.ok()) return send_engine_error(res, ctx, title.error());
  if (!post && redirect_to_canonical(req, res, edition, title.value(), raw_title)) return;
  const HtmlPageHandler handler = post ? post_handler(req) : get_handler(req);
  if (handler == nullptr) {
    return send_html_error(res, ctx, 400, ctx.msg("web-error-heading"),
                           ctx.msg("web-error-unknown-action"));
  }
  handler(req, res, ctx, title.value());
  if (!key.empty()) remember(res, web.views, key, generation);
}

}  // namespace

void see_other(httplib::Response& res, const std::string& url) { res.set_redirect(url, 303); }

void html_wiki_get(const httplib::Request& req, httplib::Response& res, WebContext& web,
                   const engine::Edition& edition, const std::string& raw_title) {
  dispatch(req, res, web, edition, raw_title, false);
}

void html_wiki_post(const httplib::Request& req, httplib::Response& res, WebContext& web,
                    const engine::Edition& edition, const std::string& raw_title) {
  dispatch(req, res, web, edition, raw_title, true);
}

}  // namespace kidwiki::web
