#include "api/api_render.h"

#include <cctype>
#include "http/call.h"

#include "actions/preview_limit.h"
#include "http/access.h"
#include "api/api_response.h"
#include "http/json_body.h"
#include "http/request_language.h"
#include "engine/writing_help.h"
#include "i18n/text.h"

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

namespace {

// The Markdown form of the route: `Content-Type: text/markdown`, the edition in `?lang=`.
bool is_markdown_request(const httplib::Request& req) {
  const std::string type = req.get_header_value("Content-Type");
  constexpr std::string_view kMarkdown = "text/markdown";
  if (type.size() < kMarkdown.size()) return false;
  for (std::size_t i = 0; i < kMarkdown.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(type[i])) != kMarkdown[i]) return false;
  }
  return type.size() == kMarkdown.size() || type[kMarkdown.size()] == ';';
}

struct Preview {
  engine::Edition edition;
  engine::RenderResult rendered;
};

engine::Result<Preview> preview_of(const Call& call, const Caller& caller, const std::string& lang,
                                   const std::string& markdown) {
  auto edition = call.web.wiki.edition(lang);
  if (!edition) {
    return engine::make_error(engine::ErrorCode::not_found, "api-error-no-edition",
                              {{"lang", lang}});
  }
  auto rendered = call.web.wiki.preview(caller.actor, *edition, markdown);
  if (!rendered) return rendered.error();
  return Preview{*edition, std::move(rendered.value())};
}

// Markdown in, the HTML alone out: on a long text, the JSON form's escaping of every quote of the
// HTML and parsing of the Markdown are a fifth of the route (docs/performance.md, "The preview
// route against cmark"). No writing help: it needs the JSON form.
void render_markdown_body(const Call& call, const Caller& caller) {
  const httplib::Request& req = call.req;
  if (!i18n::is_valid_utf8(req.body)) {
    return send_api_error(
        req, call.res,
        engine::make_error(engine::ErrorCode::invalid_input, "api-error-body-not-utf8"), nullptr);
  }
  const std::string lang = req.get_param_value("lang");
  if (lang.empty()) {
    return send_api_error(req, call.res,
                          engine::make_error(engine::ErrorCode::invalid_input,
                                             "api-error-missing-field", {{"field", "lang"}}),
                          nullptr);
  }
  auto preview = preview_of(call, caller, lang, req.body);
  if (!preview) {
    auto edition = call.web.wiki.edition(lang);
    return send_api_error(req, call.res, preview.error(), edition ? &*edition : nullptr);
  }
  call.res.status = 200;
  call.res.set_content(call.web.wiki.assemble(preview->edition, preview->rendered.html),
                       "text/html; charset=utf-8");
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
  if (is_markdown_request(req)) return render_markdown_body(call, caller);
  auto body = parse_json_object(req);
  if (!body) return send_api_error(req, res, body.error(), nullptr);
  auto lang = string_field(body.value(), "lang");
  if (!lang) return send_api_error(req, res, lang.error(), nullptr);
  auto markdown = string_field(body.value(), "markdown");
  if (!markdown) return send_api_error(req, res, markdown.error(), nullptr);
  auto preview = preview_of(call, caller, lang.value(), markdown.value());
  if (!preview) {
    auto edition = ctx.wiki.edition(lang.value());
    return send_api_error(req, res, preview.error(), edition ? &*edition : nullptr);
  }
  nlohmann::json answer = {{"html", ctx.wiki.assemble(preview->edition, preview->rendered.html)}};
  // The writing help, for the editor's panel: advice only, never a refusal.
  if (auto wanted = body.value().find("advice"); wanted != body.value().end() && *wanted == true) {
    answer["advice"] = advice_json(engine::writing_advice(preview->rendered, preview->edition.lang),
                                   interface_language(req, &preview->edition));
  }
  send_json(res, 200, answer);
}

}  // namespace kidwiki::web
