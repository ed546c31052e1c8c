// The admins' page of editions (registered by routes.cpp): every edition of the wiki, and a form
// that creates one in a new language (Wiki::create_edition, docs/i18n.md "Editions").
#pragma once

#include "http/call.h"

namespace kidwiki::web {

// GET /{lang}/special/editions: the list and the form (admins only: 401 reader, 403 others).
void html_editions_page(const Call& call);
// POST /{lang}/special/editions wpLang, wpName, wpMainPage: creates the edition, then 303 to its
// main page; an error shows the form again with what was typed and the engine's status.
void html_editions_submit(const Call& call);

}  // namespace kidwiki::web
