// The bytes of an answer the front writes itself before kidwiki reads a request: a status line,
// plain text, and "Connection: close", since the rest of what the client sends is not read.
#pragma once

#include <string>
#include <string_view>

namespace kidwiki::web {

// "Payload Too Large" for 413, and so on for the statuses the front answers.
std::string_view refusal_reason(int status);

std::string refusal_answer(int status, std::string_view text);

}  // namespace kidwiki::web
