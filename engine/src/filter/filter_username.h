// What a username may not reveal beyond what page text may not: phone digits hidden among
// underscores or letters ("Lucas_06_12_34_56_78") and a birth year ("lea2014").
#pragma once

#include <string_view>
#include <vector>

#include "engine/filter.h"

namespace kidwiki::engine {

// Appends refusals for `name`. Linear in its length.
void find_username_personal_info(std::string_view name, int reference_year,
                                 std::vector<FilterMatch>& out);

}  // namespace kidwiki::engine
