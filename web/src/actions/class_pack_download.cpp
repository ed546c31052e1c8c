#include "actions/class_pack_download.h"

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "i18n/escape.h"

namespace kidwiki::web {
namespace {

std::atomic<int> packs_in_progress{0};

// A folder of its own for one pack, removed with everything in it when the answer is ready.
class PackFolder {
 public:
  PackFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "kidwiki-pack-XXXXXX").string();
    if (mkdtemp(pattern.data())) path_ = pattern;
  }
  ~PackFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  PackFolder(const PackFolder&) = delete;
  PackFolder& operator=(const PackFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// `attachment`, with an ASCII name every browser takes and the class's own name for those that
// read RFC 6266's filename*.
std::string disposition(const std::string& class_name, std::int64_t class_id,
                        std::string_view ending) {
  return "attachment; filename=\"kidwiki-pack-" + std::to_string(class_id) + std::string(ending) +
         "\"; filename*=UTF-8''" +
         i18n::percent_encoded(class_name + std::string(ending), i18n::UrlPart::component);
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

PackPlace::PackPlace() : taken_(packs_in_progress.fetch_add(1) < kMaxPacksAtOnce) {
  if (!taken_) packs_in_progress.fetch_sub(1);
}

PackPlace::~PackPlace() {
  if (taken_) packs_in_progress.fetch_sub(1);
}

std::optional<PackFormat> pack_format_named(std::string_view name) {
  if (name == "zim") return PackFormat::zim;
  if (name == "zip") return PackFormat::html_zip;
  return std::nullopt;
}

engine::Status answer_class_pack(httplib::Response& res, engine::Wiki& wiki,
                                 const engine::Actor& actor, std::int64_t class_id,
                                 const offline::PackRequest& request, PackFormat format) {
  auto selection = offline::pack_selection(wiki, actor, class_id, request);
  if (!selection) return selection.error();
  PackPlace place;
  if (!place.taken()) {
    return engine::make_error(engine::ErrorCode::busy, "offline-pack-error-busy", {{"seconds", 60}});
  }
  const auto cls = wiki.classes().pack_class(actor, class_id);
  const auto ed = cls ? wiki.edition(cls->lang) : std::nullopt;
  if (!ed) return engine::make_error(engine::ErrorCode::not_found, "error-class-not-found");
  PackFolder folder;
  if (folder.path().empty()) {
    return engine::make_error(engine::ErrorCode::storage, "offline-error-write", {{"path", "pack"}});
  }
  const bool zim = format == PackFormat::zim;
  // A zip unzips to a folder named as its file: ASCII, whatever the class's name holds.
  const auto out = folder.path() / ("kidwiki-pack-" + std::to_string(class_id) + (zim ? ".zim" : ".zip"));
  auto done = zim ? offline::export_zim(wiki, *ed, selection.value(), out)
                  : offline::export_html_zip(wiki, *ed, selection.value(), out);
  if (!done) return done.error();
  res.status = 200;
  res.set_header("Content-Disposition", disposition(cls->name, class_id, zim ? ".zim" : ".zip"));
  res.set_header("Cache-Control", "no-store");
  res.set_content(read_all(out), zim ? "application/x-zim" : "application/zip");
  return engine::Ok{};
}

}  // namespace kidwiki::web
