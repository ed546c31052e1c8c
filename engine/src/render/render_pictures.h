// Pictures in articles: a Markdown image whose address names a file page,
//     ![A lion resting in the savanna](File:Lion.jpg)      (or "Fichier:Lion.jpg", "<File:Le lion.jpg>")
// becomes a picture placeholder
//     <img data-wf="Lion.jpg" alt="A lion resting in the savanna">
// which the view fills with the picture's current sizes and addresses (picture_assembly.h), or a
// red link to its upload when there is no such picture yet. Alone in its paragraph, it is a figure
// with its caption; among words, an inline picture. Why the address form rather than MediaWiki's
// [[File:...|thumb|...]]: it is plain Markdown, so every Markdown editor and preview understands
// it, and the importer (issue 16) converts the MediaWiki form to it.
//
// Invariant: as for link placeholders (link_placeholder.h), the bytes `<img data-wf="` can only
// come from here: cmark escapes every '<' of user text and omits raw HTML.
#pragma once

#include <cmark-gfm.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/render.h"

namespace kidwiki::engine {

// Turns the images of `links_and_images` that name a file page into picture placeholders,
// records each picture's title in result.links, and returns the other links and images (without
// those that were inside a picture, now freed) for the URL policy.
std::vector<cmark_node*> embed_pictures(const std::vector<cmark_node*>& links_and_images,
                                        const RenderContext& context, RenderResult& result);

// The placeholder tag of the picture `title` described by `alt`.
std::string picture_placeholder(const Title& title, std::string_view alt);

// The file page a picture's address names ("File:Lion.jpg", "Fichier:Lion%20blanc.jpg"), or
// nothing for any other address.
std::optional<Title> picture_address(std::string_view address, const RenderContext& context);

// Adds `title` to result.links unless it is there.
void record_picture(RenderResult& result, const Title& title);

struct PicturePlaceholder {
  std::size_t position;  // offset of '<' of the tag in the HTML
  std::size_t length;    // up to and including its '>'
  std::string name;      // the file page's title text, unescaped
  std::string alt;       // unescaped
};

// Every picture placeholder of `html`, in order; linear in its size.
std::vector<PicturePlaceholder> find_picture_placeholders(std::string_view html);

}  // namespace kidwiki::engine
