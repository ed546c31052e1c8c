// Wiki::held_words: the filter's holds in a pending revision, found again where its writer typed
// them (and, through holds_in, in the edit a reviewer reads: wiki_review.cpp). Measured as the save measured them (wiki_save.cpp, filter_save): what the revision adds
// to the published text, and its summary, with the filter the edition has now.
#include "filter/added_text.h"
#include "filter/filter_findings.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {

Result<std::vector<FilterFinding>> WikiImpl::held_words(const Actor& actor, const Edition& ed,
                                                        std::int64_t revision_id) {
  auto rev = revision(actor, ed, revision_id);
  if (!rev) return rev.error();
  if (rev->info.review != ReviewState::pending) return std::vector<FilterFinding>{};
  // What readers see now; nothing for a page that was never published.
  auto published = read(Actor::reader(), ed, rev->info.title, /*follow_redirect=*/false);
  const std::string before = published ? published->markdown : std::string();
  return holds_in(ed, before, rev->markdown, {rev->info.summary});
}

std::vector<FilterFinding> WikiImpl::holds_in(const Edition& ed, std::string_view before,
                                              std::string_view after,
                                              const std::vector<std::string>& summaries) const {
  const auto kept = moderation_->content_filter(ed);
  const AddedText added = added_lines(before, after);
  auto found = findings_of(kept->check_text(added.text), FilterAction::hold, "text", after, &added);
  for (const auto& summary : summaries) {
    auto in_summary =
        findings_of(kept->check_summary(summary), FilterAction::hold, "summary", summary);
    found.insert(found.end(), in_summary.begin(), in_summary.end());
  }
  return found;
}

}  // namespace kidwiki::engine
