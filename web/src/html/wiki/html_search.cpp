// /special/search?q=&offset=&category=[&nocorrect=1]: the results page, with the search box, the
// spelling help and, when nothing is found, kind help for a child.
#include <algorithm>

#include "http/error_status.h"
#include "i18n/escape.h"
#include "http/call.h"
#include "html/page/html_layout.h"
#include "html/page/html_specials.h"
#include "html/page/html_urls.h"
#include "i18n/text.h"
#include "http/query_params.h"
#include "search/search.h"

namespace kidwiki::web {
namespace {

constexpr int kPageSize = 20;
// The deepest offset the search module serves (search::SearchOptions::max_offset).
constexpr std::int64_t kMaxOffset = 1000;

// What the reader asked, as read from the query string.
struct Asked {
  std::string query;
  std::string category;
  int offset = 0;
  bool correct = true;  // false after "search for what I typed instead"
};

bool blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// The address of a search for `query` (the category kept), from `offset`.
std::string search_url(const HtmlContext& ctx, const Asked& asked, const std::string& query,
                       int offset, bool correct = true) {
  std::string params = "q=" + i18n::percent_encoded(query, i18n::UrlPart::component);
  if (!asked.category.empty()) {
    params += "&category=" + i18n::percent_encoded(asked.category, i18n::UrlPart::component);
  }
  if (offset > 0) params += "&offset=" + std::to_string(offset);
  if (!correct) params += "&nocorrect=1";
  return Urls(ctx.ed(), ctx.uselang).special("search", params);
}

// The search box of the page itself, filled with the query.
TemplateData box_data(const Asked& asked) {
  TemplateData data;
  data.set("query", asked.query)
      .set("has_category", !asked.category.empty())
      .set("category", asked.category);
  return data;
}

void send_search_page(httplib::Response& res, const HtmlContext& ctx, const Asked& asked,
                      TemplateData data, int status = 200) {
  Chrome chrome;
  chrome.heading = blank(asked.query)
                       ? ctx.msg("search-page-title")
                       : ctx.msg("search-page-title-query", {{"query", asked.query}});
  chrome.noindex = true;
  send_html(res, ctx, chrome, "search", std::move(data), status);
}

void send_refusal(httplib::Response& res, const HtmlContext& ctx, const Asked& asked,
                  const engine::Error& error) {
  TemplateData data = box_data(asked);
  data.set("has_error", true).set("error_message", ctx.msg(error.message_id, error.args));
  send_search_page(res, ctx, asked, std::move(data), http_status(error.code));
}

std::vector<TemplateData> hits_data(const HtmlContext& ctx,
                                    const std::vector<search::SearchHit>& hits) {
  const Urls urls(ctx.ed(), ctx.uselang);
  std::vector<TemplateData> items;
  for (const auto& hit : hits) {
    const auto title = ctx.wiki().parse_title(ctx.ed(), hit.title);
    if (!title.ok()) continue;  // the index holds only titles the wiki accepted
    // Invariant (search.h): snippet_html is escaped text whose only markup is <mark>.
    items.push_back(TemplateData()
                        .set("title", hit.title)
                        .set("url", urls.page(title.value()))
                        .set("snippet_html", hit.snippet_html));
  }
  return items;
}

// "Did you mean X?" and "Results for X. Search for Y instead", each message cut around its link.
void add_spelling(TemplateData& data, const HtmlContext& ctx, const Asked& asked,
                  const search::SearchResults& found) {
  if (found.suggestion) {
    const auto [before, after] = ctx.msg_around("search-did-you-mean", "suggestion");
    data.set("has_suggestion", true)
        .set("suggestion_before", before)
        .set("suggestion_after", after)
        .set("suggestion", *found.suggestion)
        .set("suggestion_url", search_url(ctx, asked, *found.suggestion, 0));
  }
  if (found.corrected) {
    const auto [before, after] = ctx.msg_around("search-corrected-results", "corrected");
    const auto [instead_before, instead_after] =
        ctx.msg_around("search-corrected-instead", "query");
    data.set("has_corrected", true)
        .set("corrected_before", before)
        .set("corrected_after", after)
        .set("corrected", *found.corrected)
        .set("instead_before", instead_before)
        .set("instead_after", instead_after)
        .set("instead_url", search_url(ctx, asked, asked.query, 0, false));
  }
}

// Help when nothing matches: the hints, and a link to write the article when the query can be a
// title that does not exist yet.
void add_nothing_found(TemplateData& data, const HtmlContext& ctx, const Asked& asked) {
  const auto [before, after] = ctx.msg_around("search-nothing-found", "query");
  data.set("nothing_found", true).set("nothing_before", before).set("nothing_after", after);
  const auto title = ctx.wiki().parse_title(ctx.ed(), asked.query);
  if (!title.ok() || ctx.wiki().exists(ctx.ed(), title.value())) return;
  const std::string full = engine::full_title(title.value(), ctx.ed().names);
  const auto [create_before, create_after] = ctx.msg_around("search-create-article", "title");
  data.set("has_create", true)
      .set("create_url", Urls(ctx.ed(), ctx.uselang).page(title.value(), "action=edit"))
      .set("create_before", create_before)
      .set("create_title", full)
      .set("create_after", create_after);
}

void add_paging(TemplateData& data, const HtmlContext& ctx, const Asked& asked,
                const search::SearchResults& found) {
  const bool has_previous = asked.offset > 0;
  const int next = asked.offset + static_cast<int>(found.results.size());
  const bool has_next = static_cast<int>(found.results.size()) == kPageSize &&
                        next < found.total_estimate && next <= kMaxOffset;
  const std::string query = found.corrected.value_or(asked.query);
  data.set("has_paging", has_previous || has_next)
      .set("has_previous", has_previous)
      .set("has_next", has_next);
  if (has_previous) {
    data.set("previous_url",
             search_url(ctx, asked, query, std::max(0, asked.offset - kPageSize), asked.correct));
  }
  if (has_next) data.set("next_url", search_url(ctx, asked, query, next, asked.correct));
}

void show_results(httplib::Response& res, const HtmlContext& ctx, const Asked& asked,
                  const search::SearchResults& found) {
  TemplateData data = box_data(asked);
  auto hits = hits_data(ctx, found.results);
  data.set("has_results", !hits.empty())
      .set("results_count", ctx.msg("search-results-count", {{"count", found.total_estimate}}))
      .set("results", std::move(hits));
  add_spelling(data, ctx, asked, found);
  if (found.index_incomplete) data.set("index_building", ctx.msg("search-index-building"));
  if (found.results.empty() && asked.offset == 0) add_nothing_found(data, ctx, asked);
  add_paging(data, ctx, asked, found);
  send_search_page(res, ctx, asked, std::move(data));
}

}  // namespace

void show_search(const Call& call) {
  const httplib::Request& req = call.req;
  httplib::Response& res = call.res;
  const HtmlContext ctx = make_html_context(call.req, call.web, call.edition);
  Asked asked{req.get_param_value("q"), req.get_param_value("category"), 0,
              req.get_param_value("nocorrect") != "1"};
  if (ctx.web.search == nullptr) {
    return send_refusal(res, ctx, asked,
                        engine::make_error(engine::ErrorCode::storage, "search-error-unavailable"));
  }
  // Unreadable bytes are never echoed into the page: refuse them with an empty box.
  if (!i18n::is_valid_utf8(asked.query) || !i18n::is_valid_utf8(asked.category)) {
    return send_refusal(
        res, ctx, Asked{},
        engine::make_error(engine::ErrorCode::invalid_input, "search-error-encoding"));
  }
  const auto offset = query_integer(req, "offset", 0, kMaxOffset);
  if (!offset) return send_refusal(res, ctx, asked, offset.error());
  asked.offset = static_cast<int>(offset->value_or(0));
  if (blank(asked.query)) return send_search_page(res, ctx, asked, box_data(asked));
  search::SearchRequest request{asked.query, kPageSize, asked.offset, asked.category,
                                asked.correct};
  const auto found = ctx.web.search->query(ctx.ed().lang, request);
  if (!found) return send_refusal(res, ctx, asked, found.error());
  show_results(res, ctx, asked, found.value());
}

}  // namespace kidwiki::web
