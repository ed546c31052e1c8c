// What a revision's text says about the page beyond its HTML: its links, categories,
// interlanguage links and redirect target. Stored with each revision (column revision.meta, JSON)
// so that publishing an older revision (a revert, later an approval) rebuilds the link tables
// without parsing Markdown again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/render.h"
#include "engine/title.h"

namespace kidwiki::engine {

struct RevisionMeta {
  std::vector<Title> links;
  std::vector<std::string> categories;
  std::vector<LangLink> langlinks;
  std::optional<Title> redirect;
};

RevisionMeta meta_of(const RenderResult& render);
std::string encode_meta(const RevisionMeta& meta);
// Precondition: `json` came from encode_meta. An unreadable value gives an empty meta.
RevisionMeta decode_meta(const std::string& json);

}  // namespace kidwiki::engine
