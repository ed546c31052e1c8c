#include "http/access.h"
#include "html/classes/html_classes.h"
#include "html/page/html_urls.h"

namespace kidwiki::web {

void add_classes_chrome(TemplateData& data, const HtmlContext& ctx) {
  if (!ctx.session || ctx.edition == nullptr) return;
  const Urls urls(ctx.ed(), ctx.uselang);
  if (ctx.actor.may(engine::Action::manage_class)) data.set("classes_url", urls.special("classes"));
  if (ctx.actor.may(engine::Action::manage_accounts)) {
    data.set("users_url", urls.special("users"));
  }
  if (ctx.actor.may(engine::Action::configure_edition)) {
    data.set("editions_url", urls.special("editions"));
  }
}

}  // namespace kidwiki::web
