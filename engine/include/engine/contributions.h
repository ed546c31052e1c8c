// What an account wrote: its revisions as a list (Special:Contributions), and for a teacher, what
// each pupil of a class wrote and how much of it is still in the pages readers see now (words
// attributed through the diff engine: engine/src/contributions/word_attribution.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/classes.h"
#include "engine/title.h"

namespace kidwiki::engine {

struct RevisionInfo;

// Most items one call lists.
inline constexpr int kMaxContributionsLimit = 500;
// Published versions walked per page to attribute its words; an older history is "earlier text".
inline constexpr int kMaxAttributionVersions = 200;
// Pages one class summary attributes, the most recently edited first.
inline constexpr int kMaxContributionPages = 300;

// How much of a page's current text a pupil wrote.
struct PageWords {
  std::int64_t page_id = 0;
  std::string lang;  // the page's edition
  Title title;
  int edits = 0;                   // the pupil's revisions of the page
  std::int64_t words = 0;          // the pupil's words in what readers see now
  std::int64_t total_words = 0;    // words of what readers see now (0: nothing published)
  std::string last_edit;           // ISO 8601 UTC, the pupil's newest revision of the page
};

struct PupilContributions {
  std::int64_t pupil_id = 0;
  std::string name;
  int edits = 0;           // revisions, whatever their review state
  std::int64_t words = 0;  // words still in what readers see, over every page
  std::vector<PageWords> pages;  // most recently edited first
};

// One pupil's share of a page.
struct PageShare {
  std::int64_t pupil_id = 0;
  std::string name;
  int edits = 0;
  std::int64_t words = 0;
};

// A page the class worked on: who wrote how much of what readers see now.
struct GroupPage {
  std::int64_t page_id = 0;
  std::string lang;
  Title title;
  std::int64_t total_words = 0;
  std::int64_t other_words = 0;  // words of authors outside the class, or older than the walk
  bool complete = true;  // false: the page has more than kMaxAttributionVersions versions
  std::vector<PageShare> pupils;  // every pupil who edited it, most words first
};

struct ClassContributions {
  SchoolClass school_class;
  std::vector<PupilContributions> pupils;  // every pupil of the class, by name
  std::vector<GroupPage> pages;            // most recently edited first
  bool pages_left_out = false;  // more than kMaxContributionPages pages: the oldest are left out
};

}  // namespace kidwiki::engine
