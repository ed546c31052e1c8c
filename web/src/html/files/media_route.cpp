// GET /media/{sha256}/{size}: a picture's bytes, {size} being "220.webp", "440.webp", "880.webp"
// or "full.jpg" (png, webp). The engine decides who may see them: a picture waiting for review
// only its author and their reviewers, as its page.
#include <fstream>
#include <iterator>

#include "html/files/html_files.h"
#include "http/access.h"
#include "http/call.h"
#include "http/entity_tag.h"
#include "i18n/messages.h"

namespace kidwiki::web {
namespace {

// The width {size} asks for: 0 for the image itself, -1 for an address that means nothing.
int requested_width(std::string_view size) {
  if (size.starts_with("full.")) return 0;
  for (const int width : engine::kPictureWidths) {
    if (size == std::to_string(width) + ".webp") return width;
  }
  return -1;
}

void not_found(const Call& call, std::string_view message_id) {
  call.res.status = 404;
  call.res.set_content(i18n::Messages::builtin().format("en", message_id), "text/plain; charset=utf-8");
}

}  // namespace

void serve_media(const Call& call) {
  const std::string& sha256 = call.param("sha256");
  const int width = requested_width(call.param("size"));
  if (width < 0) return not_found(call, "error-picture-not-found");
  auto media = call.web.wiki.media(caller_of(call.req, call.web).actor, sha256, width);
  if (!media) {
    call.res.status = media.error().code == engine::ErrorCode::forbidden ? 403 : 404;
    call.res.set_content(i18n::Messages::builtin().format("en", media.error().message_id),
                         "text/plain; charset=utf-8");
    return;
  }
  // The address names the bytes (their hash, their width): they never change, so a reader's
  // browser and a shared cache keep them a year. A picture still waiting for review is kept by
  // its author's and teacher's own browsers only.
  const std::string etag = "\"" + sha256 + "-" + std::to_string(width) + "\"";
  call.res.set_header("ETag", etag);
  call.res.set_header("Cache-Control", media->is_public ? "public, max-age=31536000, immutable"
                                                        : "private, max-age=0, must-revalidate");
  if (client_has(call.req, etag)) {
    call.res.status = 304;
    return;
  }
  std::ifstream in(media->path, std::ios::binary);
  if (!in) return not_found(call, "error-picture-not-found");
  std::string bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  call.res.set_content(std::move(bytes), media->content_type);
}

}  // namespace kidwiki::web
