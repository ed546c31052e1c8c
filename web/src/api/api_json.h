// The engine's values as the JSON API shows them (docs/api.md describes each shape).
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "engine/wiki.h"

namespace kidwiki::web {

// "created", "saved", "merged" or "null_edit".
std::string_view save_status_name(engine::SaveStatus status);

// {revision_id, status}
nlohmann::json save_outcome_json(const engine::SaveOutcome& outcome);
// [{field, start, length, excerpt, rule}]: where the writer typed what a filter found
// (docs/api.md, "refused" and "held").
nlohmann::json findings_json(const std::vector<engine::FilterFinding>& findings);

// {id, parent_id (null for a first revision), author, timestamp, summary, size, size_delta}
nlohmann::json revision_info_json(const engine::RevisionInfo& info);

// {title, revision_id, markdown, html, categories, langlinks, redirected_from?, redirect_target?}
// A picture: its size, credits, and the addresses of the image and of its resized copies.
nlohmann::json file_json(const engine::FileInfo& file);

nlohmann::json page_view_json(const engine::PageView& view, const engine::Edition& edition);

// {from, to, lines_added, lines_removed, rows: [{kind, left_line, right_line, left, right}]}
nlohmann::json diff_json(const engine::DiffResult& diff, std::int64_t from, std::int64_t to);

// {pages: [{title, redirect}]}
nlohmann::json page_list_json(const std::vector<engine::PageListEntry>& pages,
                              const engine::Edition& edition);

}  // namespace kidwiki::web
