#include "render/render_task_items.h"

#include <cmark-gfm-core-extensions.h>

#include <optional>

namespace kidwiki::engine {
namespace {

// The lines of a text, numbered from 1 as cmark numbers them ("\n", "\r\n" or "\r" ends one),
// asked for in increasing order: the whole walk reads the text once.
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}

  std::string_view line(int number) {
    if (number < number_) rewind();
    while (number_ < number && start_ < text_.size()) next();
    std::size_t end = text_.find_first_of("\r\n", start_);
    if (end == std::string_view::npos) end = text_.size();
    return number_ == number ? text_.substr(start_, end - start_) : std::string_view();
  }

 private:
  void rewind() {
    start_ = 0;
    number_ = 1;
  }
  void next() {
    std::size_t end = text_.find_first_of("\r\n", start_);
    if (end == std::string_view::npos) {
      start_ = text_.size();
      return;
    }
    start_ = end + (text_.substr(end, 2) == "\r\n" ? 2 : 1);
    ++number_;
  }

  std::string_view text_;
  std::size_t start_ = 0;
  int number_ = 1;
};

// The box after the list marker that starts at byte `column` (from 1) of `line`: ticked or not,
// or nothing when the line does not read "marker, blanks, [c]" there.
std::optional<bool> box_state(std::string_view line, int column) {
  if (column < 1 || static_cast<std::size_t>(column) > line.size()) return std::nullopt;
  std::size_t i = static_cast<std::size_t>(column) - 1;
  if (line[i] == '-' || line[i] == '+' || line[i] == '*') {
    ++i;
  } else {
    std::size_t digits = i;
    while (i < line.size() && line[i] >= '0' && line[i] <= '9') ++i;
    if (i == digits || i == line.size() || (line[i] != '.' && line[i] != ')')) return std::nullopt;
    ++i;
  }
  std::size_t marker_end = i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == marker_end || line.size() - i < 3 || line[i] != '[' || line[i + 2] != ']') {
    return std::nullopt;
  }
  return line[i + 1] == 'x' || line[i + 1] == 'X';
}

}  // namespace

void correct_task_boxes(const std::vector<cmark_node*>& items, std::string_view markdown) {
  LineCursor lines(markdown);
  for (cmark_node* item : items) {
    std::string_view line = lines.line(cmark_node_get_start_line(item));
    if (std::optional<bool> ticked = box_state(line, cmark_node_get_start_column(item))) {
      cmark_gfm_extensions_set_tasklist_item_checked(item, *ticked);
    }
  }
}

}  // namespace kidwiki::engine
