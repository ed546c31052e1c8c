#include "api/api_render.h"
#include "http/call.h"

#include "actions/preview_limit.h"
#include "http/access.h"
#include "api/api_response.h"
#include "http/json_body.h"
#include "http/request_language.h"
#include "engine/writing_help.h"

namespace kidwiki::web {
namespace {

// The writing help as a client shows it: each piece of advice with its message in the interface
// language, and the parts it names (docs/api.md, "advice").
nlohmann::json advice_json(const engine::WritingAdvice& advice, const std::string& lang) {
  const auto& messages = i18n::Messages::builtin();
  nlohmann::json items = nlohmann::json::array();
  if (advice.long_sentence_count > 0) {
    nlohmann::json starts = nlohmann::json::array();
    for (const auto& s : advice.long_sentences) starts.push_back({{"start", s.start}, {"words", s.words}});
    items.push_back({{"kind", "long_sentences"},
                     {"message", messages.format(lang, "writing-help-long-sentences",
                                                 {{"count", std::int64_t{advice.long_sentence_count}},
                                                  {"limit", std::int64_t{engine::kLongSentenceWords}}})},
                     {"sentences", starts}});
  }
  if (!advice.rare_words.empty()) {
    items.push_back({{"kind", "rare_words"},
                     {"message", messages.format(lang, "writing-help-rare-words",
                                                 {{"count", static_cast<std::int64_t>(advice.rare_words.size())}})},
                     {"words", advice.rare_words}});
  }
  if (advice.sources_missing) {
    items.push_back({{"kind", "sources_missing"},
                     {"message", messages.format(lang, "writing-help-sources")}});
  }
  if (items.empty() && advice.words > 0) {
    items.push_back({{"kind", "all_good"}, {"message", messages.format(lang, "writing-help-all-good")}});
  }
  return {{"sentences", advice.sentences},
          {"words", advice.words},
          {"summary", messages.format(lang, "writing-help-counts",
                                      {{"words", std::int64_t{advice.words}},
                                       {"sentences", std::int64_t{advice.sentences}}})},
          {"rare_words_checked", advice.rare_words_checked},
          {"items", items}};
}

}  // namespace

void api_render(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  WebContext& ctx = call.web;
  // Before the body is parsed: a flood of previews costs no more than its refusals.
  const Caller caller = caller_of(req, ctx);
  if (auto allowed = allow_preview(req, ctx, caller); !allowed) {
    return send_api_error(req, res, allowed.error(), nullptr);
  }
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto lang = string_field(body.value(), "lang");
  if (!lang) return send_api_error(req, res, lang.error(), nullptr);
  auto markdown = string_field(body.value(), "markdown");
  if (!markdown) return send_api_error(req, res, markdown.error(), nullptr);
  auto edition = ctx.wiki.edition(lang.value());
  if (!edition) {
    return send_api_error(
        req, res,
        engine::make_error(engine::ErrorCode::not_found, "api-error-no-edition",
                           {{"lang", lang.value()}}),
        nullptr);
  }
  auto rendered = ctx.wiki.preview(caller.actor, *edition, markdown.value());
  if (!rendered) return send_api_error(req, res, rendered.error(), &*edition);
  nlohmann::json answer = {{"html", ctx.wiki.assemble(*edition, rendered->html)}};
  // The writing help, for the editor's panel: advice only, never a refusal.
  if (auto wanted = body.value().find("advice"); wanted != body.value().end() && *wanted == true) {
    answer["advice"] = advice_json(engine::writing_advice(rendered.value(), edition->lang),
                                   interface_language(req, &*edition));
  }
  send_json(res, 200, answer);
}

}  // namespace kidwiki::web
