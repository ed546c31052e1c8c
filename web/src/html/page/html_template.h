// Server-side HTML from the mustache templates of web/templates, compiled into the binary.
#pragma once

#include <string>
#include <string_view>

#include "html/page/html_template_data.h"

namespace kidwiki::web {

// Renders layout.mustache around web/templates/<page>.mustache (the layout includes it as the
// partial {{>body}}), with `data` as the context of both.
// In every template:
//   {{key}}                    a value of `data`, HTML-escaped; {{{key}}} only for the engine's
//                              assembled article HTML
//   {{#msg}}web-id{{/msg}}     the message `web-id` in `ui_lang`, HTML-escaped
//   {{>_name}}                 the shared fragment web/templates/_name.mustache
// Precondition: `page` names an embedded template that parses; a missing or broken template is a
// bug in the program and throws std::logic_error.
std::string render_page(std::string_view page, const TemplateData& data, const std::string& ui_lang);


}  // namespace kidwiki::web
