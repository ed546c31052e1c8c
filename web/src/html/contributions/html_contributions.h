// Contributions in the HTML interface: an account's Special:Contributions, for everyone, and the
// "who wrote what" page of a class, for those who may see the class. The engine decides what
// each viewer sees (Wiki::contributions, Wiki::class_contributions).
#pragma once

#include "http/call.h"

namespace kidwiki::web {

// html_user_contributions.cpp. GET /{lang}/special/contributions/{user}[?before=N]: the
// account's revisions the caller may see, newest first, 50 a page; {user} is a name
// (Urls::contributions) or an id.
void html_user_contributions(const Call& call);

// html_class_contributions.cpp. GET /{lang}/special/class/{id}/contributions[?sort=]: each
// pupil's pages, edits and words still in the text (sort=name, pages, edits or words), and for
// each page the class worked on, who wrote how much of its current text.
void html_class_contributions(const Call& call);

}  // namespace kidwiki::web
