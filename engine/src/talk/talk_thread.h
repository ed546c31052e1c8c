// Discussions on talk pages, kept in the page's own Markdown so that history, diffs, review,
// filters and raw editing work on them as on any text. A topic is a "## " heading; a comment is a
// block that ends with a signature the server wrote, " — **Léa**, 6 décembre 2026 à 20:30"; the
// comment opening a topic is a paragraph, and a reply is a list item one level deeper than what it
// answers ("- " for a reply to the opening comment, "  - " for a reply to that reply), so that the
// page reads as threads with no special rendering (docs/discussions.md).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::engine {

struct TalkComment {
  std::string author;     // the signature's name
  std::string signed_at;  // the signature's time, as written
  int depth = 0;          // 0: opens its topic; n: a reply at list level n
  std::size_t first_line = 0;  // 0-based lines of the text; last_line holds the signature
  std::size_t last_line = 0;
  // Names the comment in a reply form: its author and time, which a page holds once.
  std::string id() const { return author + "\n" + signed_at; }
};

struct TalkTopic {
  std::string title;
  std::size_t heading_line = 0;
  std::vector<TalkComment> comments;
};

// The topics of a talk page and their signed comments, in order. Text before the first heading is
// a topic with an empty title. Lines that no signature closes are not comments (text someone
// wrote by editing the page), and never stop the parse.
std::vector<TalkTopic> parse_talk(std::string_view text);

// The signature the server appends: " — **name**, time" (`_` in a name escaped for Markdown).
std::string talk_signature(std::string_view name, std::string_view time);

// `text` with a new topic at its end: "## subject", then `body` signed (a "~~~~" typed at its end,
// MediaWiki's way of asking for a signature, is dropped). `subject` is one line.
std::string with_topic(std::string_view text, std::string_view subject, std::string_view body,
                       std::string_view signature);

// `text` with `body`, signed, as a reply to the comment whose id() is `reply_to`: a list item one
// level deeper, after the replies that answer it already. Empty when no comment has that id.
std::optional<std::string> with_reply(std::string_view text, std::string_view reply_to,
                                      std::string_view body, std::string_view signature);

// The replies `after` has that `before` has not, each with the author of the comment it answers.
struct TalkReply {
  std::string to;  // the author answered
  std::string by;  // the reply's author
};
std::vector<TalkReply> new_replies(std::string_view before, std::string_view after);

}  // namespace kidwiki::engine
