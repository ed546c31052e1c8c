#include "talk/talk_thread.h"

#include <set>

namespace kidwiki::engine {
namespace {

constexpr std::string_view kSignatureOpen = " — **";
constexpr std::string_view kSignatureMiddle = "**, ";

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    std::string line(text.substr(begin, end - begin));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
    begin = end + 1;
  }
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + '\n';
  return out;
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

std::size_t indent_of(std::string_view line) {
  const std::size_t n = line.find_first_not_of(' ');
  return n == std::string_view::npos ? line.size() : n;
}

bool is_item(std::string_view line) { return line.substr(indent_of(line)).starts_with("- "); }

bool is_heading(std::string_view line) { return line.starts_with("## "); }

int depth_of(std::string_view line) {
  return is_item(line) ? static_cast<int>(indent_of(line) / 2) + 1 : 0;
}

std::string unescaped(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    if (name[i] == '\\' && i + 1 < name.size()) ++i;
    out += name[i];
  }
  return out;
}

// The author and time of the signature ending `line`, if it ends with one.
std::optional<std::pair<std::string, std::string>> signature_in(std::string_view line) {
  const std::size_t open = line.rfind(kSignatureOpen);
  if (open == std::string_view::npos) return std::nullopt;
  const std::string_view rest = line.substr(open + kSignatureOpen.size());
  const std::size_t middle = rest.find(kSignatureMiddle);
  if (middle == std::string_view::npos || middle == 0) return std::nullopt;
  std::string_view time = rest.substr(middle + kSignatureMiddle.size());
  while (!time.empty() && (time.back() == ' ' || time.back() == '\t')) time.remove_suffix(1);
  if (time.empty() || time.find("**") != std::string_view::npos) return std::nullopt;
  return std::make_pair(unescaped(rest.substr(0, middle)), std::string(time));
}

// A line of a comment's body, kept from starting a heading, a list item or a quote of its own.
std::string inert(std::string_view line) {
  const std::size_t at = line.find_first_not_of(' ');
  if (at == std::string_view::npos) return "";
  std::string_view text = line.substr(at);
  const bool marker = text.starts_with('#') || text.starts_with('>') ||
                      ((text.starts_with("- ") || text.starts_with("* ") || text.starts_with("+ ")));
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  const bool numbered = digits > 0 && digits < text.size() &&
                        (text[digits] == '.' || text[digits] == ')');
  std::string out(text);
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  if (marker) return "\\" + out;
  if (numbered) return out.substr(0, digits) + "\\" + out.substr(digits);
  return out;
}

// `body` as the lines of a comment at `depth`, signed on its last line: a paragraph at depth 0, a
// list item otherwise, with blank lines inside it kept single.
std::vector<std::string> comment_lines(std::string_view body, int depth,
                                       std::string_view signature) {
  std::vector<std::string> text;
  for (const auto& line : lines_of(body)) {
    std::string kept = inert(line);
    if (kept.empty() && (text.empty() || text.back().empty())) continue;
    text.push_back(std::move(kept));
  }
  while (!text.empty() && text.back().empty()) text.pop_back();
  // MediaWiki's habit: "~~~~" asks for a signature, which the server adds anyway.
  if (!text.empty() && text.back().ends_with("~~~~")) {
    text.back().resize(text.back().size() - 4);
    while (!text.back().empty() && text.back().back() == ' ') text.back().pop_back();
  }
  if (text.empty()) text.emplace_back();
  text.back() += std::string(signature);
  if (depth == 0) return text;
  const std::string indent(static_cast<std::size_t>(2 * (depth - 1)), ' ');
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i].empty()) out.emplace_back();
    else out.push_back(indent + (i == 0 ? "- " : "  ") + text[i]);
  }
  return out;
}

}  // namespace

std::vector<TalkTopic> parse_talk(std::string_view text) {
  const auto lines = lines_of(text);
  std::vector<TalkTopic> topics(1);
  std::optional<std::size_t> start;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (is_heading(line)) {
      topics.push_back({line.substr(3), i, {}});
      start.reset();
      continue;
    }
    if (blank(line)) continue;
    // A new block (a list item, or a paragraph after a blank line) starts a new comment.
    if (!start || is_item(line) || (i > 0 && blank(lines[i - 1]) && indent_of(line) == 0)) {
      start = i;
    }
    if (auto signature = signature_in(line)) {
      topics.back().comments.push_back(
          {signature->first, signature->second, depth_of(lines[*start]), *start, i});
      start.reset();
    }
  }
  if (topics.front().comments.empty()) topics.erase(topics.begin());
  return topics;
}

std::string talk_signature(std::string_view name, std::string_view time) {
  std::string escaped;
  for (char c : name) {
    if (c == '_' || c == '*' || c == '\\') escaped += '\\';
    escaped += c;
  }
  return std::string(kSignatureOpen) + escaped + std::string(kSignatureMiddle) + std::string(time);
}

std::string with_topic(std::string_view text, std::string_view subject, std::string_view body,
                       std::string_view signature) {
  auto lines = lines_of(text);
  while (!lines.empty() && blank(lines.back())) lines.pop_back();
  if (!lines.empty()) lines.emplace_back();
  lines.push_back("## " + std::string(subject));
  lines.emplace_back();
  for (auto& line : comment_lines(body, 0, signature)) lines.push_back(std::move(line));
  return joined(lines);
}

std::optional<std::string> with_reply(std::string_view text, std::string_view reply_to,
                                      std::string_view body, std::string_view signature) {
  auto lines = lines_of(text);
  for (const auto& topic : parse_talk(text)) {
    const auto& comments = topic.comments;
    for (std::size_t k = 0; k < comments.size(); ++k) {
      if (comments[k].id() != reply_to) continue;
      // After the replies that answer it already: up to the next comment no deeper than it.
      std::size_t last = k;
      while (last + 1 < comments.size() && comments[last + 1].depth > comments[k].depth) ++last;
      std::size_t at = comments[last].last_line + 1;
      auto reply = comment_lines(body, comments[k].depth + 1, signature);
      if (comments[k].depth == 0 && last == k) reply.insert(reply.begin(), "");
      // Text that follows without a blank line would be read as part of the reply.
      if (at < lines.size() && !blank(lines[at]) && !is_item(lines[at])) reply.emplace_back();
      lines.insert(lines.begin() + static_cast<std::ptrdiff_t>(at), reply.begin(), reply.end());
      return joined(lines);
    }
  }
  return std::nullopt;
}

std::vector<TalkReply> new_replies(std::string_view before, std::string_view after) {
  std::set<std::string> known;
  for (const auto& topic : parse_talk(before)) {
    for (const auto& c : topic.comments) known.insert(c.id());
  }
  std::vector<TalkReply> replies;
  for (const auto& topic : parse_talk(after)) {
    const auto& comments = topic.comments;
    for (std::size_t k = 0; k < comments.size(); ++k) {
      if (comments[k].depth == 0 || known.count(comments[k].id())) continue;
      for (std::size_t p = k; p-- > 0;) {
        if (comments[p].depth == comments[k].depth - 1) {
          replies.push_back({comments[p].author, comments[k].author});
          break;
        }
        if (comments[p].depth < comments[k].depth - 1) break;
      }
    }
  }
  return replies;
}

}  // namespace kidwiki::engine
