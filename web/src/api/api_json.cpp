#include "api/api_json.h"

#include "web/server.h"

namespace kidwiki::web {

namespace {

using nlohmann::json;

std::string_view diff_row_kind_name(engine::DiffRowKind kind) {
  switch (kind) {
    case engine::DiffRowKind::context: return "context";
    case engine::DiffRowKind::removed: return "removed";
    case engine::DiffRowKind::added: return "added";
    case engine::DiffRowKind::changed: return "changed";
    case engine::DiffRowKind::gap: return "gap";
  }
  return "context";
}

json segments_json(const std::vector<engine::DiffSegment>& segments) {
  json out = json::array();
  for (const auto& segment : segments) {
    json piece = {{"text", segment.text}, {"changed", segment.changed}};
    if (segment.held) piece["held"] = true;  // only in a review's diff: words a filter holds
    out.push_back(std::move(piece));
  }
  return out;
}

json langlinks_json(const std::vector<engine::LangLink>& links) {
  json out = json::array();
  for (const auto& link : links) out.push_back({{"lang", link.lang}, {"title", link.title}});
  return out;
}

}  // namespace

std::string_view save_status_name(engine::SaveStatus status) {
  switch (status) {
    case engine::SaveStatus::created: return "created";
    case engine::SaveStatus::saved: return "saved";
    case engine::SaveStatus::merged: return "merged";
    case engine::SaveStatus::null_edit: return "null_edit";
  }
  return "saved";
}

json save_outcome_json(const engine::SaveOutcome& outcome) {
  // A pupil's save says "pending" first: what matters to them is that it waits for review.
  const bool pending = outcome.review == engine::ReviewState::pending;
  return {{"revision_id", outcome.revision_id},
          {"status", pending ? std::string_view("pending") : save_status_name(outcome.status)},
          {"saved", save_status_name(outcome.status)},
          {"review", engine::review_state_name(outcome.review)}};
}

json findings_json(const std::vector<engine::FilterFinding>& findings) {
  json out = json::array();
  for (const auto& f : findings) {
    out.push_back({{"field", f.field}, {"start", f.start}, {"length", f.length},
                   {"excerpt", f.excerpt}, {"rule", f.rule}});
  }
  return out;
}

json revision_info_json(const engine::RevisionInfo& info) {
  return {{"id", info.id},
          {"parent_id", info.parent_id ? json(*info.parent_id) : json(nullptr)},
          {"author", info.author},
          {"timestamp", info.timestamp},
          {"summary", info.summary},
          {"size", info.size},
          {"size_delta", info.size_delta},
          {"review", engine::review_state_name(info.review)},
          {"hidden", info.hidden}};
}

json file_json(const engine::FileInfo& file) {
  json sizes = json::object();
  for (const int width : engine::kPictureWidths) {
    if (width < file.width) sizes[std::to_string(width)] = media_address(file, width);
  }
  return {{"sha256", file.sha256},   {"format", file.format}, {"width", file.width},
          {"height", file.height},   {"bytes", file.bytes},   {"licence", file.licence},
          {"author", file.author},   {"source", file.source}, {"url", media_address(file, 0)},
          {"sizes", std::move(sizes)}};
}

json page_view_json(const engine::PageView& view, const engine::Edition& edition) {
  json out = {{"title", engine::full_title(view.title, edition.names)},
              {"revision_id", view.revision.id},
              {"markdown", view.markdown},
              {"html", view.html},
              {"categories", view.categories},
              {"langlinks", langlinks_json(view.langlinks)}};
  if (view.redirected_from) {
    out["redirected_from"] = engine::full_title(*view.redirected_from, edition.names);
  }
  if (view.redirect_target) {
    out["redirect_target"] = engine::full_title(*view.redirect_target, edition.names);
  }
  if (view.file) out["file"] = file_json(*view.file);
  return out;
}

json diff_json(const engine::DiffResult& diff, std::int64_t from, std::int64_t to) {
  json rows = json::array();
  for (const auto& row : diff.rows) {
    rows.push_back({{"kind", diff_row_kind_name(row.kind)},
                    {"left_line", row.left_line},
                    {"right_line", row.right_line},
                    {"left", segments_json(row.left)},
                    {"right", segments_json(row.right)}});
  }
  return {{"from", from},
          {"to", to},
          {"lines_added", diff.lines_added},
          {"lines_removed", diff.lines_removed},
          {"rows", std::move(rows)}};
}

json page_list_json(const std::vector<engine::PageListEntry>& pages,
                    const engine::Edition& edition) {
  json out = json::array();
  for (const auto& page : pages) {
    out.push_back({{"title", engine::full_title(page.title, edition.names)},
                   {"redirect", page.is_redirect}});
  }
  return {{"pages", std::move(out)}};
}

}  // namespace kidwiki::web
