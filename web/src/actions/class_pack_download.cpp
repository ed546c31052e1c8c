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

// One of kMaxPacksAtOnce places, given back when it goes.
class PackPlace {
 public:
  PackPlace() : taken_(packs_in_progress.fetch_add(1) < kMaxPacksAtOnce) {
    if (!taken_) packs_in_progress.fetch_sub(1);
  }
  ~PackPlace() {
    if (taken_) packs_in_progress.fetch_sub(1);
  }
  PackPlace(const PackPlace&) = delete;
  PackPlace& operator=(const PackPlace&) = delete;
  bool taken() const { return taken_; }

 private:
  bool taken_;
};

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
std::string disposition(const std::string& class_name, std::int64_t class_id) {
  return "attachment; filename=\"kidwiki-pack-" + std::to_string(class_id) +
         ".zim\"; filename*=UTF-8''" +
         i18n::percent_encoded(class_name + ".zim", i18n::UrlPart::component);
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

engine::Status answer_class_pack(httplib::Response& res, engine::Wiki& wiki,
                                 const engine::Actor& actor, std::int64_t class_id,
                                 const offline::PackRequest& request) {
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
  const auto out = folder.path() / "pack.zim";
  auto done = offline::export_zim(wiki, *ed, selection.value(), out);
  if (!done) return done.error();
  res.status = 200;
  res.set_header("Content-Disposition", disposition(cls->name, class_id));
  res.set_header("Cache-Control", "no-store");
  res.set_content(read_all(out), "application/x-zim");
  return engine::Ok{};
}

}  // namespace kidwiki::web
