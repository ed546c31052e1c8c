// Discussions on talk pages: the "New topic" form under a talk page, the reply forms that
// web/static/talk.js opens under each signed comment, and the POST both send
// (?action=comment). The engine signs and places the comment (Wiki::add_comment); a refusal
// shows the form again with every word the person typed.
#include "html/edit/html_talk.h"

#include "actions/edit_access.h"
#include "html/page/html_layout.h"
#include "html/page/html_pages.h"
#include "html/page/html_urls.h"
#include "http/access.h"
#include "http/error_status.h"
#include "http/form_fields.h"

namespace kidwiki::web {
namespace {

void send_form_again(const Call& call, const WikiPage& page, const Caller& caller,
                     const engine::TalkPost& post, const engine::Error& error) {
  const HtmlContext& ctx = page.ctx;
  TemplateData data;
  data.set("error_message", ctx.msg(error.message_id, error.args))
      .set("action_url", Urls(ctx.ed(), ctx.uselang).page(page.title, "action=comment"))
      .set("is_reply", !post.reply_to.empty())
      .set("reply_to", post.reply_to)
      .set("replying_to", post.reply_to.substr(0, post.reply_to.find('\n')))
      .set("subject", post.subject)
      .set("text", post.text)
      .set("csrf_token", caller.session ? caller.session->csrf_token : std::string());
  Chrome chrome;
  heading_with(chrome, ctx, "talk-form-heading", "title",
               engine::full_title(page.title, ctx.ed().names));
  chrome.page = page.title;
  chrome.noindex = true;
  send_html(call.res, ctx, chrome, "talk_comment", std::move(data), http_status(error.code));
}

}  // namespace

void add_talk_form(TemplateData& data, const HtmlContext& ctx, const engine::Title& title) {
  if (title.ns != engine::Namespace::talk || !ctx.session) return;
  data.set("talk_action_url", Urls(ctx.ed(), ctx.uselang).page(title, "action=comment"));
}

void submit_comment(const Call& call) {
  auto caller = require(call.req, call.res, call.web, engine::Action::edit);
  if (!caller) return;
  auto page = wiki_page(call);
  if (!page) return;
  engine::TalkPost post{form_field(call.req, "wpSubject"), form_field(call.req, "wpReplyTo"),
                        form_field(call.req, "wpText")};
  auto allowed = authorize_edit(call.req, call.web, *caller, call.ed(), page->title);
  if (!allowed) return send_form_again(call, *page, *caller, post, allowed.error());
  auto saved = call.web.wiki.add_comment(caller->actor, call.ed(), page->title, post);
  if (!saved) return send_form_again(call, *page, *caller, post, saved.error());
  see_other(call.res, Urls(call.ed(), page->ctx.uselang).page(page->title));
}

}  // namespace kidwiki::web
