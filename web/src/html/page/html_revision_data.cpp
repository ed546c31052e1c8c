#include "html/page/html_revision_data.h"

#include "html/moderation/html_moderation.h"
#include "html/page/html_urls.h"
#include "i18n/relative_time.h"

#include <ctime>

namespace kidwiki::web {
namespace {

std::string delta_class(std::int64_t delta) {
  if (delta > 0) return "positive";
  return delta < 0 ? "negative" : "zero";
}

// How long a text is, in words a child reads ("a short text"); the bytes stay in a tooltip for
// the adults who compare versions.
std::string size_class(std::int64_t bytes) {
  if (bytes < 300) return "tiny";
  if (bytes < 1500) return "short";
  if (bytes < 6000) return "medium";
  if (bytes < 15000) return "long";
  return "huge";
}

}  // namespace

std::string readable_time(const HtmlContext& ctx, const std::string& timestamp) {
  if (auto recent = i18n::relative_time(ctx.ui_lang, timestamp, std::time(nullptr))) {
    return *recent;
  }
  return ctx.msg("web-time", {{"time", timestamp}});
}

TemplateData revision_data(const HtmlContext& ctx, const engine::RevisionInfo& info) {
  const Urls urls(ctx.ed(), ctx.uselang);
  const i18n::MessageArgs delta_args = {{"count", info.size_delta}};
  TemplateData data;
  data.set("id", info.id)
      .set("timestamp", info.timestamp)
      .set("time", readable_time(ctx, info.timestamp))
      .set("author", info.author)
      .set("summary", info.summary)
      .set("has_summary", !info.summary.empty())
      .set("size", ctx.msg("web-size-class", {{"size", size_class(info.size)}}))
      .set("size_exact", ctx.msg("web-size-bytes", {{"count", info.size}}))
      .set("delta", ctx.msg(info.size_delta > 0 ? "web-size-delta-plus" : "web-size-delta",
                            delta_args))
      .set("delta_class", delta_class(info.size_delta))
      .set("title", engine::full_title(info.title, ctx.ed().names))
      .set("page_url", urls.page(info.title))
      .set("view_url", urls.page(info.title, "oldid", info.id))
      .set("history_url", urls.page(info.title, "action=history"))
      .set("has_parent", info.parent_id.has_value())
      // Set on every revision, false included: a missing key would be looked up around it.
      .set("author_url", false);
  if (info.author_id) data.set("author_url", urls.contributions(info.author));
  if (info.parent_id) {
    data.set("prev_diff_url", urls.page(info.title, "diff=" + std::to_string(info.id) +
                                                        "&oldid=" + std::to_string(*info.parent_id)));
  }
  add_hidden_marks(data, ctx, info);
  return data;
}

}  // namespace kidwiki::web
