// A MediaWiki export into an edition: the dump's revisions, page by page, converted to Markdown
// and given to the engine. Articles, talk pages and categories are imported; other namespaces
// (templates, files without their bytes, user pages, the project's own pages) are skipped, one
// line each in the report.
#include <optional>

#include "i18n/messages.h"
#include "import/importer.h"
#include "import/mediawiki_dump.h"
#include "import/page_import.h"
#include "import/wikitext.h"

namespace kidwiki::import {
namespace {

constexpr int kTalkNamespace = 1;
constexpr int kCategoryNamespace = 14;
constexpr int kFileNamespace = 6;

std::string name_or(const SiteInfo& site, int ns, const char* english) {
  auto found = site.namespaces.find(ns);
  return found == site.namespaces.end() || found->second.empty() ? english : found->second;
}

// The dump's title in the edition's names: "Discussion:Chat" from a French wiki becomes the
// edition's talk page of "Chat". Empty for a namespace that is not imported.
std::optional<std::string> edition_title(const DumpRevision& r, const SiteInfo& site,
                                         const engine::Edition& ed) {
  if (r.ns == 0) return r.title;
  const char* english = r.ns == kTalkNamespace ? "Talk" : "Category";
  const std::string prefix = name_or(site, r.ns, english) + ":";
  const std::string bare = r.title.starts_with(prefix) ? r.title.substr(prefix.size()) : r.title;
  if (r.ns == kTalkNamespace) return ed.names.talk + ":" + bare;
  if (r.ns == kCategoryNamespace) return ed.names.category + ":" + bare;
  return std::nullopt;
}

WikitextNames names_for(const SiteInfo& site, const engine::Edition& ed) {
  WikitextNames names;
  names.source_category = {name_or(site, kCategoryNamespace, "Category")};
  names.source_file = {name_or(site, kFileNamespace, "File")};
  names.category = ed.names.category;
  names.file = ed.names.file;
  names.sources_heading = i18n::Messages::builtin().format(ed.lang, "import-sources-heading");
  return names;
}

std::string skip_reason(const DumpRevision& r) {
  return i18n::Messages::builtin().format("en", "import-report-skipped-namespace", {{"ns", r.ns}});
}

struct Run {
  engine::Wiki& wiki;
  const engine::Actor& actor;
  const engine::Edition& ed;
  const ImportSettings& settings;
  const OnPage& on_page;
  ImportTotals totals;
  std::string source;
  WikitextNames names;
  std::optional<PageImport> page;
  std::string page_key;  // the dump's page id and title: where one page ends

  void finish_page() {
    if (!page) return;
    page->count_in(totals);
    on_page(page->outcome());
    page.reset();
  }

  void start_page(const DumpRevision& r, const SiteInfo& site) {
    if (source.empty()) {
      source = "mediawiki:" + (site.dbname.empty() ? site.sitename : site.dbname);
      names = names_for(site, ed);
    }
    auto title = edition_title(r, site, ed);
    page.emplace(wiki, actor, ed, title ? *title : r.title);
    if (!title) page->outcome().skipped = skip_reason(r);
  }

  void add(const DumpRevision& r) {
    PageOutcome& outcome = page->outcome();
    if (!outcome.skipped.empty()) return;
    if (r.model != "wikitext" || r.text_too_large) {
      outcome.refused.push_back(
          r.id + ": " +
          i18n::Messages::builtin().format(
              "en", r.text_too_large ? "import-report-too-large" : "import-report-model",
              {{"model", r.model}}));
      return;
    }
    Converted converted = wikitext_to_markdown(r.text, names);
    outcome.lost = std::move(converted.lost);  // the newest revision's losses are the page's
    engine::ImportedRevision revision{.source = source,
                                      .source_id = r.id,
                                      .title = "",
                                      .markdown = std::move(converted.markdown),
                                      .summary = r.comment,
                                      .author = r.author,
                                      .timestamp = r.timestamp,
                                      .hold = settings.hold};
    if (revision.author.empty())
      revision.author = i18n::Messages::builtin().format(ed.lang, "import-unknown-author");
    page->add(std::move(revision));
  }
};

}  // namespace

engine::Result<ImportTotals> import_mediawiki(engine::Wiki& wiki, const engine::Actor& actor,
                                              const engine::Edition& ed,
                                              const std::filesystem::path& dump,
                                              const ImportSettings& settings, const OnPage& on_page,
                                              const KeepGoing& keep_going) {
  std::string error;
  auto reader = DumpReader::open(dump, settings.latest_only, error);
  if (!reader) {
    return engine::make_error(engine::ErrorCode::invalid_input, "import-error-unreadable",
                              {{"path", dump.string()}, {"reason", error}});
  }
  Run run{wiki, actor, ed, settings, on_page, {}, {}, {}, {}, {}};
  while (auto revision = reader->next()) {
    const std::string key = revision->page_id + "\n" + revision->title;
    if (!run.page || key != run.page_key) {
      run.finish_page();
      if (!keep_going(reader->bytes_read(), reader->size())) {
        run.totals.stopped = true;
        return run.totals;
      }
      run.page_key = key;
      run.start_page(*revision, reader->site());
    }
    run.add(*revision);
  }
  run.finish_page();
  keep_going(reader->bytes_read(), reader->size());
  if (!reader->error().empty()) {
    return engine::make_error(engine::ErrorCode::invalid_input, "import-error-unreadable",
                              {{"path", dump.string()}, {"reason", reader->error()}});
  }
  return run.totals;
}

}  // namespace kidwiki::import
