// Helpers for the HTML interface's tests: form posts as browsers send them, and the interface's
// own strings as they appear in a page.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <httplib.h>

#include "i18n/messages.h"

namespace kidwiki::web::testing {

using FormFields = std::vector<std::pair<std::string, std::string>>;

// POSTs `fields` as multipart/form-data, as the interface's forms do.
inline httplib::Result post_form(httplib::Client& client, const std::string& path,
                                 const FormFields& fields) {
  httplib::MultipartFormDataItems items;
  for (const auto& [name, value] : fields) items.push_back({name, value, "", ""});
  return client.Post(path.c_str(), items);
}

// `text` escaped as the templates escape it.
inline std::string html_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

// The message `id` in `lang`, escaped as it appears in a page.
inline std::string page_msg(std::string_view lang, std::string_view id,
                            const i18n::MessageArgs& args = {}) {
  return html_escaped(i18n::Messages::builtin().format(lang, id, args));
}

// The page's <h1> for the message `id` whose argument `arg_name` (a title or a name) is isolated in
// a <bdi>, as Chrome's heading_with() shows it.
inline std::string heading_html(std::string_view lang, std::string_view id,
                                const std::string& arg_name, const std::string& arg) {
  const std::string marker = "\x01";
  const std::string text = i18n::Messages::builtin().format(lang, id, {{arg_name, marker}});
  const auto at = text.find(marker);
  return "<h1 class=\"page-heading\">" + html_escaped(text.substr(0, at)) + "<bdi>" +
         html_escaped(arg) + "</bdi>" + html_escaped(text.substr(at + marker.size())) + "</h1>";
}

// The layout's one script, the search box's autocomplete served by kidwiki itself.
inline constexpr std::string_view kOwnScript = "<script src=\"/static/search.js\" defer></script>";

// The edit page's own scripts (drafts, toolbar, live preview), also kidwiki's.
inline constexpr std::string_view kEditorScripts[] = {
    "<script src=\"/static/editor.js\" defer></script>",
    "<script src=\"/static/toolbar.js\" defer></script>",
    "<script src=\"/static/picture_panel.js\" defer></script>",
    "<script src=\"/static/live_preview.js\" defer></script>",
};

// `body` without kidwiki's own scripts, for checks that a page holds no other script.
inline std::string without_own_script(std::string body) {
  auto erase_all = [&body](std::string_view script) {
    for (auto at = body.find(script); at != std::string::npos; at = body.find(script)) {
      body.erase(at, script.size());
    }
  };
  erase_all(kOwnScript);
  for (std::string_view script : kEditorScripts) erase_all(script);
  return body;
}

inline bool has(const std::string& body, std::string_view needle) {
  return body.find(needle) != std::string::npos;
}

// Decodes %XX escapes (for comparing addresses however a client spells them).
inline std::string url_decoded(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size()) {
      out += static_cast<char>(std::stoi(std::string(text.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The text between the first `open` and the next `close` after it ("" when absent).
inline std::string between(const std::string& body, std::string_view open, std::string_view close) {
  const auto start = body.find(open);
  if (start == std::string::npos) return "";
  const auto from = start + open.size();
  const auto end = body.find(close, from);
  return end == std::string::npos ? "" : body.substr(from, end - from);
}

// The edit form's textarea's content, as the browser will read it (one leading newline dropped).
inline std::string textbox_of(const std::string& body) {
  const std::string inner = between(body, "name=\"wpTextbox\"", "</textarea>");
  const auto start = inner.find(">\n");
  return start == std::string::npos ? "" : inner.substr(start + 2);
}

}  // namespace kidwiki::web::testing
