#include <array>
#include <string>

#include "filter/filter_detectors.h"

namespace kidwiki::engine {
namespace {

struct LinkRule {
  std::string_view prefix;  // lower case, host and path start; a profile name must follow
  FilterAction action;
};

// Why two actions: a profile link can be an encyclopedic source (a museum's YouTube channel) and
// waits for an adult; an invitation to a private chat never belongs in an encyclopedia.
constexpr std::array<LinkRule, 14> kLinks = {{
    {"instagram.com/", FilterAction::hold},
    {"tiktok.com/@", FilterAction::hold},
    {"youtube.com/@", FilterAction::hold},
    {"youtube.com/channel/", FilterAction::hold},
    {"youtube.com/c/", FilterAction::hold},
    {"youtube.com/user/", FilterAction::hold},
    {"facebook.com/", FilterAction::hold},
    {"twitter.com/", FilterAction::hold},
    {"x.com/", FilterAction::hold},
    {"twitch.tv/", FilterAction::hold},
    {"snapchat.com/add/", FilterAction::refuse},
    {"discord.gg/", FilterAction::refuse},
    {"discord.com/invite/", FilterAction::refuse},
    {"discordapp.com/invite/", FilterAction::refuse},
}};

constexpr std::size_t kMaxHandle = 30;

bool is_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_handle_char(char c) { return is_alnum(c) || c == '_' || c == '.'; }
bool is_path_char(char c) { return is_handle_char(c) || c == '-' || c == '@'; }

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// The host must start there: "box.com/" is not "x.com/".
bool host_starts_at(std::string_view text, std::size_t i) {
  return i == 0 || (!is_alnum(text[i - 1]) && text[i - 1] != '-');
}

void find_links(std::string_view text, const std::string& lower, std::vector<FilterMatch>& out) {
  for (const LinkRule& rule : kLinks) {
    for (std::size_t at = lower.find(rule.prefix); at != std::string::npos;
         at = lower.find(rule.prefix, at + 1)) {
      std::size_t end = at + rule.prefix.size();
      while (end < text.size() && is_path_char(text[end])) ++end;
      if (end == at + rule.prefix.size() || !host_starts_at(text, at)) continue;
      const bool refuse = rule.action == FilterAction::refuse;
      out.push_back({"social", rule.action, refuse ? "filter-social-refuse" : "filter-social-hold",
                     at, end - at});
    }
  }
}

// "@lea_2014" after a space or at the start; "lea@example.fr" is an e-mail address instead.
void find_handles(std::string_view text, std::vector<FilterMatch>& out) {
  for (std::size_t at = text.find('@'); at != std::string_view::npos; at = text.find('@', at + 1)) {
    if (at > 0 && (is_handle_char(text[at - 1]) || text[at - 1] == '/')) continue;
    std::size_t scanned = at + 1;
    while (scanned < text.size() && scanned - at <= kMaxHandle && is_handle_char(text[scanned])) {
      ++scanned;
    }
    std::size_t end = scanned;
    while (end > at + 1 && text[end - 1] == '.') --end;  // the sentence's full stop
    const bool too_long = scanned < text.size() && is_handle_char(text[scanned]);
    if (end - at < 3 || too_long) continue;
    out.push_back({"social", FilterAction::hold, "filter-social-hold", at, end - at});
  }
}

}  // namespace

void find_social(std::string_view text, std::vector<FilterMatch>& out) {
  find_links(text, ascii_lower(text), out);
  find_handles(text, out);
}

}  // namespace kidwiki::engine
