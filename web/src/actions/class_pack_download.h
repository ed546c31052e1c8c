// A class's offline pack as a download (issue 16), for the class page's form and the API alike:
// the engine decides who may and what goes in (offline/class_pack.h); the web layer bounds how many
// packs are made at once and answers the ZIM file with its type and name.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include <httplib.h>

#include "engine/wiki.h"
#include "offline/class_pack.h"

namespace kidwiki::web {

// Packs made at the same time by the whole server: each reads up to 300 pages and writes a file, so
// more would take the cores from the readers. The next teacher is told to try again (503, busy).
inline constexpr int kMaxPacksAtOnce = 2;

// One of the kMaxPacksAtOnce places of the whole process, held while a pack is made and given
// back when this goes; taken() is false when every place was held already. Thread-safe.
class PackPlace {
 public:
  PackPlace();
  ~PackPlace();
  PackPlace(const PackPlace&) = delete;
  PackPlace& operator=(const PackPlace&) = delete;
  bool taken() const { return taken_; }

 private:
  bool taken_;
};

// A ZIM file for Kiwix, or a zip of the folder of static pages (any browser, no program to install).
enum class PackFormat { zim, html_zip };
// "zim" or "zip" (the form's and the API's names); empty for anything else.
std::optional<PackFormat> pack_format_named(std::string_view name);

// Makes the pack of `class_id` as `actor` and puts it in `res` (200, application/x-zim or
// application/zip, as an attachment named after the class); on refusal leaves `res` alone and returns the error: the
// refusals of pack_selection and export_zim, and busy "offline-pack-error-busy" (arg "seconds")
// when kMaxPacksAtOnce packs are being made.
engine::Status answer_class_pack(httplib::Response& res, engine::Wiki& wiki,
                                 const engine::Actor& actor, std::int64_t class_id,
                                 const offline::PackRequest& request, PackFormat format);

}  // namespace kidwiki::web
