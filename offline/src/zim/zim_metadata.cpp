#include "zim/zim_metadata.h"

#include <cctype>
#include <map>
#include <string_view>

#include "i18n/locale_facts.h"
#include "i18n/messages.h"
#include "i18n/text.h"

namespace kidwiki::offline::embedded_assets {
const std::map<std::string_view, std::string_view>& embedded_files();
}

namespace kidwiki::offline {
namespace {

// The openZIM rules zimcheck applies: a title of at most 30 characters, a description of 80.
constexpr std::size_t kMaxTitle = 30;
constexpr std::size_t kMaxDescription = 80;

std::string at_most(std::string_view text, std::size_t code_points) {
  std::u32string wide = i18n::to_utf32(text);
  if (wide.size() <= code_points) return std::string(text);
  wide.resize(code_points - 1);
  return i18n::to_utf8(wide) + "…";
}

// "fr", or "pt-BR" as "pt_br": Kiwix's library tells books apart by Name and Flavour.
std::string name_part(std::string_view lang) {
  std::string part;
  for (char c : lang) part += c == '-' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return part;
}

}  // namespace

std::string zim_language(const engine::Edition& ed) {
  auto facts = i18n::locale_facts(ed.lang);
  return facts && !facts->iso639_3.empty() ? facts->iso639_3 : "und";
}

void add_metadata(zim::writer::Creator& creator, const engine::Edition& ed,
                  const Selection& selection, const std::string& day) {
  const auto& messages = i18n::Messages::builtin();
  const std::string flavour = selection.whole_edition ? "all" : "pack";
  creator.addMetadata("Title", at_most(selection.name, kMaxTitle));
  creator.addMetadata("Description",
                      at_most(messages.format(ed.lang, "offline-zim-description",
                                              {{"site", selection.name}}),
                              kMaxDescription));
  creator.addMetadata("Language", zim_language(ed));
  creator.addMetadata("Creator", ed.name);
  creator.addMetadata("Publisher", "kidwiki");
  creator.addMetadata("Date", day.substr(0, 10));
  creator.addMetadata("Name", "kidwiki_" + name_part(ed.lang) + "_" + flavour);
  creator.addMetadata("Flavour", flavour);
  creator.addMetadata("License", "CC BY-SA");
  creator.addMetadata("Tags", "_category:other;_pictures:yes;_videos:no;_details:yes");
  creator.addIllustration(48, std::string(embedded_assets::embedded_files().at("illustration-48.png")));
}

}  // namespace kidwiki::offline
