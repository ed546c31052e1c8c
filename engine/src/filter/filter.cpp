#include "engine/filter.h"

#include <algorithm>
#include <map>

#include "filter/filter_detectors.h"
#include "filter/filter_tokens.h"
#include "filter/filter_username.h"
#include "filter/filter_word_matcher.h"

namespace kidwiki::engine {

namespace filter_lists {
const std::map<std::string_view, std::string_view>& embedded_files();
}

struct ContentFilter::Impl {
  WordMatcher words;
  int reference_year;
};

namespace {

FilterResult sorted(std::vector<FilterMatch> matches) {
  std::stable_sort(matches.begin(), matches.end(),
                   [](const FilterMatch& a, const FilterMatch& b) { return a.offset < b.offset; });
  return FilterResult{std::move(matches)};
}

bool any_refuses(const std::vector<FilterMatch>& matches) {
  return std::any_of(matches.begin(), matches.end(),
                     [](const FilterMatch& m) { return m.action == FilterAction::refuse; });
}

}  // namespace

bool FilterResult::refused() const { return any_refuses(matches); }
bool FilterResult::held() const { return !matches.empty() && !any_refuses(matches); }

ContentFilter ContentFilter::for_edition(std::string_view lang, int reference_year) {
  const auto& files = filter_lists::embedded_files();
  const auto it = files.find(std::string(lang) + ".txt");
  return ContentFilter(it == files.end() ? std::vector<WordRule>{} : parse_word_list(it->second),
                       reference_year);
}

ContentFilter::ContentFilter(const std::vector<WordRule>& words, int reference_year)
    : impl_(std::make_unique<const Impl>(Impl{WordMatcher(words), reference_year})) {}
ContentFilter::~ContentFilter() = default;
ContentFilter::ContentFilter(ContentFilter&&) noexcept = default;
ContentFilter& ContentFilter::operator=(ContentFilter&&) noexcept = default;

FilterResult ContentFilter::check_text(std::string_view text) const {
  std::vector<FilterMatch> matches;
  const std::vector<FilterToken> tokens = filter_tokens(text);
  impl_->words.find(text, tokens, matches);
  find_emails(text, matches);
  find_phones(text, matches);
  find_addresses(text, tokens, matches);
  find_social(text, matches);
  find_birth_dates(text, tokens, impl_->reference_year, matches);
  return sorted(std::move(matches));
}

FilterResult ContentFilter::check_summary(std::string_view summary) const {
  return check_text(summary);
}

// A name is short and easy to change, so whatever would hold a text refuses a name.
FilterResult ContentFilter::check_username(std::string_view name) const {
  std::vector<FilterMatch> matches;
  impl_->words.find(name, filter_tokens(name), matches);
  find_emails(name, matches);
  find_username_personal_info(name, impl_->reference_year, matches);
  for (FilterMatch& m : matches) {
    m.action = FilterAction::refuse;
    if (m.rule == "word") m.message_id = "filter-username-word";
    if (m.rule == "email") m.message_id = "filter-username-email";
  }
  return sorted(std::move(matches));
}

}  // namespace kidwiki::engine
