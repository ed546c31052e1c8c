#include "actions/class_actions.h"

#include "http/query_params.h"
#include "i18n/messages.h"

namespace kidwiki::web {

engine::Result<engine::SchoolClass> class_from_path(WebContext& ctx, const Caller& caller,
                                                    const std::string& raw_id) {
  auto id = path_id(raw_id);
  if (!id) return id.error();
  return ctx.wiki.classes().get(caller.actor, id.value());
}

engine::Error name_refusal(const engine::Error& error, const std::string& lang) {
  for (const auto& [key, value] : error.args) {
    if (key != "name") continue;
    const auto* name = std::get_if<std::string>(&value);
    if (!name) break;
    std::string reason = i18n::Messages::builtin().format(lang, error.message_id, error.args);
    return engine::make_error(error.code, "classes-error-pupil-name",
                              {{"name", *name}, {"reason", reason}});
  }
  return error;
}

}  // namespace kidwiki::web
