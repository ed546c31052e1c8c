// Wikitext's line-based blocks to Markdown's: headings, lists, tables, rules, code, paragraphs.
//
// Markdown joins a line to the list or paragraph above it unless a blank line separates them,
// where wikitext starts a new block at every list marker: blank lines are added between blocks
// of different kinds.
#include <algorithm>
#include <cctype>
#include <optional>

#include "import/wikitext_parts.h"

namespace kidwiki::import {
namespace {

enum class Kind { none, blank, paragraph, list, heading, table, code };

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A table's cell: "style=\"x\" | text" keeps "text"; the `|` of a link's label is no separator.
std::string_view cell_text(std::string_view cell) {
  const std::size_t bar = cell.find('|');
  const std::size_t link = cell.find("[[");
  if (bar != std::string_view::npos && (link == std::string_view::npos || bar < link) &&
      cell.substr(0, bar).find('=') != std::string_view::npos) {
    return trim(cell.substr(bar + 1));
  }
  return trim(cell);
}

std::vector<std::string_view> split_cells(std::string_view line, std::string_view separator) {
  std::vector<std::string_view> cells;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = line.find(separator, from);
    cells.push_back(
        cell_text(line.substr(from, at == std::string_view::npos ? line.npos : at - from)));
    if (at == std::string_view::npos) return cells;
    from = at + separator.size();
  }
}

struct Table {
  std::string caption;
  std::vector<std::vector<std::string>> rows;
  bool header = false;  // the first row's cells were `!` cells
  int nested = 0;       // depth of tables inside this one, whose lines are dropped

  void add_cells(std::string_view line, bool head, const WikitextNames& names) {
    if (rows.empty()) {
      rows.emplace_back();
      header = head;
    }
    for (auto cell : split_cells(line, head ? "!!" : "||")) {
      if (head) {  // a header line may use either separator
        for (auto part : split_cells(cell, "||"))
          rows.back().push_back(convert_inline(part, names));
      } else {
        rows.back().push_back(convert_inline(cell, names));
      }
    }
  }

  void continue_cell(std::string_view line, const WikitextNames& names) {
    if (rows.empty() || rows.back().empty()) return;
    rows.back().back() += " " + convert_inline(trim(line), names);
  }

  static std::string escaped(const std::string& cell) {
    std::string out;
    for (std::size_t i = 0; i < cell.size(); ++i) {
      if (cell[i] == '|' && (i == 0 || cell[i - 1] != '\\')) out += '\\';
      out += cell[i];
    }
    return out;
  }

  std::string markdown() const {
    std::size_t columns = 0;
    for (const auto& row : rows) columns = std::max(columns, row.size());
    if (columns == 0) return caption.empty() ? "" : caption + "\n";
    std::string out = caption.empty() ? "" : "*" + caption + "*\n\n";
    auto line = [&](const std::vector<std::string>& row) {
      out += "|";
      for (std::size_t c = 0; c < columns; ++c)
        out += " " + (c < row.size() ? escaped(row[c]) : "") + " |";
      out += "\n";
    };
    // GFM needs a header: the first row is one, `!` cells or not.
    line(rows.front());
    out += "|";
    for (std::size_t c = 0; c < columns; ++c) out += " --- |";
    out += "\n";
    for (std::size_t r = 1; r < rows.size(); ++r) {
      if (!rows[r].empty()) line(rows[r]);
    }
    return out;
  }
};

struct Blocks {
  const WikitextNames& names;
  Lost& lost;
  std::string out;
  Kind last = Kind::none;
  std::optional<Table> table{};

  void start(Kind kind) {
    const bool joins = kind == last && (kind == Kind::list || kind == Kind::paragraph);
    if (last == Kind::blank || (last != Kind::none && !joins)) out += "\n";
    last = kind;
  }

  void heading(std::string_view line) {
    std::size_t left = 0, right = 0;
    while (left < line.size() && line[left] == '=') ++left;
    while (right < line.size() - left && line[line.size() - 1 - right] == '=') ++right;
    const std::size_t level = std::min<std::size_t>({left, right, 6});
    if (level == 0 || 2 * level >= line.size()) return paragraph(line);
    const std::string_view text = trim(line.substr(level, line.size() - 2 * level));
    start(Kind::heading);
    out += std::string(level, '#') + " " + convert_inline(text, names) + "\n";
    last = Kind::heading;
  }

  void list_item(std::string_view line) {
    std::size_t depth = 0;
    std::string indent;
    while (depth < line.size() &&
           std::string_view("*#:;").find(line[depth]) != std::string_view::npos)
      ++depth;
    for (std::size_t k = 0; k + 1 < depth; ++k) indent += line[k] == '#' ? "   " : "  ";
    const char marker = line[depth - 1];
    std::string_view text = trim(line.substr(depth));
    start(Kind::list);
    if (marker == ';') {  // a term, and its definition after " : " on the same line
      const std::size_t colon = text.find(" : ");
      out += indent + "- **" + convert_inline(trim(text.substr(0, colon)), names) + "**";
      if (colon != std::string_view::npos)
        out += " : " + convert_inline(trim(text.substr(colon + 3)), names);
      out += "\n";
    } else if (marker == ':' && depth == 1) {  // an indented paragraph
      out += convert_inline(text, names) + "\n";
    } else {
      out += indent +
             (marker == '#'   ? "1. "
              : marker == ':' ? "  "
                              : "- ") +
             convert_inline(text, names) + "\n";
    }
  }

  void paragraph(std::string_view line) {
    std::string text = convert_inline(trim(line), names);
    if (text.empty()) return;
    // A paragraph's first characters must not start a Markdown block.
    if (std::string_view("#>-+=|").find(text[0]) != std::string_view::npos) text.insert(0, "\\");
    std::size_t digits = 0;
    while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
    if (digits > 0 && digits < 10 && digits < text.size() &&
        (text[digits] == '.' || text[digits] == ')')) {
      text.insert(digits, "\\");
    }
    start(Kind::paragraph);
    out += text + "\n";
  }

  void table_line(std::string_view line) {
    if (line.starts_with("{|")) {
      if (table->nested++ == 0) ++lost["nested table"];
    } else if (line.starts_with("|}")) {
      if (table->nested > 0) {
        --table->nested;
        return;
      }
      start(Kind::table);
      out += table->markdown();
      table.reset();
    } else if (table->nested > 0) {
      return;
    } else if (line.starts_with("|+")) {
      table->caption = convert_inline(trim(line.substr(2)), names);
    } else if (line.starts_with("|-")) {
      table->rows.emplace_back();
    } else if (line.starts_with("!")) {
      table->add_cells(line.substr(1), true, names);
    } else if (line.starts_with("|")) {
      table->add_cells(line.substr(1), false, names);
    } else {
      table->continue_cell(line, names);
    }
  }

  void line(std::string_view raw) {
    const std::string_view line = trim(raw);
    if (table) return table_line(line);
    if (last == Kind::code) {
      out += std::string(raw) + "\n";
      if (line == "```") last = Kind::paragraph;
      return;
    }
    if (line.empty()) {
      if (last != Kind::none) last = Kind::blank;
      return;
    }
    if (line == "```") {
      start(Kind::code);
      out += "```\n";
    } else if (line.starts_with("{|")) {
      table.emplace();
    } else if (line.starts_with("=") && line.ends_with("=") && line.size() > 2) {
      heading(line);
    } else if (std::string_view("*#:;").find(line[0]) != std::string_view::npos) {
      list_item(line);
    } else if (line.starts_with("----")) {
      start(Kind::heading);
      out += "---\n";
    } else {
      paragraph(line);
    }
  }
};

// "#REDIRECT [[Target]]" (any case, also #REDIRECTION), as kidwiki reads it; "" when not one.
std::string redirect_line(std::string_view first) {
  std::string upper;
  for (char c : first.substr(0, 12))
    upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (!upper.starts_with("#REDIRECT")) return "";
  const std::size_t open = first.find("[[");
  const std::size_t close = open == std::string_view::npos ? open : first.find("]]", open);
  if (close == std::string_view::npos) return "";
  return "#REDIRECT [[" + std::string(trim(first.substr(open + 2, close - open - 2))) + "]]";
}

}  // namespace

std::string convert_blocks(std::string_view text, const WikitextNames& names, Lost& lost) {
  Blocks blocks{names, lost, {}};
  std::size_t from = 0;
  bool first = true;
  while (from <= text.size()) {
    std::size_t end = text.find('\n', from);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(from, end - from);
    std::string redirect = first ? redirect_line(trim(line)) : "";
    if (!redirect.empty()) {
      blocks.out += redirect + "\n";
      blocks.last = Kind::heading;
    } else if (!first || !trim(line).empty()) {
      blocks.line(line);
    }
    first = first && trim(line).empty() && redirect.empty();
    from = end + 1;
  }
  while (blocks.table) blocks.line("|}");  // an unclosed table ends with the page
  return blocks.out;
}

}  // namespace kidwiki::import
