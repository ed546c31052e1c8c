// Pictures (issue 13): a picture is a page of the File namespace ("Fichier:Chat.jpg") whose
// revisions each carry one image. An upload is a save of that page with a new image; a
// description edit keeps the image of the revision it continues. So review, history, hiding,
// deletion, protection and reports work for pictures exactly as for text (docs/media.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/options.h"

namespace kidwiki::engine {

// The free licences a picture may carry; the first is the default.
const std::vector<std::string>& picture_licences();  // "cc-by-sa-4.0", "cc-by-4.0", "cc0"

// One image as a revision of its file page carries it. What is stored is never the uploaded bytes:
// the image was decoded and encoded again, without any metadata (docs/media.md).
struct FileInfo {
  std::string sha256;  // of the stored bytes, 64 hex digits: the image's name on disk and in URLs
  std::string format;  // "jpeg", "png" or "webp"
  int width = 0;
  int height = 0;
  std::int64_t bytes = 0;
  std::string licence;  // one of picture_licences()
  std::string author;   // who made the picture, as the uploader wrote it
  std::string source;   // where it comes from; "" for the uploader's own work
};

// What an upload carries; the uploader is the actor.
struct UploadRequest {
  std::string bytes;          // the file as sent
  std::string content_type;   // as declared by the browser; the bytes decide, a lie is refused
  std::string description;    // the file page's Markdown; empty: keep the page's text
  std::string summary;
  std::string licence;        // "" for the default
  std::string author;         // "" for the uploader's own name
  std::string source;
  // The uploader confirmed that nobody can be recognised in the picture and that it shows no
  // address, school name or number plate: a machine cannot check that, so a person must.
  bool confirmed_nothing_personal = false;
  // The revision of the file page the upload continues; empty for a new page.
  std::optional<std::int64_t> base_revision_id;
};

// An image's bytes on disk, ready to send.
struct MediaFile {
  std::filesystem::path path;
  std::string content_type;  // "image/webp", ...
  // Readers who are not logged in may see it: it may be cached by anyone for as long as it
  // lives. Otherwise (a picture waiting for review) only privately.
  bool is_public = false;
};

// Widths of the resized copies articles show (srcset); an image narrower than one is not enlarged.
inline constexpr int kPictureWidths[] = {220, 440, 880};

// The height of `file` shown `width` pixels wide, in proportion (at least 1).
int shown_height(const FileInfo& file, int width);

// A srcset attribute's value: the resized copies narrower than the picture, then the picture.
std::string picture_srcset(const FileInfo& file, const MediaAddress& address);

// "File:Chat.jpg" names a picture only with one of these endings (any case).
bool has_picture_extension(std::string_view title_text);

}  // namespace kidwiki::engine
