// A side-by-side diff as template rows (web/templates/_diff_table.mustache).
#pragma once

#include <vector>

#include "engine/diff.h"
#include "html/page/html_template_data.h"

namespace kidwiki::web {

// One item per row. Keys: kind (context, removed, added, changed, gap), is_gap, left_line and
// right_line (empty for a side without a line), left and right (segments: text, changed).
std::vector<TemplateData> diff_rows(const engine::DiffResult& diff);

}  // namespace kidwiki::web
