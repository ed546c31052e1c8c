// The wiki's own links, found in cmark's tree rather than in the HTML.
#pragma once

#include <cmark-gfm.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "engine/render.h"
#include "render/render_survey.h"
#include "render/render_text_arena.h"
#include "render/render_view_table.h"
#include "render/render_wiki_target.h"

namespace kidwiki::engine {

// Turns every valid [[...]] in the runs of text it visits into a link placeholder (or a same-page
// anchor link), takes category and interlanguage links out of the flow, and records links,
// categories and langlinks in `result`, each once, in order. cmark may split "[[A]]" into several
// adjacent text nodes, which is why it works on whole runs. Code is not text, so it is left alone.
// Linear in the size of the text.
class WikiLinks final : public TextRunVisitor {
 public:
  WikiLinks(const RenderContext& context, RenderResult& result)
      : context_(context), result_(result) {}

  void visit_run(cmark_node* first, cmark_node* last, std::string_view text,
                 std::string& plain) override;
  // After the walk: removes the line breaks and spaces that removed links left at either end of
  // their container, and paragraphs left empty.
  void tidy();

 private:
  // A parsed target, its texts in arena_, and, for links shown inline, the whole link as HTML:
  // placeholder or anchor tag, label escaped as cmark escapes text, "</a>". One custom node per
  // link then does the work of a tag node and a label node. Small and without heap strings: a
  // long article has thousands.
  struct Target {
    WikiTarget::Kind kind = WikiTarget::Kind::page;
    Namespace ns = Namespace::article;  // page and category
    bool recorded = false;              // already handed to record()
    std::string_view label;             // page and section
    std::string_view html;              // empty for categories and other languages
    std::string_view page_key;          // page: the part of `html` that names the page
    std::string_view name;              // page and category: the title's text; language: the title
    std::string_view lang;              // language
  };
  struct Found {
    std::size_t begin;    // offset of "[["
    std::size_t end;      // offset just past "]]"
    std::uint32_t index;  // of the target, for target_at()
  };

  // Fills found_ with the valid links of `text`, searching from `from` (the first "[[").
  void find(std::string_view text, std::size_t from);
  // The index of the target `inner` names (for target_at), or kInvalid.
  std::uint32_t target_of(std::string_view inner);
  void replace_run(cmark_node* first, cmark_node* last, std::string_view text, std::string& plain);
  void replace_run_by_html(cmark_node* first, cmark_node* last, std::string_view text,
                           std::string& plain);
  void replace_run_by_nodes(cmark_node* first, cmark_node* last, std::string_view text,
                            std::string& plain);
  // Frees `node` and its next siblings up to, not including, `end`.
  static void remove_nodes(cmark_node* node, cmark_node* end);
  void insert_text(cmark_node* before, std::string_view text);
  // `entry` made from scratch_, its texts kept in arena_.
  void keep_target(Target& entry);
  // Fills html and page_key from scratch_.
  void write_link_html(Target& entry);
  // The target at `index` in the blocks; next_target() is the free slot after the last one.
  Target& target_at(std::uint32_t index);
  Target& next_target();
  void record(const Target& target);

  const RenderContext& context_;
  RenderResult& result_;
  // Every distinct text between [[ and ]] and the HTML of its link, kept for the whole render.
  TextArena arena_;
  WikiTarget scratch_;  // reused: each distinct target is parsed into it, then kept compactly
  // Articles repeat their links: each distinct text between [[ and ]] is parsed once per render.
  // The table maps it (a view into arena_) to its index for target_at(), or to kInvalid.
  static constexpr std::uint32_t kInvalid = ViewTable::kAbsent - 1;
  ViewTable targets_;
  // The parsed targets, in blocks that never move: parsed in place, never moved or copied.
  static constexpr std::uint32_t kTargetsPerBlock = 256;
  std::vector<std::unique_ptr<Target[]>> target_blocks_;
  std::uint32_t target_count_ = 0;
  // The pages linked so far, by their page_key.
  ViewTable links_;
  std::set<std::string> categories_;
  std::set<std::pair<std::string, std::string>> langlinks_;
  std::vector<Found> found_;  // reused from run to run
  std::string literal_;       // reused: cmark copies literals from C strings
  std::string html_;          // reused: a run's HTML, or a link's before it goes to arena_
  std::vector<cmark_node*> touched_;
  std::unordered_set<cmark_node*> touched_set_;
};

}  // namespace kidwiki::engine
