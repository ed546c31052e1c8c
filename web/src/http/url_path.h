// The path of a request URL, split into segments and percent-decoded exactly once.
//
// Why not httplib's Request::path: it is already decoded, so "AC%2FDC" has become two segments
// and a title holding "%25" could be decoded a second time by mistake. The router works on the
// raw target instead and decodes each captured segment here, once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kidwiki::web {

// The path part of a request target: everything before '?' (or '#').
std::string_view target_path(std::string_view target);

// The segments between slashes, still percent-encoded. "/" gives {""}, "/a/b" gives {"a","b"};
// a target not starting with '/' gives no segment at all.
std::vector<std::string_view> split_path(std::string_view path);

// Decodes every %XX once ('+' stays '+', as in any path). Empty when an escape is malformed
// ("%", "%4", "%G0") or when the result is not valid UTF-8.
std::optional<std::string> decode_path_segment(std::string_view raw);

}  // namespace kidwiki::web
