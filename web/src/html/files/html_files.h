// Pictures in the HTML interface (issue 13, docs/media.md):
//   GET  /media/{sha256}/{size}      a picture's bytes (media_route.cpp)
//   GET  /{lang}/special/upload      the upload form (?title=Name.jpg for a given picture)
//   POST /{lang}/special/upload      sends it; 303 to the file page
// and, on a file page, the picture with its credits and the articles that show it.
#pragma once

#include "engine/wiki.h"
#include "html/page/html_context.h"
#include "html/page/html_template_data.h"
#include "http/call.h"

namespace kidwiki::web {

void serve_media(const Call& call);
void show_upload_form(const Call& call);
void submit_upload(const Call& call);

// The message that names a licence to a reader: "licence-cc-by-sa-4-0" for "cc-by-sa-4.0".
std::string licence_message_id(const std::string& licence);

// The picture of a file page `view` (or the offer to send one) and where it is used, as the
// "file" and "used_on" sections of article.mustache.
void add_file_section(TemplateData& data, const HtmlContext& ctx, const engine::PageView& view);

}  // namespace kidwiki::web
