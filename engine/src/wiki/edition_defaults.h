// What an edition of a language is when nobody says otherwise: its direction from ICU's locale
// data, its name, main page title and namespace names from the language's interface catalog
// (i18n/messages/<lang>/edition.json), or for a language without one, ICU's name of the
// language and the English names. The demo's editions and an admin's new ones are made alike.
#pragma once

#include "engine/wiki.h"
#include "i18n/locale_facts.h"

namespace kidwiki::engine {

// The edition `request` asks for, each empty field filled in (and every given one in NFC).
Edition edition_with_defaults(const NewEdition& request, const i18n::LocaleFacts& facts);

}  // namespace kidwiki::engine
