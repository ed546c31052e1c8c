// Pictures: uploads, which are saves of a file page with a new image, and the images' bytes for
// those who may see them (engine/files.h, docs/media.md).
#include <algorithm>

#include "i18n/messages.h"
#include "i18n/text.h"
#include "media/image_cleaning.h"
#include "policy/revision_visibility.h"
#include "store/media_store.h"
#include "store/revision_lists.h"
#include "wiki/demo_content.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {
namespace {

constexpr std::size_t kMaxCreditBytes = 300;  // an author's name, a source's address

std::optional<Error> invalid_upload(const UploadRequest& r, const Title& title) {
  if (title.ns != Namespace::file || !has_picture_extension(title.text)) {
    return make_error(ErrorCode::invalid_title, "upload-error-bad-name");
  }
  if (!r.confirmed_nothing_personal) return make_error(ErrorCode::invalid_input, "upload-error-confirm");
  const auto& licences = picture_licences();
  if (!r.licence.empty() && std::find(licences.begin(), licences.end(), r.licence) == licences.end()) {
    return make_error(ErrorCode::invalid_input, "upload-error-licence");
  }
  for (const std::string* credit : {&r.author, &r.source}) {
    if (credit->size() > kMaxCreditBytes) {
      return make_error(ErrorCode::too_large, "upload-error-credit-too-long",
                        {{"limit", static_cast<std::int64_t>(kMaxCreditBytes)}});
    }
    if (!i18n::is_valid_utf8(*credit)) return make_error(ErrorCode::invalid_input, "error-text-invalid-utf8");
  }
  return std::nullopt;
}

bool is_sha256(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool is_picture_width(int width) {
  return width == 0 || std::find(std::begin(kPictureWidths), std::end(kPictureWidths), width) !=
                           std::end(kPictureWidths);
}

std::string format_name(media::ImageFormat format) {
  switch (format) {
    case media::ImageFormat::jpeg: return "jpeg";
    case media::ImageFormat::png: return "png";
    case media::ImageFormat::webp: return "webp";
  }
  return "png";
}

Error picture_not_found() { return make_error(ErrorCode::not_found, "error-picture-not-found"); }

}  // namespace

Result<FileInfo> WikiImpl::store_upload(const Actor& actor, const Edition& ed,
                                        const UploadRequest& request) {
  // The credits are published with the picture: the filter reads them as it reads a summary.
  if (auto refused = filter_line(ed, "author", request.author); !refused) return refused.error();
  if (auto refused = filter_line(ed, "source", request.source); !refused) return refused.error();
  return clean_and_store(actor, request);
}

Result<FileInfo> WikiImpl::clean_and_store(const Actor& actor, const UploadRequest& request) {
  // Waits a little for a free core, as a save waits for a render worker; then says to try again.
  if (!cleanings_.try_acquire_for(std::chrono::seconds(10))) {
    return make_error(ErrorCode::busy, "upload-error-busy", {{"seconds", std::int64_t{5}}});
  }
  struct Release {
    std::counting_semaphore<64>& s;
    ~Release() { s.release(); }
  } release{cleanings_};
  media::ImageLimits limits;
  limits.max_bytes = options_.max_upload_bytes;
  limits.max_pixels = options_.max_upload_pixels;
  auto clean = media::clean_image(request.bytes, request.content_type, limits);
  if (!clean) {
    Error error = clean.error();
    // What is not a picture at all has its own answer (HTTP's 415), not a bad request's.
    for (const auto& [name, value] : error.args) {
      if (name == "kind" && value == i18n::MessageArg::second_type("unsupported-type")) {
        error.code = ErrorCode::unsupported_type;
      }
    }
    return error;
  }
  FileInfo file;
  file.format = format_name(clean->format);
  file.width = clean->width;
  file.height = clean->height;
  file.bytes = static_cast<std::int64_t>(clean->bytes.size());
  file.licence = request.licence.empty() ? picture_licences().front() : request.licence;
  file.author = request.author.empty() ? actor.name() : request.author;
  file.source = request.source;
  // On disk before the revision that names it is written: a crash between the two leaves an
  // unused file, never a page without its picture.
  auto stored = guard_storage([&]() -> Result<std::string> {
    return media_files_.store(clean->bytes, file.format);
  });
  if (!stored) return stored.error();
  file.sha256 = std::move(stored).value();
  return file;
}

Result<SaveOutcome> WikiImpl::upload(const Actor& actor, const Edition& ed, const Title& title,
                                     const UploadRequest& request) {
  if (auto invalid = invalid_upload(request, title)) return *invalid;
  // Refused before any decoding: a reader who may not edit costs no image work.
  if (auto refused = may_edit(actor, ed, title, false); !refused) return refused.error();
  SaveRequest save{request.description, request.summary, request.base_revision_id};
  if (save.markdown.empty()) {  // a new version of the picture keeps the page's text
    if (auto own = read_own(actor, ed, title)) {
      save.markdown = own->markdown;
      if (!save.base_revision_id) save.base_revision_id = own->revision.id;
    }
  }
  auto file = store_upload(actor, ed, request);
  if (!file) return file.error();
  return save_with(actor, ed, title, save, /*sandboxed=*/true, &file.value());
}

Result<MediaFile> WikiImpl::media(const Actor& actor, std::string_view sha256, int width) {
  if (!is_sha256(sha256) || !is_picture_width(width)) return picture_not_found();
  const std::string sha(sha256);
  return guard_storage([&]() -> Result<MediaFile> {
    std::optional<std::string> format;
    std::optional<FileInfo> file;
    bool seen = false, hidden = false, is_public = false;
    {
      auto reader = readers_->lease();
      format = image_format(*reader, sha);
      if (!format) return picture_not_found();
      for (const std::int64_t id : revisions_with_image(*reader, sha)) {
        auto edit = author_edit(*reader, id);
        auto page = edit ? page_by_id(*reader, edit->info.page_id) : std::nullopt;
        if (!page || page->deleted) continue;
        auto may = policy::may_see(*reader, actor, edit->info);
        if (!may) {
          hidden = hidden || may.error().code == ErrorCode::forbidden;
          continue;
        }
        seen = true;
        is_public = is_public || policy::may_see(*reader, Actor::reader(), edit->info).ok();
        if (!file) file = file_of_revision(*reader, id);
        if (is_public) break;
      }
    }
    if (!seen) {
      if (hidden) return make_error(ErrorCode::forbidden, "moderation-revision-hidden");
      return picture_not_found();
    }
    MediaFile out{media_files_.original(sha, *format), std::string(content_type_of(*format)),
                  is_public};
    if (width != 0 && file && width < file->width) {
      auto variant = media_files_.variant(sha, *format, width);
      if (!variant) return variant.error();
      out.path = std::move(variant).value();
      out.content_type = "image/webp";
    }
    return out;
  });
}

void WikiImpl::seed_demo_pictures(const Edition& ed) {
  for (const DemoPicture& picture : demo_pictures(ed.lang)) {
    UploadRequest upload;
    upload.bytes = std::string(picture.png);
    upload.content_type = "image/png";
    upload.licence = "cc0";
    upload.author = "Kidwiki";
    upload.source = i18n::Messages::builtin().format(ed.lang, "file-demo-source");
    auto file = clean_and_store(Actor::console(), upload);
    if (!file) throw std::logic_error("demo picture not stored: " + picture.title);
    const Title title{Namespace::file, picture.title};
    SaveRequest request{picture.description, demo_summary(ed.lang), std::nullopt};
    auto saved = save_with(Actor::console(), ed, title, request, /*sandboxed=*/false, &file.value());
    if (!saved) throw std::logic_error("demo picture not saved: " + picture.title);
  }
}

}  // namespace kidwiki::engine
