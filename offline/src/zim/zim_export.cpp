// export_zim: the copy as a ZIM file, written with libzim (Debian's libzim-dev 8.1). libzim's
// headers stay in this folder; its exceptions become engine errors here.
#include <zim/writer/contentProvider.h>
#include <zim/writer/creator.h>
#include <zim/writer/item.h>

#include <set>

#include "copy/copy_day.h"
#include "copy/copy_files.h"
#include "offline/export.h"
#include "page/exported_page.h"
#include "page/page_document.h"
#include "plan/export_plan.h"
#include "zim/zim_metadata.h"

namespace kidwiki::offline {
namespace {

using zim::writer::Creator;
using zim::writer::Hints;
using zim::writer::StringItem;

// Paths that no title can take (a title never starts with "_"): the copy's own files.
constexpr const char* kIndexPath = "_index";
constexpr const char* kMediaPrefix = "_media/";
constexpr const char* kStylePath = "_kidwiki.css";

const Hints kArticle = {{zim::writer::FRONT_ARTICLE, 1}};
const Hints kResource = {{zim::writer::FRONT_ARTICLE, 0}};

// A page of the copy's own (the list of pages) that search should not find: only articles are
// in the full-text index.
class UnindexedPage : public zim::writer::BasicItem {
 public:
  UnindexedPage(const std::string& path, std::string html)
      : BasicItem(path, "text/html", "", kResource), html_(std::move(html)) {}
  std::unique_ptr<zim::writer::ContentProvider> getContentProvider() const override {
    return std::make_unique<zim::writer::StringProvider>(html_);
  }
  std::shared_ptr<zim::writer::IndexData> getIndexData() const override { return nullptr; }

 private:
  std::string html_;
};

class ZimCopy {
 public:
  ZimCopy(engine::Wiki& wiki, const engine::Edition& ed, const ExportPlan& plan,
          const CopyFrame& frame)
      : wiki_(wiki), ed_(ed), plan_(plan), frame_(frame) {}

  void start(const std::string& path, const Selection& selection) {
    creator_.configIndexing(true, zim_language(ed_)).configNbWorkers(2);
    creator_.startZimCreation(path);
    add_metadata(creator_, ed_, selection, frame_.date);
    creator_.addItem(StringItem::create(kStylePath, "text/css", "", kResource, copy_stylesheet()));
    creator_.addItem(
        std::make_shared<UnindexedPage>(kIndexPath, index_document(ed_, plan_, kIndexPath, frame_)));
  }

  // One page and the pictures it shows that are not in the file yet.
  void add_page(const PlannedPage& page, ExportSummary& summary) {
    auto exported = export_page(wiki_, ed_, plan_, page, frame_);
    if (!exported) return;  // readers stopped seeing it since the plan: it is not copied
    creator_.addItem(StringItem::create(page.path, "text/html", exported->plain_title, kArticle,
                                        exported->document));
    ++summary.pages;
    for (const auto& use : exported->pictures) {
      if (!pictures_.insert(use.path).second) continue;
      auto file = picture_file(wiki_, use);
      if (!file) continue;
      creator_.addItem(std::make_shared<zim::writer::FileItem>(use.path, file->content_type, "",
                                                               kResource, file->path.string()));
      ++summary.pictures;
    }
  }

  void finish(ExportSummary& summary) {
    for (const auto& r : plan_.redirects) {
      creator_.addRedirection(r.path, engine::full_title(r.title, ed_.names), r.target_path, kArticle);
      ++summary.redirects;
    }
    creator_.setMainPath(plan_.main_path.value_or(kIndexPath));
    creator_.finishZimCreation();
  }

 private:
  engine::Wiki& wiki_;
  const engine::Edition& ed_;
  const ExportPlan& plan_;
  const CopyFrame& frame_;
  Creator creator_;
  std::set<std::string> pictures_;
};

engine::Error write_error(const std::filesystem::path& out) {
  return engine::make_error(engine::ErrorCode::storage, "offline-error-write",
                            {{"path", out.string()}});
}

// Writes the whole file at `part`; false when progress asked to stop first.
bool write_copy(ZimCopy& copy, const std::string& part, const Selection& selection,
                const ExportPlan& plan, const ExportProgress& progress, ExportSummary& summary) {
  copy.start(part, selection);
  for (const auto& page : plan.pages) {
    if (progress.stop && progress.stop()) return false;
    copy.add_page(page, summary);
    if (progress.advanced) progress.advanced();
  }
  copy.finish(summary);
  return true;
}

}  // namespace

engine::Result<ExportSummary> export_zim(engine::Wiki& wiki, const engine::Edition& ed,
                                         const Selection& selection,
                                         const std::filesystem::path& out,
                                         const ExportProgress& progress) {
  const ExportPlan plan = plan_export(wiki, ed, selection, PathStyle::zim);
  if (plan.pages.empty()) return engine::make_error(engine::ErrorCode::invalid_input, "offline-error-empty");
  if (progress.started) progress.started(plan.pages.size());
  const CopyFrame frame{selection.name, copy_day(), kIndexPath, kMediaPrefix, kStylePath, false};
  ExportSummary summary;
  bool complete = false;
  std::filesystem::path work;
  try {
    work = work_folder(out);
    ZimCopy copy(wiki, ed, plan, frame);
    complete = write_copy(copy, work_path(work, out).string(), selection, plan, progress, summary);
  } catch (const std::exception&) {
    // libzim reports a full disk or an unwritable folder by throwing: nothing is kept.
    if (!work.empty()) remove_work(work);
    return write_error(out);
  }
  if (!complete) {
    remove_work(work);
    return ExportSummary{.stopped = true};
  }
  if (!publish_work(work, out)) return write_error(out);
  return summary;
}

}  // namespace kidwiki::offline
