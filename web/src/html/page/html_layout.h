// The frame around every HTML page: header, navigation, page tabs, other languages, categories
// and footer (web/templates/layout.mustache).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <httplib.h>

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"

namespace kidwiki::web {

enum class Tab { none, read, edit, history, links, move };

// The <h1> around a title or name, which is isolated in a <bdi>: an Arabic title in an English
// sentence, or a Latin name in an Arabic one, would otherwise reorder the words around it.
struct IsolatedHeading {
  std::string before, arg, after;
};

struct Chrome {
  std::string heading;                    // the page's <h1> and <title>
  std::optional<IsolatedHeading> isolated;  // when set, the <h1> as three parts (heading_with)
  std::optional<engine::Title> page;      // the page whose tabs are shown (needs an edition)
  Tab tab = Tab::none;                    // the selected tab
  std::vector<engine::LangLink> langlinks;
  std::vector<std::string> categories;    // category names without the prefix
  bool noindex = false;                   // forms, old revisions and diffs stay out of search engines
};

// The message `id` as the heading, with `arg` (a title or a name) isolated for bidi.
void heading_with(Chrome& chrome, const HtmlContext& ctx, std::string_view id,
                  const std::string& arg_name, const std::string& arg, i18n::MessageArgs more = {});

// Renders `page` (a template name) with `data` inside the layout and answers it with `status`.
void send_html(httplib::Response& res, const HtmlContext& ctx, const Chrome& chrome,
               std::string_view page, TemplateData data, int status = 200);

// An error page: the message `message` (already in ctx.ui_lang) under `heading`.
void send_html_error(httplib::Response& res, const HtmlContext& ctx, int status,
                     const std::string& heading, const std::string& message);

// An engine error as a page, with its HTTP status.
void send_engine_error(httplib::Response& res, const HtmlContext& ctx, const engine::Error& error);

}  // namespace kidwiki::web
