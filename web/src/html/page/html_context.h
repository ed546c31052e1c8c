// What every HTML handler knows about the request it answers.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <httplib.h>

#include "engine/wiki.h"
#include "i18n/messages.h"
#include "http/web_context.h"

namespace kidwiki::web {

struct HtmlContext {
  WebContext& web;
  const engine::Edition* edition = nullptr;  // null on pages outside any edition
  std::string ui_lang;                       // the interface language
  std::string uselang;  // the ?uselang= the reader chose (a valid language), kept in links; or empty
  std::string path;     // the request's path, for the interface language switch
  std::optional<engine::SessionInfo> session;  // the logged-in user's session, if any
  engine::Actor actor = engine::Actor::reader();  // who asks the engine: the session's, or a reader

  engine::Wiki& wiki() const { return web.wiki; }
  // The interface message `id` in ui_lang.
  std::string msg(std::string_view id, const i18n::MessageArgs& args = {}) const;
  // The message `id` cut where its argument `arg` goes, so that a template can put a link there
  // and escape both halves. When the message does not use `arg` (qqx), `after` is empty.
  std::pair<std::string, std::string> msg_around(std::string_view id, const std::string& arg,
                                                 i18n::MessageArgs args = {}) const;
  // Precondition: edition != nullptr.
  const engine::Edition& ed() const { return *edition; }
};

// `edition` (may be null) must outlive the context.
HtmlContext make_html_context(const httplib::Request& req, WebContext& web,
                              const engine::Edition* edition);

}  // namespace kidwiki::web
