#include "html/page/html_layout.h"
#include "i18n/escape.h"

#include "http/error_status.h"
#include "html/classes/html_classes.h"
#include "html/notify/html_notify.h"
#include "html/page/html_language_info.h"
#include "html/review/html_review.h"
#include "html/page/html_template.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {
namespace {

constexpr std::string_view kStylesheet = "/static/kidwiki.css";
constexpr std::string_view kSearchScript = "/static/search.js";

std::string links_url(const HtmlContext& ctx, const engine::Title& page) {
  return Urls(ctx.ed(), ctx.uselang)
      .special("links", "", engine::title_to_url(page, ctx.ed().names));
}

TemplateData tab(const HtmlContext& ctx, std::string_view label_id, std::string url, bool selected,
                 bool missing) {
  return TemplateData()
      .set("label", ctx.msg(label_id))
      .set("url", std::move(url))
      .set("selected", selected)
      .set("new", missing);
}

// Read, Edit, History, Talk (or Article on a talk page), and Move for those the engine lets move
// the page: a child sees only what they may use. "What links here" is a tab only on its own page;
// elsewhere it is a quiet link under the article (page_tools).
std::vector<TemplateData> page_tabs(const HtmlContext& ctx, const engine::Title& page, Tab selected) {
  auto& wiki = ctx.wiki();
  const Urls urls(ctx.ed(), ctx.uselang);
  const bool exists = wiki.exists(ctx.ed(), page);
  std::vector<TemplateData> tabs;
  tabs.push_back(tab(ctx, "web-tab-read", urls.page(page), selected == Tab::read, !exists));
  tabs.push_back(tab(ctx, exists ? "web-tab-edit" : "web-tab-create",
                     urls.page(page, "action=edit"), selected == Tab::edit, false));
  if (exists) {
    tabs.push_back(tab(ctx, "web-tab-history", urls.page(page, "action=history"),
                       selected == Tab::history, false));
  }
  if (page.ns != engine::Namespace::category) {
    const bool on_talk = page.ns == engine::Namespace::talk;
    const engine::Title other = on_talk ? engine::subject_page_of(page) : engine::talk_page_of(page);
    tabs.push_back(tab(ctx, on_talk ? "web-tab-article" : "web-tab-talk", urls.page(other), false,
                       !wiki.exists(ctx.ed(), other)));
  }
  if (selected == Tab::links) {
    tabs.push_back(tab(ctx, "web-tab-links", links_url(ctx, page), true, false));
  }
  if (exists && wiki.may_edit(ctx.actor, ctx.ed(), page, /*move=*/true)) {
    tabs.push_back(tab(ctx, "web-tab-move", urls.page(page, "action=move"), selected == Tab::move,
                       false));
  }
  return tabs;
}

// Links to the same subject in other editions of this server; languages it does not host are
// left out rather than sent off-site.
std::vector<TemplateData> other_languages(const HtmlContext& ctx,
                                          const std::vector<engine::LangLink>& langlinks) {
  std::vector<TemplateData> items;
  for (const auto& link : langlinks) {
    const auto edition = ctx.wiki().edition(link.lang);
    if (!edition) continue;
    const auto title = ctx.wiki().parse_title(*edition, link.title);
    if (!title.ok()) continue;
    items.push_back(TemplateData()
                        .set("url", Urls(*edition, ctx.uselang).page(title.value()))
                        .set("lang", edition->lang)
                        .set("dir", edition->dir)
                        .set("language", autonym(edition->lang))
                        .set("title", engine::full_title(title.value(), edition->names)));
  }
  return items;
}

std::vector<TemplateData> category_links(const HtmlContext& ctx,
                                         const std::vector<std::string>& categories) {
  std::vector<TemplateData> items;
  const Urls urls(ctx.ed(), ctx.uselang);
  for (const auto& name : categories) {
    const engine::Title title{engine::Namespace::category, name};
    items.push_back(TemplateData()
                        .set("name", name)
                        .set("url", urls.page(title))
                        .set("new", !ctx.wiki().exists(ctx.ed(), title)));
  }
  return items;
}

// The path as it came, re-encoded (httplib hands it over decoded), and never "//host": a link
// that leaves the site.
std::string encoded_path(std::string_view path) {
  while (path.starts_with("//")) path.remove_prefix(1);
  std::string out;
  for (std::size_t slash; (slash = path.find('/')) != std::string_view::npos;) {
    out += i18n::percent_encoded(path.substr(0, slash), i18n::UrlPart::component) + '/';
    path.remove_prefix(slash + 1);
  }
  return out + i18n::percent_encoded(path, i18n::UrlPart::component);
}

std::vector<TemplateData> interface_languages(const HtmlContext& ctx) {
  std::vector<TemplateData> items;
  for (const auto& lang : i18n::Messages::builtin().languages()) {
    items.push_back(TemplateData()
                        .set("url", with_query(encoded_path(ctx.path), "", lang))
                        .set("lang", lang)
                        .set("label", autonym(lang))
                        .set("current", lang == ctx.ui_lang));
  }
  return items;
}

// "Log in" (coming back to this page) for readers; the user's name and "Log out" (a POST with
// the session's CSRF token, so another site cannot log a pupil out) once logged in.
void add_user_chrome(TemplateData& data, const HtmlContext& ctx) {
  const Urls urls(ctx.ed(), ctx.uselang);
  if (!ctx.session) {
    const std::string here = encoded_path(ctx.path);
    data.set("login_url",
             urls.special("login", "returnto=" + i18n::percent_encoded(here, i18n::UrlPart::component)));
    return;
  }
  data.set("logged_in", true)
      .set("logged_in_as", ctx.msg("login-logged-in-as", {{"name", ctx.session->user().name}}))
      .set("logout_url", urls.special("logout"))
      .set("csrf_token", ctx.session->csrf_token);
  add_notification_chrome(data, ctx);
  add_review_chrome(data, ctx);
  add_classes_chrome(data, ctx);
}

void add_edition_chrome(TemplateData& data, const HtmlContext& ctx, const Chrome& chrome) {
  const Urls urls(ctx.ed(), ctx.uselang);
  data.set("has_edition", true)
      .set("content_lang", ctx.ed().lang)
      .set("content_dir", ctx.ed().dir)
      .set("nav_main_url", urls.main_page())
      .set("nav_recent_url", urls.special("recent"))
      .set("nav_all_url", urls.special("all"))
      .set("nav_random_url", urls.special("random"))
      .set("script_url", std::string(kSearchScript))
      // A GET form drops its action's query string: uselang travels as a hidden field.
      .set("search_action", "/" + ctx.ed().lang + "/special/search")
      .set("suggest_url", "/api/v1/" + ctx.ed().lang + "/suggest")
      .set("wiki_url", "/" + ctx.ed().lang + "/wiki/")
      .set("has_uselang", !ctx.uselang.empty())
      .set("uselang", ctx.uselang)
      .set("has_categories", !chrome.categories.empty())
      .set("categories", category_links(ctx, chrome.categories));
  auto langlinks = other_languages(ctx, chrome.langlinks);
  data.set("has_langlinks", !langlinks.empty()).set("langlinks", std::move(langlinks));
  if (chrome.page) {
    data.set("has_tabs", true)
        .set("tabs", page_tabs(ctx, *chrome.page, chrome.tab))
        .set("links_url", links_url(ctx, *chrome.page))
        .set("has_page_tools", chrome.tab != Tab::links);
    add_watch_chrome(data, ctx, *chrome.page);
  }
  add_user_chrome(data, ctx);
}

std::vector<TemplateData> edition_list(const HtmlContext& ctx) {
  std::vector<TemplateData> items;
  for (const auto& edition : ctx.wiki().editions()) {
    items.push_back(TemplateData()
                        .set("url", Urls(edition, ctx.uselang).main_page())
                        .set("lang", edition.lang)
                        .set("dir", edition.dir)
                        .set("name", edition.name));
  }
  return items;
}

}  // namespace

void heading_with(Chrome& chrome, const HtmlContext& ctx, std::string_view id,
                  const std::string& arg_name, const std::string& arg, i18n::MessageArgs more) {
  more.emplace_back(arg_name, arg);
  chrome.heading = ctx.msg(id, more);
  more.pop_back();
  auto [before, after] = ctx.msg_around(id, arg_name, more);
  // A heading that does not show its argument (qqx shows ids only) is left whole.
  if (before + arg + after != chrome.heading) return;
  chrome.isolated = IsolatedHeading{std::move(before), arg, std::move(after)};
}

void send_html(httplib::Response& res, const HtmlContext& ctx, const Chrome& chrome,
               std::string_view page, TemplateData data, int status) {
  data.set("html_lang", ctx.ui_lang)
      .set("html_dir", text_direction(ctx.ui_lang))
      .set("heading", chrome.heading)
      .set("heading_isolated", chrome.isolated.has_value())
      .set("heading_before", chrome.isolated ? chrome.isolated->before : "")
      .set("heading_arg", chrome.isolated ? chrome.isolated->arg : "")
      .set("heading_after", chrome.isolated ? chrome.isolated->after : "")
      .set("head_title", ctx.msg("web-head-title", {{"page", chrome.heading}}))
      .set("stylesheet_url", std::string(kStylesheet))
      .set("noindex", chrome.noindex)
      .set("interface_languages", interface_languages(ctx))
      .set("editions", edition_list(ctx));
  if (ctx.edition != nullptr) add_edition_chrome(data, ctx, chrome);
  res.status = status;
  res.set_header("Content-Language", ctx.ui_lang);
  // A logged-in page holds the user's name and CSRF token: no browser or proxy may keep it.
  if (ctx.session && !res.has_header("Cache-Control")) res.set_header("Cache-Control", "no-store");
  res.set_content(render_page(page, data, ctx.ui_lang), "text/html; charset=utf-8");
}

void send_html_error(httplib::Response& res, const HtmlContext& ctx, int status,
                     const std::string& heading, const std::string& message) {
  Chrome chrome;
  chrome.heading = heading;
  chrome.noindex = true;
  send_html(res, ctx, chrome, "error", TemplateData().set("error_message", message), status);
}

void send_engine_error(httplib::Response& res, const HtmlContext& ctx, const engine::Error& error) {
  set_retry_after(res, error);
  // A refusal is not a breakdown: "Not allowed" over it, not "Something went wrong" (a pupil who
  // opened a page move read the latter as the wiki being broken).
  const bool refused = error.code == engine::ErrorCode::forbidden ||
                       error.code == engine::ErrorCode::not_logged_in;
  send_html_error(res, ctx, http_status(error.code),
                  ctx.msg(refused ? "access-heading" : "web-error-heading"),
                  ctx.msg(error.message_id, error.args));
}

}  // namespace kidwiki::web
