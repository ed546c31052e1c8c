// export_html: the copy as a folder of static pages for a USB stick, readable from file://.
#include <fstream>
#include <map>
#include <set>
#include <string_view>

#include "copy/copy_day.h"
#include "copy/copy_files.h"
#include "folder/titles_script.h"
#include "offline/export.h"
#include "page/exported_page.h"
#include "page/page_document.h"
#include "plan/export_plan.h"
#include "zip/folder_zip.h"

namespace kidwiki::offline::embedded_assets {
const std::map<std::string_view, std::string_view>& embedded_files();
}

namespace kidwiki::offline {
namespace {

constexpr const char* kIndexPath = "index.html";
constexpr const char* kMediaPrefix = "media/";
constexpr const char* kStylePath = "kidwiki.css";

// Throws std::filesystem::filesystem_error when the disk refuses: caught once, in export_html.
void write_file(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) {
    throw std::filesystem::filesystem_error("write", path,
                                            std::make_error_code(std::errc::io_error));
  }
}

class FolderCopy {
 public:
  FolderCopy(engine::Wiki& wiki, const engine::Edition& ed, const ExportPlan& plan,
             const CopyFrame& frame, std::filesystem::path root)
      : wiki_(wiki), ed_(ed), plan_(plan), frame_(frame), root_(std::move(root)) {}

  void start() {
    write_file(root_ / kStylePath, copy_stylesheet());
    write_file(root_ / "search.js", embedded_assets::embedded_files().at("search.js"));
    write_file(root_ / "titles.js", titles_script(ed_, plan_));
    write_file(root_ / kIndexPath, index_document(ed_, plan_, kIndexPath, frame_));
  }

  void add_page(const PlannedPage& page, ExportSummary& summary) {
    auto exported = export_page(wiki_, ed_, plan_, page, frame_);
    if (!exported) return;  // readers stopped seeing it since the plan: it is not copied
    write_file(root_ / page.path, exported->document);
    ++summary.pages;
    for (const auto& use : exported->pictures) {
      if (!pictures_.insert(use.path).second) continue;
      auto file = picture_file(wiki_, use);
      if (!file) continue;
      std::filesystem::create_directories((root_ / use.path).parent_path());
      std::filesystem::copy_file(file->path, root_ / use.path);
      ++summary.pictures;
    }
  }

 private:
  engine::Wiki& wiki_;
  const engine::Edition& ed_;
  const ExportPlan& plan_;
  const CopyFrame& frame_;
  std::filesystem::path root_;
  std::set<std::string> pictures_;
};

bool usable_destination(const std::filesystem::path& dir) {
  std::error_code error;
  if (!std::filesystem::exists(dir, error)) return true;
  return std::filesystem::is_directory(dir, error) && std::filesystem::is_empty(dir, error);
}

}  // namespace

engine::Result<ExportSummary> export_html(engine::Wiki& wiki, const engine::Edition& ed,
                                          const Selection& selection,
                                          const std::filesystem::path& dir,
                                          const ExportProgress& progress) {
  if (!usable_destination(dir)) {
    return engine::make_error(engine::ErrorCode::exists, "offline-error-folder-not-empty",
                              {{"path", dir.string()}});
  }
  const ExportPlan plan = plan_export(wiki, ed, selection, PathStyle::folder);
  if (plan.pages.empty()) return engine::make_error(engine::ErrorCode::invalid_input, "offline-error-empty");
  if (progress.started) progress.started(plan.pages.size());
  const CopyFrame frame{selection.name, copy_day(), kIndexPath, kMediaPrefix, kStylePath, true};
  ExportSummary summary;
  summary.redirects = plan.redirects.size();
  std::filesystem::path work;
  try {
    work = work_folder(dir);
    FolderCopy copy(wiki, ed, plan, frame, work_path(work, dir));
    copy.start();
    for (const auto& page : plan.pages) {
      if (progress.stop && progress.stop()) {
        remove_work(work);
        return ExportSummary{.stopped = true};
      }
      copy.add_page(page, summary);
      if (progress.advanced) progress.advanced();
    }
  } catch (const std::filesystem::filesystem_error&) {
    if (!work.empty()) remove_work(work);
    return engine::make_error(engine::ErrorCode::storage, "offline-error-write", {{"path", dir.string()}});
  }
  if (!publish_work(work, dir)) {
    return engine::make_error(engine::ErrorCode::storage, "offline-error-write", {{"path", dir.string()}});
  }
  return summary;
}

engine::Result<ExportSummary> export_html_zip(engine::Wiki& wiki, const engine::Edition& ed,
                                              const Selection& selection,
                                              const std::filesystem::path& out,
                                              const ExportProgress& progress) {
  std::error_code error;
  const auto work = std::filesystem::absolute(out).parent_path() / (out.stem().string() + ".folder");
  std::filesystem::remove_all(work, error);
  const auto folder = work / out.stem();
  std::filesystem::create_directories(work, error);
  auto done = export_html(wiki, ed, selection, folder, progress);
  if (done && !done->stopped && !zip_folder(folder, out)) {
    done = engine::make_error(engine::ErrorCode::storage, "offline-error-write", {{"path", out.string()}});
  }
  std::filesystem::remove_all(work, error);
  return done;
}

}  // namespace kidwiki::offline
