#include "render/picture_assembly.h"

#include <stdexcept>

#include "i18n/escape.h"
#include "render/render_pictures.h"

namespace kidwiki::engine {
namespace {

// A figure is shown this wide beside the text; on a phone it takes the screen's width.
constexpr int kShownWidth = kPictureWidths[0];

void append_attribute(std::string& out, std::string_view name, std::string_view value) {
  // An empty address (an export without the file page) leaves the link without a target.
  if (name == "href" && value.empty()) return;
  out += ' ';
  out += name;
  out += "=\"";
  i18n::append_html_escaped(out, value);
  out += '"';
}

std::string picture_html(const Edition& ed, const Title& title, const FileInfo& file,
                         const std::string& alt, const PageAddress& page_address,
                         const MediaAddress& media_address) {
  const int shown = std::min(kShownWidth, file.width);
  const int height = shown_height(file, shown);
  std::string html = "<a class=\"picture-link\"";
  append_attribute(html, "href", page_address(ed, title, true));
  html += "><img";
  append_attribute(html, "src", media_address(file, shown < file.width ? shown : 0));
  append_attribute(html, "srcset", picture_srcset(file, media_address));
  append_attribute(html, "sizes", "(max-width: 40em) 100vw, " + std::to_string(shown) + "px");
  append_attribute(html, "width", std::to_string(shown));
  append_attribute(html, "height", std::to_string(height));
  append_attribute(html, "alt", alt);
  html += " loading=\"lazy\" decoding=\"async\"></a>";
  return html;
}

std::string missing_html(const Edition& ed, const Title& title, const PageAddress& page_address) {
  const std::string name = full_title(title, ed.names);
  std::string html = "<a class=\"new\"";
  append_attribute(html, "href", page_address(ed, title, false));
  append_attribute(html, "title", name);
  html += '>';
  i18n::append_html_escaped(html, name);
  return html + "</a>";
}

}  // namespace

std::string assemble_pictures(std::string_view html, const Edition& edition,
                              const VisiblePictures& pictures, const PageAddress& page_address,
                              const MediaAddress& media_address) {
  const auto placeholders = find_picture_placeholders(html);
  if (placeholders.empty()) return std::string(html);
  if (!media_address) throw std::logic_error("Options::media_address is not set");
  std::vector<Title> titles;
  for (const auto& p : placeholders) titles.push_back(Title{Namespace::file, p.name});
  const auto found = pictures(titles);
  std::string out;
  out.reserve(html.size() + placeholders.size() * 400);
  std::size_t copied = 0;
  for (std::size_t i = 0; i < placeholders.size(); ++i) {
    const auto& p = placeholders[i];
    out.append(html.substr(copied, p.position - copied));
    out += found[i] ? picture_html(edition, titles[i], *found[i], p.alt, page_address, media_address)
                    : missing_html(edition, titles[i], page_address);
    copied = p.position + p.length;
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace kidwiki::engine
