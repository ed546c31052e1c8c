// Saving: validation, three-way merge with edits made since the base, rendering, and the write.
//
// Rendering user text takes milliseconds (and up to the sandbox's limit for a hostile text), so it
// happens outside the writer lock: the page is read, the text resolved and rendered, then the
// write checks under the lock that nobody saved in between, and starts again if someone did.
#include <algorithm>

#include "engine/diff.h"
#include "i18n/text.h"
#include "page_writer.h"
#include "wiki_impl.h"

namespace kidwiki::engine {

struct WikiImpl::Prepared {
  std::optional<PageRow> page;              // the page as it was read; empty: to be created
  std::string text;                         // the text to save, merged when needed
  SaveStatus status = SaveStatus::saved;
  std::optional<RenderResult> render;       // empty for a null edit
};

namespace {

constexpr int kSaveAttempts = 8;

// Line endings as \n, NFC, no trailing white space: the form every stored text has, so that
// equal texts compare equal (null edits) and merges see the same lines.
std::string normalize_text(std::string_view raw) {
  std::string s;
  s.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] == '\r') {
      if (i + 1 < raw.size() && raw[i + 1] == '\n') continue;
      s += '\n';
    } else {
      s += raw[i];
    }
  }
  s = i18n::to_nfc(s);
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

std::optional<Error> validate(const SaveRequest& r, const Options& o) {
  if (r.markdown.size() > o.max_markdown_bytes) {
    return make_error(ErrorCode::too_large, "error-text-too-large",
                      {{"limit", static_cast<std::int64_t>(o.max_markdown_bytes)}});
  }
  if (!i18n::is_valid_utf8(r.markdown)) return make_error(ErrorCode::invalid_input, "error-text-invalid-utf8");
  if (r.summary.size() > o.max_summary_bytes) {
    return make_error(ErrorCode::too_large, "error-summary-too-long",
                      {{"limit", static_cast<std::int64_t>(o.max_summary_bytes)}});
  }
  if (!i18n::is_valid_utf8(r.summary)) return make_error(ErrorCode::invalid_input, "error-text-invalid-utf8");
  return std::nullopt;
}

// A summary is one line of text: line breaks and tabs become spaces.
std::string normalize_summary(std::string_view raw) {
  std::string s = i18n::to_nfc(raw);
  std::replace_if(s.begin(), s.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

Error conflict_with(std::int64_t current) {
  return make_error(ErrorCode::conflict, "error-edit-conflict", {{"current_revision_id", current}});
}

}  // namespace

Result<WikiImpl::Prepared> WikiImpl::prepare_save(const Edition& ed, const Title& title,
                                                  const SaveRequest& request, bool sandboxed) {
  Prepared p;
  p.text = normalize_text(request.markdown);
  std::optional<StoredRevision> current, base;
  {
    std::lock_guard lock(writer_mutex_);
    p.page = find_page(*writer_, ed.id, title);
    if (p.page && p.page->latest_revision_id) {
      current = load_revision(*writer_, ed.id, *p.page->latest_revision_id);
    }
    if (request.base_revision_id) base = load_revision(*writer_, ed.id, *request.base_revision_id);
  }
  if (!current) {
    if (request.base_revision_id) {
      return make_error(ErrorCode::not_found, "error-base-not-found", {{"id", *request.base_revision_id}});
    }
    p.status = SaveStatus::created;
  } else if (!request.base_revision_id) {
    if (current->markdown != p.text) {
      return make_error(ErrorCode::exists, "error-page-exists", {{"title", full_title(title, ed.names)}});
    }
    p.status = SaveStatus::null_edit;
  } else if (!base || base->info.page_id != p.page->id) {
    return make_error(ErrorCode::not_found, "error-base-not-found", {{"id", *request.base_revision_id}});
  } else if (base->info.id != current->info.id) {
    auto merged = merge3(base->markdown, p.text, current->markdown);
    if (!merged) return conflict_with(current->info.id);
    p.text = normalize_text(*merged);
    p.status = SaveStatus::merged;
  }
  if (current && current->markdown == p.text) {
    p.status = SaveStatus::null_edit;
    return p;
  }
  auto rendered = render(ed, p.text, sandboxed);
  if (!rendered) return rendered.error();
  p.render = std::move(rendered).value();
  return p;
}

Result<SaveOutcome> WikiImpl::save(const Edition& ed, const Title& title, const SaveRequest& request) {
  return save_with(ed, title, request, /*sandboxed=*/true);
}

Result<SaveOutcome> WikiImpl::save_trusted(const Edition& ed, const Title& title,
                                           const SaveRequest& request) {
  return save_with(ed, title, request, /*sandboxed=*/false);
}

Result<SaveOutcome> WikiImpl::save_with(const Edition& ed, const Title& title,
                                        const SaveRequest& request, bool sandboxed) {
  if (auto invalid = validate(request, options_)) return *invalid;
  return guard_storage([&]() -> Result<SaveOutcome> {
    for (int attempt = 0; attempt < kSaveAttempts; ++attempt) {
      auto prepared = prepare_save(ed, title, request, sandboxed);
      if (!prepared) return prepared.error();
      if (prepared->status == SaveStatus::null_edit) {
        return SaveOutcome{*prepared->page->latest_revision_id, SaveStatus::null_edit};
      }
      auto written = write_save(ed, title, request, prepared.value());
      if (written || written.error().message_id != "internal-retry") return written;
    }
    return make_error(ErrorCode::conflict, "error-edit-busy");
  });
}

Result<SaveOutcome> WikiImpl::write_save(const Edition& ed, const Title& title,
                                         const SaveRequest& request, const Prepared& p) {
  std::lock_guard lock(writer_mutex_);
  auto now = find_page(*writer_, ed.id, title);
  bool unchanged = (!now && !p.page) ||
                   (now && p.page && now->latest_revision_id == p.page->latest_revision_id);
  if (!unchanged) return make_error(ErrorCode::conflict, "internal-retry");
  db::Transaction tx(*writer_);
  PageRow page = now ? *now : PageRow{insert_page(*writer_, ed.id, title), ed.id, title, {}, {}, false};
  NewRevision rev{page.id, page.latest_revision_id, request.author, normalize_summary(request.summary),
                  p.text, p.render->html, p.render->plain_text, meta_of(*p.render)};
  auto id = insert_revision(*writer_, rev);
  set_latest(*writer_, page.id, id);
  publish(*writer_, page, id, rev.meta);
  tx.commit();
  return SaveOutcome{id, p.status};
}

Result<SaveOutcome> WikiImpl::revert(const Edition& ed, const Title& title, std::int64_t revision_id,
                                     const std::string& summary, const std::string& author) {
  auto old = revision(ed, revision_id);
  if (!old) return old.error();
  auto page = guard_storage([&]() -> Result<PageRow> {
    std::lock_guard lock(writer_mutex_);
    auto p = find_page(*writer_, ed.id, title);
    if (!p) return make_error(ErrorCode::not_found, "error-page-not-found", {{"title", full_title(title, ed.names)}});
    return *p;
  });
  if (!page) return page.error();
  if (old->info.page_id != page->id) {
    return make_error(ErrorCode::wrong_page, "error-revert-wrong-page", {{"id", revision_id}});
  }
  std::string text = summary;
  if (text.empty()) {
    text = i18n::Messages::builtin().format(ed.lang, "summary-revert",
                                            {{"id", revision_id}, {"author", old->info.author}});
  }
  return save(ed, title, SaveRequest{old->markdown, text, page->latest_revision_id, author});
}

}  // namespace kidwiki::engine
