// What the class pages and the classes API both do.
#pragma once

#include <string>

#include "engine/classes.h"
#include "http/access.h"
#include "http/web_context.h"

namespace kidwiki::web {

// The class of a path segment's id as the engine gives it to `caller` (Classes::get):
// invalid_input first when it is not an id.
engine::Result<engine::SchoolClass> class_from_path(WebContext& ctx, const Caller& caller,
                                                    const std::string& raw_id);

// A pupil's name the engine refused (an error with arg "name") as one message that names it,
// formatted in `lang`: "“Tom 06…” cannot be used: <the reason>". Other errors are returned as is.
engine::Error name_refusal(const engine::Error& error, const std::string& lang);

}  // namespace kidwiki::web
