#include "render/link_placeholder.h"

#include <charconv>
#include <optional>

#include "i18n/escape.h"

namespace kidwiki::engine {
namespace {

constexpr std::string_view kOpening = "<a data-wl=\"";
constexpr std::string_view kClosing = "\">";

}  // namespace

std::string attribute_unescaped(std::string_view value) {
  static constexpr std::pair<std::string_view, char> kEntities[] = {
      {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
  std::string out;
  out.reserve(value.size());
  for (std::size_t i = 0; i < value.size(); ++i) {
    char c = value[i];
    if (c == '&') {
      for (const auto& [entity, ch] : kEntities) {
        if (value.substr(i, entity.size()) == entity) {
          c = ch;
          i += entity.size() - 1;
          break;
        }
      }
    }
    out += c;
  }
  return out;
}

namespace {

std::optional<Title> title_from_value(std::string_view value) {
  std::size_t colon = value.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  int ns = -1;
  auto [end, ec] = std::from_chars(value.data(), value.data() + colon, ns);
  if (ec != std::errc() || end != value.data() + colon) return std::nullopt;
  auto space = static_cast<Namespace>(ns);
  if (space != Namespace::article && space != Namespace::talk && space != Namespace::category &&
      space != Namespace::file) {
    return std::nullopt;
  }
  std::string_view text = value.substr(colon + 1);
  if (text.empty()) return std::nullopt;
  return Title{space, std::string(text)};
}

}  // namespace

std::string make_link_placeholder(const Title& target, std::string_view fragment) {
  std::string tag;
  tag.reserve(kOpening.size() + target.text.size() + fragment.size() + 8);
  append_link_placeholder(tag, target, fragment);
  return tag;
}

// Built in place: escaping the parts one by one gives the same bytes as escaping the whole value,
// since ':' and '#' need no escaping.
PlaceholderKey append_link_placeholder(std::string& out, const Title& target,
                                       std::string_view fragment) {
  out += kOpening;
  std::size_t key_offset = out.size();
  int ns = static_cast<int>(target.ns);
  if (ns < 10) {
    out += static_cast<char>('0' + ns);
  } else {
    out += std::to_string(ns);
  }
  out += ':';
  i18n::append_html_escaped(out, target.text);
  PlaceholderKey key{key_offset, out.size() - key_offset};
  if (!fragment.empty()) {
    out += '#';
    i18n::append_html_escaped(out, fragment);
  }
  out += kClosing;
  return key;
}

std::vector<LinkPlaceholder> find_link_placeholders(std::string_view html) {
  std::vector<LinkPlaceholder> found;
  std::size_t pos = html.find(kOpening);
  while (pos != std::string_view::npos) {
    std::size_t value_begin = pos + kOpening.size();
    std::size_t value_end = html.find('"', value_begin);
    if (value_end == std::string_view::npos) break;
    std::size_t next = value_end;
    if (html.substr(value_end, kClosing.size()) == kClosing) {
      std::string value = attribute_unescaped(html.substr(value_begin, value_end - value_begin));
      std::size_t hash = value.find('#');
      std::string fragment = hash == std::string::npos ? "" : value.substr(hash + 1);
      if (auto title = title_from_value(std::string_view(value).substr(0, hash))) {
        next = value_end + kClosing.size();
        found.push_back({pos, next - pos, std::move(*title), std::move(fragment)});
      }
    }
    pos = html.find(kOpening, next);
  }
  return found;
}

}  // namespace kidwiki::engine
