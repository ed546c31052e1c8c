// An account's contributions (Special:Contributions), and what the pupils of a class wrote: their
// pages, their edits, and their words in what readers see now (contributions/word_attribution.h).
#include <algorithm>
#include <map>

#include "policy/class_scope.h"
#include "policy/review_scope.h"
#include "policy/revision_visibility.h"
#include "store/account_store.h"
#include "store/contribution_lists.h"
#include "wiki/wiki_impl.h"

namespace kidwiki::engine {

Result<ContributionPage> WikiImpl::contributions(const Actor& actor, std::int64_t account_id,
                                                 int limit, std::optional<std::int64_t> before) {
  limit = std::clamp(limit, 1, kMaxContributionsLimit);
  if (!accounts_->user(actor, account_id)) {
    return make_error(ErrorCode::not_found, "moderation-error-user-not-found");
  }
  return guard_storage([&]() -> Result<ContributionPage> {
    auto reader = readers_->lease();
    ContributionScope scope;
    // The same rules as policy::may_see, for every revision of one author at once.
    scope.every_state =
        actor.id() == account_id || policy::reviews_author(*reader, actor, account_id);
    scope.hidden = policy::sees_hidden(actor);
    scope.deleted_pages = actor.may(Action::delete_page);
    ContributionPage page = author_contributions(*reader, account_id, scope, limit, before);
    for (auto& item : page.items) item.info = policy::as_listed(actor, std::move(item.info));
    return page;
  });
}

Result<ClassContributions> WikiImpl::class_contributions(const Actor& actor,
                                                         std::int64_t class_id) {
  return guard_storage([&]() -> Result<ClassContributions> {
    auto reader = readers_->lease();
    auto cls = policy::class_for(*reader, actor, class_id, policy::ClassUse::see);
    if (!cls) return cls.error();
    ClassContributions out;
    out.school_class = cls.value();
    std::vector<std::int64_t> ids;
    std::map<std::int64_t, std::size_t> pupil_at;  // account id -> index in out.pupils
    for (const User& pupil : users_in_class(*reader, class_id)) {
      pupil_at[pupil.id] = out.pupils.size();
      ids.push_back(pupil.id);
      out.pupils.push_back({pupil.id, pupil.name, 0, 0, {}});
    }
    if (ids.empty()) return out;

    std::vector<AuthorPageEdits> rows =
        edits_per_page(*reader, ids, policy::sees_hidden(actor), kMaxContributionPages + 1);
    // Rows come page by page, the most recently edited page first; each page is attributed once.
    std::map<std::int64_t, std::size_t> page_at;  // page id -> index in out.pages
    std::vector<std::shared_ptr<const PageBlame>> blames;  // by index in out.pages
    for (const AuthorPageEdits& row : rows) {
      if (!page_at.contains(row.page_id)) {
        if (static_cast<int>(out.pages.size()) == kMaxContributionPages) {
          out.pages_left_out = true;
          break;
        }
        auto page = page_by_id(*reader, row.page_id);
        const auto ed = page ? editions_.by_id(page->edition_id) : std::nullopt;
        if (!page || !ed) continue;
        GroupPage group;
        group.page_id = page->id;
        group.lang = ed->lang;
        group.title = page->title;
        std::shared_ptr<const PageBlame> blame;
        if (page->visible_revision_id) {
          blame = blames_.of(*reader, page->id, *page->visible_revision_id, ed->lang);
          group.total_words = blame->words.total_words;
          group.complete = blame->complete;
          group.other_words = blame->words.total_words;
          for (const auto& [author, words] : blame->words.words_by_author) {
            if (pupil_at.contains(author)) group.other_words -= words;
          }
        }
        page_at[row.page_id] = out.pages.size();
        out.pages.push_back(std::move(group));
        blames.push_back(std::move(blame));
      }
      const std::size_t at = page_at[row.page_id];
      GroupPage& group = out.pages[at];
      PupilContributions& pupil = out.pupils[pupil_at.at(row.author_id)];
      std::int64_t words = 0;
      if (blames[at]) {
        const auto& by_author = blames[at]->words.words_by_author;
        if (auto found = by_author.find(row.author_id); found != by_author.end()) {
          words = found->second;
        }
      }
      group.pupils.push_back({pupil.pupil_id, pupil.name, row.edits, words});
      pupil.edits += row.edits;
      pupil.words += words;
      pupil.pages.push_back({group.page_id, group.lang, group.title, row.edits, words,
                             group.total_words, row.newest_at});
    }
    for (GroupPage& group : out.pages) {
      std::stable_sort(group.pupils.begin(), group.pupils.end(),
                       [](const PageShare& a, const PageShare& b) { return a.words > b.words; });
    }
    return out;
  });
}

}  // namespace kidwiki::engine
