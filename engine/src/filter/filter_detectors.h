// The personal-information detectors. Each is a hand-written scanner, linear in its input, that
// appends what it finds to `out` (offsets in `text`). One file each: filter_<kind>.cpp.
#pragma once

#include <string_view>
#include <vector>

#include "engine/filter.h"
#include "filter/filter_tokens.h"

namespace kidwiki::engine {

// "lea.martin@example.fr": refused.
void find_emails(std::string_view text, std::vector<FilterMatch>& out);

// French numbers (06 12 34 56 78, 06.12.34.56.78, 0612345678, +33 6 12 34 56 78, 0033 6...),
// international ones after '+' or "00", and North American (555) 123-4567: refused.
// Years, dates, prices, times, scores and ISBNs are not phone numbers.
void find_phones(std::string_view text, std::vector<FilterMatch>& out);

// "12 rue des Lilas", "3 bis avenue Victor Hugo", "221B Baker Street": held, since an
// encyclopedia names famous addresses too.
void find_addresses(std::string_view text, const std::vector<FilterToken>& tokens,
                    std::vector<FilterMatch>& out);

// "@lea_2014" and profile links (instagram.com/..., tiktok, youtube channels): held;
// private contact links (discord invites, snapchat "add" links): refused.
void find_social(std::string_view text, std::vector<FilterMatch>& out);

// "je suis né le 3 mars 2014", "I was born on...": refused. "né le 3 mars 2014" or a numeric date
// whose year is a child's birth year (within ContentFilter::kChildYears of `reference_year`):
// held. Dates of history ("né le 26 février 1802", "14/07/1789") pass.
void find_birth_dates(std::string_view text, const std::vector<FilterToken>& tokens,
                      int reference_year, std::vector<FilterMatch>& out);

// True when `year` could be the birth year of a pupil.
inline bool is_child_birth_year(long year, int reference_year) {
  return year <= reference_year && year > reference_year - ContentFilter::kChildYears;
}

}  // namespace kidwiki::engine
